// @sipcode + a paste, a query, `timers`, or an attached log → the answer in the message's thread.
// Attached files none of which could be read, with no words worth answering → a private note; so
// does a mention in a thread whose words name nothing (it reads no other message of the thread).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import type { SlackFile } from "../../files.js";
import { answerMessage } from "./answer-message.js";

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (await deps.dedupe.seen([body.event_id, `${event.channel}:${event.ts}`])) return;
    await answerMessage(client, deps, {
      channel: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts,
      user: event.user,
      text: event.text,
      files: (event as { files?: SlackFile[] }).files,
    });
  };
}
