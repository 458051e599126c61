// The card buttons: checklist ticks, "open" a related code and "remind". A click arrives as an
// adaptiveCard/action invoke (Universal Actions), whose answer Teams waits about 5 s for, or, on
// clients without them, as a message (Action.Submit) or a compose-card click, which have no answer to
// carry a card: those must post whatever the person would otherwise not see.
import type { TurnContext } from "botbuilder";
import type { Catalog } from "../../catalog/indexes.js";
import type { RedactOptions } from "../../engine/scan/redact.js";
import type { Logger } from "../../log.js";
import { metrics } from "../../metrics/index.js";
import type { Json } from "../../render/adaptive-card.js";
import type { Card } from "../../render/card.js";
import { MemoryStore } from "../../store/memory.js";
import { MessageState } from "../../store/message-state.js";
import type { Store } from "../../store/store.js";
import {
  applyStoredTickChange,
  applyTickChange,
  cardAttachmentActivity,
  mergeStoredTicks,
  type RefCodec,
  renderCards,
  type StoredTicks,
  seenTicks,
  tickChange,
} from "./cards.js";
import type { ConversationRefs } from "./conversations.js";
import { confirmation, parseRemind, type ReminderScheduler, teamsReminder } from "./reminders.js";
import type { RenderCache } from "./render-cache.js";
import { ConnectorTimeoutError } from "./retry.js";
import { afterAnswer } from "./turn-state.js";

export type CardData = Record<string, unknown> & { verb?: unknown };
/**
 * `card` answers an invoke in place; `repost` asks for it to be posted as a new message (the
 * message could not be updated and there is no invoke answer to carry it).
 */
export type ActionResult = { card: Json; repost?: Card[] } | { message: string; posted?: boolean };

/** "invoke": the answer travels in the HTTP response; "message": nothing answers the click itself. */
export type ClickKind = "invoke" | "message";

/** An "open" whose card is not posted within this long is answered anyway, well inside Teams' 5 s. */
export const OPEN_WAIT_MS = 2_500;

export const NOT_UPDATED = "I couldn't update the checklist above, so here it is with your ticks.";

export function isCardData(value: unknown): value is CardData {
  return typeof value === "object" && value !== null && typeof (value as CardData).verb === "string";
}

export interface CardActionOptions {
  catalog: Catalog;
  logger: Logger;
  refs: RefCodec;
  cache: RenderCache;
  redact: RedactOptions;
  conversations?: ConversationRefs;
  reminders?: ReminderScheduler;
  /** Where each checklist's latest ticks are kept; by default the Store behind `reminders`. */
  store?: Store;
  now: () => Date;
}

/** How long a checklist's latest ticks are kept after the last one: an incident's working day. */
export const CHECKLIST_STATE_TTL_MS = 24 * 60 * 60 * 1000;

const checklistStates = new WeakMap<Store, MessageState<StoredTicks>>();
/** For a bot built without a Store (one process): ticks are kept in this process. */
const ownStore = new MemoryStore();

export class CardActions {
  constructor(private readonly o: CardActionOptions) {}

  run(context: TurnContext, data: CardData, kind: ClickKind): Promise<ActionResult> {
    if (data.verb === "open") return this.open(context, data.id, kind);
    if (data.verb === "tick") return this.tick(context, data, kind);
    if (data.verb === "remind") return this.remind(context, data);
    return Promise.resolve({
      message: "That button isn't supported any more. Ask me again for a fresh card.",
    });
  }

  private async open(context: TurnContext, id: unknown, kind: ClickKind): Promise<ActionResult> {
    if (typeof id !== "string" || !this.o.catalog.byId.has(id)) {
      return { message: "I don't know that entry any more. Ask me about the code again." };
    }
    const rendered = this.o.cache.render({ type: "explain", query: id }, id);
    const title = rendered.cards[0]?.title ?? id;
    const sent = context.sendActivity(cardAttachmentActivity(rendered.cards, rendered.card)).then(
      () => true as const,
      (err: unknown) => {
        // E.g. a card inserted from the compose box into a chat the bot is not a member of.
        this.o.logger.warn("could not post the opened card", { err, id });
        return false as const;
      },
    );
    if (kind === "message") {
      await sent;
      return { message: `Opened ${title} below.`, posted: true };
    }
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<"slow">((resolve) => {
      timer = setTimeout(() => resolve("slow"), OPEN_WAIT_MS);
    });
    const outcome = await Promise.race([sent, slow]).finally(() => clearTimeout(timer));
    if (outcome === true) return { message: `Opened ${title} below.`, posted: true };
    if (outcome === false) return { card: rendered.card };
    // Still on its way: answer the click now and let the post finish after the answer.
    afterAnswer(context, sent);
    return { message: `Posting ${title} below.`, posted: true };
  }

  private async tick(context: TurnContext, data: CardData, kind: ClickKind): Promise<ActionResult> {
    const { catalog, refs, redact, logger } = this.o;
    const cards: Card[] = refs.decode(catalog, data.ref, redact) ?? [];
    const primary = cards[0];
    if (!primary) {
      return { message: "I can't update this checklist any more. Ask me again for a fresh card." };
    }
    const who = context.activity.from?.name ?? "";
    const now = this.o.now();
    const count = primary.checklist.length;
    const ref = refs.reissue(data.ref as string, cards);
    // Only the clicker's own change is taken from the click; the rest of the card they clicked may
    // be out of date (someone else ticked meanwhile), and so may the stored state (another replica's
    // memory, a copy from before a Redis outage), so the change is applied to the two merged.
    const change = tickChange(count, data);
    const seen = () => seenTicks(count, data);
    const messageId = context.activity.replyToId;
    const conversation = context.activity.conversation?.id;
    if (!messageId || !conversation) {
      const card = renderCards(cards, ref, applyTickChange(seen(), change, who, now));
      return kind === "invoke" ? { card } : { card, repost: cards };
    }
    const key = `teams:checklist:${conversation}:${messageId}`;
    const states = this.states();
    const mine = await states.change(
      key,
      () => ({ ticks: seen(), cleared: {} }),
      (latest) => applyStoredTickChange(latest, change, who, now),
    );
    const card = renderCards(cards, ref, mine.state.ticks);
    logger.info("checklist ticked", { ticked: Object.keys(mine.state.ticks).length, of: count });
    // Everyone in the thread sees who ticked what, not only the person who clicked.
    const update = states.publish(key, mine, async ({ ticks }) => {
      await context.updateActivity({
        ...cardAttachmentActivity(cards, renderCards(cards, ref, ticks)),
        id: messageId,
      });
    });
    if (kind === "invoke") {
      // The clicker's card comes back in the invoke answer at once; the update must not hold it up.
      afterAnswer(
        context,
        update.catch((err: unknown) => logger.warn("could not update the checklist message", { err })),
      );
      return { card };
    }
    try {
      await update;
      return { card };
    } catch (err) {
      logger.warn("could not update the checklist message", { err });
      // A timed-out update may still have landed: a second copy would only confuse.
      return err instanceof ConnectorTimeoutError ? { card } : { card, repost: cards };
    }
  }

  /** Checklist state per message, in the shared Store (this process's memory without one). */
  private states(): MessageState<StoredTicks> {
    const { logger } = this.o;
    const store = this.o.store ?? ownStore;
    let s = checklistStates.get(store);
    if (!s) {
      s = new MessageState<StoredTicks>(store, {
        ttlMs: CHECKLIST_STATE_TTL_MS,
        merge: mergeStoredTicks,
        onStoreError: (err) => {
          metrics.storeErrors.inc({ op: "checklist" });
          logger.warn("checklist state unavailable; ticking the clicker's copy", { err });
        },
      });
      checklistStates.set(store, s);
    }
    return s;
  }

  /** "Remind me in 15 min" / "Remind me at the registration refresh": a reminder in the Store. */
  private async remind(context: TurnContext, data: CardData): Promise<ActionResult> {
    const { conversations, reminders, logger } = this.o;
    if (!conversations || !reminders) return { message: "Reminders aren't available on this bot." };
    const ask = parseRemind(data);
    if (typeof ask === "string") return { message: ask };
    const now = this.o.now();
    const reminder = teamsReminder(context.activity, ask, now);
    try {
      // Awaited here: the reminder is useless unless whichever replica delivers it finds the reference.
      if (!(await conversations.remember(context.activity)))
        throw new Error("the conversation reference is not stored");
      await reminders.schedule(reminder);
    } catch (err) {
      logger.warn("could not schedule a reminder", { err });
      return { message: "I couldn't schedule that reminder just now. Please try again in a minute." };
    }
    logger.info("reminder scheduled", { id: reminder.id, afterSeconds: ask.afterSeconds });
    return { message: confirmation(context.activity, ask, now) };
  }
}
