// The answer to a message that asks sipcode something: an @sipcode mention, or any message in the
// bot's own DM. Its words and attached logs go to the thread reply (card and checklist); a message
// with nothing to explain gets a sentence saying why and what to send, instead of an empty card.
import type { WebClient } from "@slack/web-api";
import type { Entry } from "../../../../catalog/schema.js";
import { route } from "../../../../engine/route.js";
import { draftReply } from "../../../../respond.js";
import type { SlackDeps } from "../../deps.js";
import { readFiles, type SlackFile } from "../../files.js";
import { tellPrivately } from "../../private-note.js";
import { postMessage } from "../../send.js";
import { slackToPlain, textOf } from "../../text.js";
import { answerInThread, type ThreadOutcome } from "../../thread.js";
import { countNothing, namesNothing, nothingNote, wordsOnlyNote } from "../../worth.js";
import { ownDmNote } from "./own-dm-note.js";

/** A message asking sipcode something, as the mention or DM event carried it. */
export interface Asking {
  channel: string;
  ts: string;
  threadTs?: string;
  user?: string;
  /** The message's text field (Slack sends a string; anything else is read as textOf does). */
  text: unknown;
  files?: SlackFile[];
  /**
   * The bot's own DM: every message there is addressed to sipcode and nobody else reads it, so
   * words that name nothing get a plain reply saying what to send, not a private note.
   */
  ownDm?: boolean;
}

export async function answerMessage(client: WebClient, deps: SlackDeps, m: Asking): Promise<void> {
  const files = await readFiles(m.files, client, deps);
  const text = `${slackToPlain(textOf(m.text))}${files.text}`;
  // Files came but none could be read: a public "No error codes found" would tell the channel the
  // log is clean. Unless the words alone hold something to explain, only the user hears why.
  const unread = files.attached > 0 && files.read === 0;
  // A note goes to the thread the user is reading, or to the channel for a mention made there.
  const asker = m.user ? { client, user: m.user, channel: m.channel, threadTs: m.threadTs } : undefined;
  const tell = async (note: string) => {
    if (m.ownDm) {
      await postMessage(
        client,
        {
          channel: m.channel,
          text: note,
          unfurl_links: false,
          ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
        },
        deps,
      );
    } else if (asker) await tellPrivately(asker, deps.logger, note);
  };
  // In a thread, people point at what is already there ("explain the log above?"); in the bot's DM
  // they say hello. Words that name nothing get a pointer instead of a "No entry" card.
  const wordsOnly = files.attached === 0 && (m.ownDm || m.threadTs);
  const nothing = wordsOnly ? namesNothingHere(deps, text, m.ownDm === true) : undefined;
  if (nothing) {
    countNothing();
    await tell(m.ownDm ? ownDmNote([], nothing.guess) : wordsOnlyNote(clip(text), nothing.guess));
    return;
  }
  const out: ThreadOutcome =
    unread && text.trim() === ""
      ? { posted: false, findings: 0, nothing: true }
      : await answerInThread(client, deps, {
          channel: m.channel,
          threadTs: m.threadTs ?? m.ts,
          text: text.trim() === "" && files.attached > 0 ? "scan " : text,
          notes: files.notes,
          onlyIfWorthIt: unread,
        });
  if (out.nothing) {
    countNothing();
    await tell(m.ownDm ? ownDmNote(files.notes) : nothingNote(files.notes));
    return;
  }
  const problem = out.posted ? out.checklistProblem : (out.problem ?? "");
  if (problem !== undefined && asker) await tellPrivately(asker, deps.logger, problem);
}

/**
 * Whether the words name nothing, and the catalog's best guess at them when it has one. Only
 * questions are drafted here (a paste is a scan). In the bot's DM an empty message names nothing
 * too: a mention's empty words ask for help, a DM's are a file or an image without a log.
 */
function namesNothingHere(
  deps: SlackDeps,
  text: string,
  ownDm: boolean,
): { guess: Entry | undefined } | undefined {
  if (ownDm && text.trim() === "") return { guess: undefined };
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
