// "Explain error codes" on any message (threads included): the findings go into that thread; a
// message with no text (and no readable log file) gets a private note instead.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { esc } from "../../../../render/block-kit.js";
import type { SlackDeps } from "../../deps.js";
import { readFiles, type SlackFile } from "../../files.js";
import { slackToPlain } from "../../text.js";
import { answerInThread } from "../../thread.js";

export function explainMessage(deps: SlackDeps) {
  return async ({
    ack,
    shortcut,
    client,
    respond,
  }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const msg = shortcut.message as { ts: string; thread_ts?: string; text?: string; files?: SlackFile[] };
    const files = await readFiles(msg.files, client, deps);
    const text = `${slackToPlain(msg.text ?? "")}${files.text}`;
    if (text.trim() === "") {
      // Nothing to scan: say so to the person who asked, instead of a help card in the thread.
      const why = files.notes.length > 0 ? ` ${esc(files.notes.join(" "))}` : "";
      await respond({
        response_type: "ephemeral",
        text: `There is nothing to explain in that message.${why}`,
      });
      return;
    }
    const out = await answerInThread(client, deps, {
      channel: shortcut.channel.id,
      threadTs: msg.thread_ts ?? msg.ts,
      text,
      scanFirst: true,
      notes: files.notes,
    });
    const problem = out.posted ? out.checklistProblem : (out.problem ?? "");
    if (problem !== undefined) await respond({ response_type: "ephemeral", text: problem });
  };
}
