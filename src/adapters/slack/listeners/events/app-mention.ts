// @sipcode + a paste, a query, `timers`, or an attached log → the answer in the message's thread.
// Attached files none of which could be read, with no words worth answering → a private note.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { readFiles, type SlackFile } from "../../files.js";
import { tellPrivately } from "../../private-note.js";
import { slackToPlain, textOf } from "../../text.js";
import { answerInThread, type ThreadOutcome } from "../../thread.js";
import { countNothing, nothingNote } from "../../worth.js";

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (await deps.dedupe.seen([body.event_id, `${event.channel}:${event.ts}`])) return;
    const files = await readFiles((event as { files?: SlackFile[] }).files, client, deps);
    const text = `${slackToPlain(textOf(event.text))}${files.text}`;
    // Files came but none could be read: a public "No error codes found" would tell the channel the
    // log is clean. Unless the words alone hold something to explain, only the user hears why.
    const unread = files.attached > 0 && files.read === 0;
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
    // In a thread, a note goes to that thread, where the user is reading; a mention in the
    // channel itself gets it in the channel.
    const asker = event.user
      ? { client, user: event.user, channel: event.channel, threadTs: event.thread_ts }
      : undefined;
    if (out.nothing) {
      countNothing();
      if (asker) await tellPrivately(asker, deps.logger, nothingNote(files.notes));
      return;
    }
    const problem = out.posted ? out.checklistProblem : (out.problem ?? "");
    if (problem !== undefined && asker) await tellPrivately(asker, deps.logger, problem);
  };
}
