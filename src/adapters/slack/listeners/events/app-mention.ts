// @sipcode + a paste, a query, `timers`, or an attached log → the answer in the message's thread.
// Attached files none of which could be read, with no words worth answering → a private note; so
// does a mention in a thread whose words name nothing (it reads no other message of the thread).
// A mention in sipcode's own DM is answered as that DM's message is, whichever event comes first.
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
      ownDm: inOwnDm(event),
    });
  };
}

/**
 * Whether the mention was made in sipcode's own DM. Slack sends `app_mention` only from
 * conversations the app is a member of, and the only one-to-one DM (id D…) it is a member of is its
 * own: a mention there is also that DM's `message.im`, and only one of the two is answered, so
 * both must give the DM's answer (a short reply, not a "No entry" card, to words naming nothing).
 */
function inOwnDm(event: { channel: string; channel_type?: string }): boolean {
  return event.channel_type === "im" || event.channel.startsWith("D");
}
