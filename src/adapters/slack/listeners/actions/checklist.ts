// Checklist interactions: a tick rewrites the message in place with the clicker's change applied to
// the message as they saw it merged with the copy kept per message in the Store;
// "Remind me in 15 min" schedules a reply in the same thread with chat.scheduleMessage.

import type { ChatScheduleMessageArguments } from "@slack/web-api";
import { metrics } from "../../../../metrics/index.js";
import { esc } from "../../../../render/block-kit.js";
import {
  applyStoredChange,
  checklistMessage,
  clickChange,
  mergeChecklists,
  readChecklist,
  type StoredChecklist,
} from "../../../../render/slack-checklist.js";
import { MemoryStore } from "../../../../store/memory.js";
import { MessageState } from "../../../../store/message-state.js";
import type { SlackDeps } from "../../deps.js";
import { type Asker, clicker, reportFailure, tellPrivately } from "../../private-note.js";
import type { ButtonArgs, CheckboxArgs } from "./args.js";

export const REMIND_AFTER_SECONDS = 15 * 60;

/** How long a checklist's latest state is kept after its last tick: an incident's working day. */
export const CHECKLIST_STATE_TTL_MS = 24 * 60 * 60 * 1000;

/** Deps built without a Store (a single process in tests) keep checklist state in this process. */
type TickDeps = SlackDeps;
const states = new WeakMap<object, MessageState<StoredChecklist>>();
const ownStore = new MemoryStore();

function checklistStates(deps: TickDeps): MessageState<StoredChecklist> {
  const store = deps.store ?? ownStore;
  let s = states.get(store);
  if (!s) {
    s = new MessageState<StoredChecklist>(store, {
      ttlMs: CHECKLIST_STATE_TTL_MS,
      merge: mergeChecklists,
      onStoreError: (err) => {
        metrics.storeErrors.inc({ op: "checklist" });
        deps.logger.warn("checklist state unavailable; ticking the clicker's copy", { err });
      },
    });
    states.set(store, s);
  }
  return s;
}

export function checklistTick(deps: SlackDeps) {
  return async (args: CheckboxArgs) => {
    const { ack, action, body, client } = args;
    await ack();
    const message = body.message as { ts?: string; blocks?: unknown[] } | undefined;
    const channel = body.channel?.id;
    const seen = readChecklist(message?.blocks ?? []);
    if (!seen || !channel || !message?.ts) {
      await tellPrivately(
        clicker(args),
        deps.logger,
        "I couldn't read this checklist any more; post a new one.",
      );
      return;
    }
    // Only the clicker's own change is taken from the click; the rest is the message as they saw it
    // merged with the stored state, so two people ticking at once both keep their ticks and a stale
    // stored state (another replica's memory, a copy from before a Redis outage) loses nothing.
    const change = clickChange(seen, action.selected_options ?? []);
    const key = `slack:checklist:${channel}:${message.ts}`;
    const states = checklistStates(deps);
    const now = Math.floor(Date.now() / 1000);
    const mine = await states.change(
      key,
      () => seen,
      (latest) => applyStoredChange(latest, change, body.user.id, now),
    );
    try {
      await states.publish(key, mine, async (list) => {
        const next = checklistMessage(list);
        await client.chat.update({
          channel,
          ts: message.ts as string,
          blocks: next.blocks as never,
          text: next.text,
        });
      });
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
