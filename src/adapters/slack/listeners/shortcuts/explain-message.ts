// "Explain error codes" on any message (threads included): the findings go into that thread; a
// message with nothing worth explaining (no code, no clear question, no readable log file) gets a
// private note to whoever asked instead, since everyone in the thread would see a guess.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { readFiles, type SlackFile } from "../../files.js";
import { messageText } from "../../message-text.js";
import { tellPrivately } from "../../private-note.js";
import { answerInThread, type ThreadOutcome } from "../../thread.js";
import { countNothing, nothingNote } from "../../worth.js";

export function explainMessage(deps: SlackDeps) {
  return async ({
    ack,
    shortcut,
    client,
    respond,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const msg = shortcut.message as { ts: string; thread_ts?: string; files?: SlackFile[] };
    const files = await readFiles(msg.files, client, deps);
    // A bot's alert is in its attachments or blocks as often as in `text`.
    const text = `${messageText(msg)}${files.text}`;
    const out: ThreadOutcome =
      text.trim() === ""
        ? { posted: false, findings: 0, nothing: true }
        : await answerInThread(client, deps, {
            channel: shortcut.channel.id,
            threadTs: msg.thread_ts ?? msg.ts,
            text,
            scanFirst: true,
            notes: files.notes,
            onlyIfWorthIt: true,
          });
    const asker = {
      client,
      respond,
      user: shortcut.user.id,
      channel: shortcut.channel.id,
      threadTs: msg.thread_ts,
    };
    if (out.nothing) {
      countNothing();
      // Chatter, or files that could not be read: said to the person who asked, not the thread.
      await tellPrivately(asker, deps.logger, nothingNote(files.notes));
      return;
    }
    const problem = out.posted ? out.checklistProblem : (out.problem ?? "");
    if (problem !== undefined) await tellPrivately(asker, deps.logger, problem);
  };
}
