// Any person's message in sipcode's own DM (the app's Messages tab, `channel_type: "im"`) is asked
// of sipcode, as a mention is in a channel: a log, a query or an attached log gets the same answer
// in the message's thread, and anything else a reply saying what to send.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../../deps.js";
import type { SlackFile } from "../../files.js";
import { answerMessage } from "./answer-message.js";
import { isHumanPost, type PostedMessage } from "./human-post.js";

interface DmMessage extends PostedMessage {
  channel_type?: string;
  user?: string;
  text?: unknown;
  ts: string;
  thread_ts?: string;
  files?: SlackFile[];
}

export function directMessage(deps: SlackDeps) {
  return async ({ message, body, client }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    const m = message as DmMessage;
    // Slack sends `message.im` only for the bot's own DMs: DMs between people never reach it.
    if (m.channel_type !== "im" || !isHumanPost(m)) return;
    // The same (channel, ts) key as a mention's, so a DM that also mentions sipcode is answered once.
    if (await deps.dedupe.seen([body.event_id, `${message.channel}:${m.ts}`])) return;
    await answerMessage(client, deps, {
      channel: message.channel,
      ts: m.ts,
      threadTs: m.thread_ts,
      user: m.user,
      text: m.text,
      files: m.files,
      ownDm: true,
    });
  };
}
