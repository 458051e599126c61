// Teams reminders: the "remind" card action becomes a reminder in the shared Store, and the
// deliverer posts it as a proactive message into the same chat or channel thread when it is due,
// from whichever replica leases it (the conversation reference comes from the Store too).
import { createHash } from "node:crypto";
import type { Activity, CloudAdapter } from "botbuilder";
import type { Logger } from "../../log.js";
import { ADAPTIVE_CARD_LIMITS, clip, REMIND_LIMITS, remindLabel } from "../../render/adaptive-card.js";
import { PermanentDeliveryError } from "../../store/reminders.js";
import type { Reminder } from "../../store/store.js";
import type { ConversationRefs } from "./conversations.js";
import { baseConversationId } from "./conversations.js";
import { statusOf } from "./retry.js";

export const TEAMS_PLATFORM = "teams";
/** Teams user ids ("29:…") are far shorter; anything longer is not stored. */
const MAX_USER_ID = 256;

/** What a Teams reminder carries in the Store. */
export interface TeamsReminderPayload {
  /** The conversation whose stored reference (service URL, bot, tenant) is used to post. */
  conversationId: string;
  /** Where the reminder is posted: a channel thread (`…;messageid=<root id>`) or the chat itself. */
  threadId: string;
  /** Plain text, as validated by parseRemind(). */
  label: string;
  /** Display name of whoever asked. */
  by: string;
  /** Their Teams user id, so the reminder can @mention them (absent in reminders set before). */
  byId?: string;
}

export interface RemindRequest {
  label: string;
  afterSeconds: number;
}

/** The part of the reminder loop the bot needs. */
export interface ReminderScheduler {
  schedule(reminder: Omit<Reminder, "attempts">): Promise<void>;
}

export const INVALID_REMIND = `I can only set a reminder between 1 second and ${REMIND_LIMITS.maxSeconds / 3_600} hours ahead, with a short plain-text label. Ask me again for a fresh card.`;

/** The action data as a request, or the sentence to answer with when it is not one the cards make. */
export function parseRemind(data: Record<string, unknown>): RemindRequest | string {
  const { label, afterSeconds } = data;
  if (
    typeof afterSeconds !== "number" ||
    !Number.isInteger(afterSeconds) ||
    afterSeconds < REMIND_LIMITS.minSeconds ||
    afterSeconds > REMIND_LIMITS.maxSeconds
  )
    return INVALID_REMIND;
  // The label is posted by the bot later: only what remindLabel() leaves unchanged, and no links.
  if (typeof label !== "string" || label === "" || remindLabel(label) !== label || /:\/\/|www\./i.test(label))
    return INVALID_REMIND;
  return { label, afterSeconds };
}

/** The thread a card action came from; a channel card outside a thread starts one under itself. */
export function threadTarget(activity: Partial<Activity>): string {
  const id = activity.conversation?.id ?? "";
  const inChannel = activity.conversation?.conversationType === "channel";
  if (inChannel && !id.includes(";messageid=") && activity.replyToId)
    return `${id};messageid=${activity.replyToId}`;
  return id;
}

export function teamsReminder(
  activity: Partial<Activity>,
  ask: RemindRequest,
  now: Date,
): Omit<Reminder, "attempts"> {
  const threadId = threadTarget(activity);
  const name = clip(remindLabel(activity.from?.name ?? ""), ADAPTIVE_CARD_LIMITS.tickerNameChars);
  const payload: TeamsReminderPayload = {
    conversationId: baseConversationId(threadId),
    threadId,
    label: ask.label,
    by: name,
  };
  const byId = activity.from?.id;
  if (name && byId && byId.length <= MAX_USER_ID) payload.byId = byId;
  // The same person pressing the same button twice within ten seconds sets one reminder, not two.
  const bucket = Math.floor(now.getTime() / 10_000);
  const id = createHash("sha256")
    .update(JSON.stringify([threadId, activity.from?.id ?? "", ask.label, ask.afterSeconds, bucket]))
    .digest("base64url")
    .slice(0, 24);
  return {
    id: `teams:${id}`,
    platform: TEAMS_PLATFORM,
    dueAt: now.getTime() + ask.afterSeconds * 1000,
    payload: { ...payload },
  };
}

/** "I'll remind this thread at 14:05 UTC: registration refresh due". */
export function confirmation(activity: Partial<Activity>, ask: RemindRequest, now: Date): string {
  const due = new Date(now.getTime() + ask.afterSeconds * 1000);
  const iso = due.toISOString();
  const time = ask.afterSeconds < 120 ? iso.slice(11, 19) : iso.slice(11, 16);
  const day = iso.slice(0, 10) === now.toISOString().slice(0, 10) ? "" : " tomorrow";
  const where =
    activity.conversation?.conversationType === "channel"
      ? "this thread"
      : activity.conversation?.conversationType === "groupChat"
        ? "this chat"
        : "you here";
  return `I'll remind ${where} at ${time} UTC${day}: ${ask.label}`;
}

export function reminderText(p: TeamsReminderPayload): string {
  return p.by ? `⏰ Reminder for ${p.by}: ${p.label}` : `⏰ Reminder: ${p.label}`;
}

/**
 * The reminder as a message: it @mentions whoever asked when their id is known, so Teams notifies
 * them; otherwise it names them in plain text. Names and labels carry no markup (remindLabel).
 */
export function reminderMessage(p: TeamsReminderPayload): Partial<Activity> {
  if (!p.by || !p.byId) return { type: "message", text: reminderText(p), textFormat: "plain" };
  const at = `<at>${p.by}</at>`;
  return {
    type: "message",
    text: `⏰ Reminder for ${at}: ${p.label}`,
    entities: [{ type: "mention", text: at, mentioned: { id: p.byId, name: p.by } }],
  };
}

function payloadOf(r: Reminder): TeamsReminderPayload {
  const p = r.payload as Partial<TeamsReminderPayload>;
  if (
    typeof p.conversationId !== "string" ||
    typeof p.threadId !== "string" ||
    typeof p.label !== "string" ||
    typeof p.by !== "string" ||
    (p.byId !== undefined && typeof p.byId !== "string")
  )
    throw new PermanentDeliveryError(`reminder ${r.id} has no usable Teams payload`);
  return p as TeamsReminderPayload;
}

export interface DelivererOptions {
  adapter: Pick<CloudAdapter, "continueConversationAsync">;
  /** MICROSOFT_APP_ID, or "" in the unauthenticated development mode. */
  appId: string;
  conversations: ConversationRefs;
  logger: Logger;
}

/**
 * Posts a due reminder. Throws when it cannot (no stored reference, a failed send), so the loop
 * retries it later and finally drops it with a log line. The adapter's onTurnError hands a proactive
 * turn's error back here rather than posting an apology into a thread where nobody asked anything.
 */
export function teamsDeliverer(o: DelivererOptions): (r: Reminder) => Promise<void> {
  return async (r) => {
    const p = payloadOf(r);
    const reference = await o.conversations.load(p.threadId);
    if (!reference) throw new Error(`no stored conversation reference for reminder ${r.id}`);
    try {
      await o.adapter.continueConversationAsync(o.appId, reference, async (context) => {
        // A new message in the thread, not a reply to the continuation event's made-up activity id.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
        await context.sendActivity(reminderMessage(p));
      });
    } catch (err) {
      // 403/404: the bot was removed from the chat or the thread is gone; retrying cannot help.
      const status = statusOf(err);
      if (status === 403 || status === 404) {
        throw new PermanentDeliveryError(`Teams refused reminder ${r.id} with ${status}`);
      }
      throw err;
    }
    o.logger.info("reminder posted", { id: r.id, conversationType: reference.conversation.conversationType });
  };
}
