// Checklist interactions: a tick rewrites the message in place (state travels in the message);
// "Remind me in 15 min" schedules a reply in the same thread with chat.scheduleMessage.

import type { ChatScheduleMessageArguments } from "@slack/web-api";
import { metrics } from "../../../../metrics/index.js";
import { esc } from "../../../../render/block-kit.js";
import { applyTick, checklistMessage } from "../../../../render/slack-checklist.js";
import type { SlackDeps } from "../../deps.js";
import { type Asker, clicker, reportFailure, tellPrivately } from "../../private-note.js";
import type { ButtonArgs, CheckboxArgs } from "./args.js";

export const REMIND_AFTER_SECONDS = 15 * 60;

export function checklistTick(deps: SlackDeps) {
  return async (args: CheckboxArgs) => {
    const { ack, action, body, client } = args;
    await ack();
    const message = body.message as { ts?: string; blocks?: unknown[] } | undefined;
    const channel = body.channel?.id;
    const list = applyTick(
      message?.blocks ?? [],
      action.selected_options ?? [],
      body.user.id,
      Math.floor(Date.now() / 1000),
    );
    if (!list || !channel || !message?.ts) {
      await tellPrivately(
        clicker(args),
        deps.logger,
        "I couldn't read this checklist any more; post a new one.",
      );
      return;
    }
    const next = checklistMessage(list);
    try {
      await client.chat.update({ channel, ts: message.ts, blocks: next.blocks as never, text: next.text });
    } catch (err) {
      await reportFailure(clicker(args), deps.logger, "checklist update", err);
    }
  };
}

export function checklistRemind(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body } = args;
    await ack();
    const channel = body.channel?.id;
    if (!channel || !(body.message as { ts?: string } | undefined)?.ts) return;
    const postAt = Math.floor(Date.now() / 1000) + REMIND_AFTER_SECONDS;
    await remindAt(
      deps,
      args,
      channel,
      postAt,
      `<@${body.user.id}> reminder: how is the follow-up checklist for ${esc(action.value ?? "this incident")} going?`,
      `I'll remind you in this thread at <!date^${postAt}^{time}|in 15 minutes>.`,
    );
  };
}

/** Schedules `text` at `postAt` in the clicked message's thread (if any) and confirms privately. */
function remindAt(
  deps: SlackDeps,
  args: ButtonArgs,
  channel: string,
  postAt: number,
  text: string,
  confirmation: string,
): Promise<void> {
  const message = args.body.message as { ts?: string; thread_ts?: string } | undefined;
  const thread = message?.ts ? { thread_ts: message.thread_ts ?? message.ts } : {};
  return scheduleReminder(clicker(args), deps, { channel, post_at: postAt, ...thread, text }, confirmation);
}

/**
 * Schedules a reminder message and confirms it to the user; failures become a sentence too. Slack
 * delivers it itself, so sipcode counts it as scheduled or failed, never delivered or retried.
 */
async function scheduleReminder(
  to: Asker,
  deps: SlackDeps,
  args: ChatScheduleMessageArguments,
  confirmation: string,
): Promise<void> {
  try {
    await to.client.chat.scheduleMessage(args);
  } catch (err) {
    metrics.reminders.inc({ platform: "slack", outcome: "failed" });
    await reportFailure(to, deps.logger, "chat.scheduleMessage", err);
    return;
  }
  metrics.reminders.inc({ platform: "slack", outcome: "scheduled" });
  // The reminder stands even if the confirmation cannot be shown.
  await tellPrivately(to, deps.logger, confirmation);
}

/** Slack schedules messages at most 120 days ahead. */
const MAX_SCHEDULE_SECONDS = 120 * 24 * 3600;

/** "Remind me at the registration refresh": a message in the channel when the timer is due. */
export function timerRemind(deps: SlackDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body } = args;
    await ack();
    const [after = "", label = "timer"] = (action.value ?? "").split("|");
    const seconds = Number(after);
    const channel = body.channel?.id;
    if (!channel || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SCHEDULE_SECONDS) {
      await tellPrivately(clicker(args), deps.logger, "I can only schedule reminders up to 120 days ahead.");
      return;
    }
    const postAt = Math.floor(Date.now() / 1000) + Math.max(60, seconds);
    await remindAt(
      deps,
      args,
      channel,
      postAt,
      `<@${body.user.id}> the ${esc(label)} is due now.`,
      `I'll remind you at <!date^${postAt}^{date_short_pretty} {time}|the ${esc(label)}>.`,
    );
  };
}
