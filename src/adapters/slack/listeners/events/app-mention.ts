// @sipcode + a paste, a query, `timers`, or an attached log → the answer in the message's thread.
// Attached files none of which could be read, with no words worth answering → a private note; so
// does a mention in a thread whose words name nothing (it reads no other message of the thread).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Entry } from "../../../../catalog/schema.js";
import { route } from "../../../../engine/route.js";
import { draftReply } from "../../../../respond.js";
import type { SlackDeps } from "../../deps.js";
import { readFiles, type SlackFile } from "../../files.js";
import { tellPrivately } from "../../private-note.js";
import { slackToPlain, textOf } from "../../text.js";
import { answerInThread, type ThreadOutcome } from "../../thread.js";
import { countNothing, namesNothing, nothingNote, wordsOnlyNote } from "../../worth.js";

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (await deps.dedupe.seen([body.event_id, `${event.channel}:${event.ts}`])) return;
    const files = await readFiles((event as { files?: SlackFile[] }).files, client, deps);
    const text = `${slackToPlain(textOf(event.text))}${files.text}`;
    // Files came but none could be read: a public "No error codes found" would tell the channel the
    // log is clean. Unless the words alone hold something to explain, only the user hears why.
    const unread = files.attached > 0 && files.read === 0;
    // In a thread, people point at what is already there ("explain the log above?"): words that
    // name nothing get a private pointer to the shortcut instead of a public "No entry" card.
    // A note goes to the thread the user is reading, or to the channel for a mention made there.
    const asker = event.user
      ? { client, user: event.user, channel: event.channel, threadTs: event.thread_ts }
      : undefined;
    const nothing = event.thread_ts && files.attached === 0 ? namesNothingHere(deps, text) : undefined;
    if (nothing) {
      countNothing();
      if (asker) await tellPrivately(asker, deps.logger, wordsOnlyNote(clip(text), nothing.guess));
      return;
    }
    const out: ThreadOutcome =
      unread && text.trim() === ""
        ? { posted: false, findings: 0, nothing: true }
        : await answerInThread(client, deps, {
            channel: event.channel,
            threadTs: event.thread_ts ?? event.ts,
            text: text.trim() === "" && files.attached > 0 ? "scan " : text,
            notes: files.notes,
            onlyIfWorthIt: unread,
          });
    if (out.nothing) {
      countNothing();
      if (asker) await tellPrivately(asker, deps.logger, nothingNote(files.notes));
      return;
    }
    const problem = out.posted ? out.checklistProblem : (out.problem ?? "");
    if (problem !== undefined && asker) await tellPrivately(asker, deps.logger, problem);
  };
}

/** Whether a question's words name nothing; only questions are drafted here (a paste is a scan). */
/** Whether the words name nothing, and the catalog's best guess at them when it has one. */
function namesNothingHere(deps: SlackDeps, text: string): { guess: Entry | undefined } | undefined {
  if (route(text).type !== "explain") return undefined;
  const opts = { maskPhoneNumbers: deps.config.maskPhoneNumbers };
  const reply = draftReply(deps.catalog, text, "slack", opts);
  if (!namesNothing(reply)) return undefined;
  return { guess: reply.kind === "explain" ? reply.result.results[0] : undefined };
}

/** The words quoted back in the note, kept short. */
function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}
