// @sipcode + a paste, a query, `timers`, or an attached log → the answer in the message's thread.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import { readFiles, type SlackFile } from "../../files.js";
import { slackToPlain, textOf } from "../../text.js";
import { answerInThread, tellUser } from "../../thread.js";

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (await deps.dedupe.seen([body.event_id, `${event.channel}:${event.ts}`])) return;
    const files = await readFiles((event as { files?: SlackFile[] }).files, client, deps);
    const text = `${slackToPlain(textOf(event.text))}${files.text}`;
    const out = await answerInThread(client, deps, {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      text: text.trim() === "" && files.notes.length > 0 ? "scan " : text,
      notes: files.notes,
    });
    const problem = out.posted ? out.checklistProblem : (out.problem ?? "");
    // In a thread, the note goes to that thread, where the user is reading; a mention in the
    // channel itself gets it in the channel.
    if (problem !== undefined && event.user)
      await tellUser(client, deps, event.channel, event.user, problem, event.thread_ts);
  };
}
