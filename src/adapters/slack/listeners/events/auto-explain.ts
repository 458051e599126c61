// Auto-explain in channels listed in SLACK_AUTO_EXPLAIN_CHANNELS: a human message with a
// code-bearing log gets one threaded reply. Bot messages (ours included) are ignored: no loops.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { looksLikeLog } from "../../../../engine/route.js";
import { scanText } from "../../../../engine/scan/scanner.js";
import type { SlackDeps } from "../../deps.js";
import { slackToPlain, textOf } from "../../text.js";
import { answerInThread } from "../../thread.js";
import { isHumanPost, type PostedMessage } from "./human-post.js";

export function autoExplain(deps: SlackDeps) {
  return async ({ message, body, client }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    if (!deps.slack.autoExplainChannels.includes(message.channel)) return;
    const m = message as PostedMessage & { text?: string; ts: string; thread_ts?: string };
    if (!isHumanPost(m)) return;
    const text = slackToPlain(textOf(m.text));
    if (!looksLikeLog(text) || scanText(deps.catalog, text).findings.length === 0) return;
    if (await deps.dedupe.seen([body.event_id, `${message.channel}:${m.ts}`])) return;
    await answerInThread(client, deps, {
      channel: message.channel,
      threadTs: m.thread_ts ?? m.ts,
      text: `scan ${text}`,
    });
  };
}
