// The Teams bot: "@sipcode 488", "@sipcode" + a pasted log, "@sipcode timers", "@sipcode help" in
// personal chats, group chats and channel threads; checklist ticks, "open" and "remind" buttons
// (Action.Execute with the Action.Submit fallback); the "lookupCode" compose search; opt-in
// auto-explain in channels.
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from "botbuilder";
import type { Catalog } from "../../catalog/indexes.js";
import { looksLikeLog, route } from "../../engine/route.js";
import type { RedactOptions } from "../../engine/scan/redact.js";
import type { Logger } from "../../log.js";
import type { Json } from "../../render/adaptive-card.js";
import type { Card } from "../../render/card.js";
import { respondTo } from "../../respond.js";
import {
  cardAttachmentActivity,
  labelLinks,
  mergeTicks,
  RefCodec,
  renderCards,
  withoutSecrets,
} from "./cards.js";
import type { ConversationRefs } from "./conversations.js";
import { messageInput } from "./input.js";
import { confirmation, parseRemind, type ReminderScheduler, teamsReminder } from "./reminders.js";
import { RenderCache, type Rendered } from "./render-cache.js";
import { searchResponse } from "./search.js";

export interface TeamsBotOptions {
  catalog: Catalog;
  logger: Logger;
  maskPhoneNumbers: boolean;
  /** Answer channel messages that carry a code-bearing log without a mention (needs RSC). */
  autoExplain: boolean;
  /** Signs checklist snapshots so a crafted action cannot make the bot post arbitrary content. */
  secret: string;
  /** Where conversation references are kept for proactive messages; without it, no reminders. */
  conversations?: ConversationRefs;
  reminders?: ReminderScheduler;
  now?: () => Date;
}

type CardData = Record<string, unknown> & { verb?: unknown };
type ActionResult = { card: Json } | { message: string; posted?: boolean };

const CARD_TYPE = "application/vnd.microsoft.card.adaptive";
const MESSAGE_TYPE = "application/vnd.microsoft.activity.message";

function isCardData(value: unknown): value is CardData {
  return typeof value === "object" && value !== null && typeof (value as CardData).verb === "string";
}

export class SipcodeTeamsBot extends TeamsActivityHandler {
  private readonly refs: RefCodec;
  private readonly redact: RedactOptions;
  private readonly cache: RenderCache;

  constructor(private readonly o: TeamsBotOptions) {
    super();
    this.refs = new RefCodec(o.secret);
    this.redact = { maskPhoneNumbers: o.maskPhoneNumbers };
    this.cache = new RenderCache(o.catalog, this.refs, this.redact);
    this.onTurn(async (context, next) => {
      // Not awaited: the write must not hold up the answer, and remember() never rejects.
      void o.conversations?.remember(context.activity);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // A short welcome in personal chats only; channels and group chats are not spammed.
      const botId = context.activity.recipient?.id;
      const personal = (context.activity.conversation?.conversationType ?? "personal") === "personal";
      if (personal && context.activity.membersAdded?.some((m) => m.id === botId)) {
        await this.send(context, this.cache.render({ type: "help" }, "help"));
      }
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (isCardData(a.value)) {
      // Action.Submit fallback from clients without Universal Actions: same data, no invoke response.
      const result = await this.cardAction(context, a.value);
      if ("message" in result && !result.posted)
        await context.sendActivity({ type: "message", text: result.message });
      return;
    }
    const input = messageInput(a);
    if (input.conversation !== "personal" && !input.mentioned) return this.autoExplain(context, input.text);
    // A secret typed with a question is marked out before anything can echo it back.
    const intent = withoutSecrets(route(input.text));
    // A pasted log has no query to rebuild it from: its checklist ref is a snapshot instead (so is a
    // question that held a secret: RefCodec never carries one).
    const rendered = this.cache.render(intent, intent.type === "scan" ? null : input.text);
    this.o.logger.info("answered", {
      kind: intent.type,
      conversation: input.conversation,
      // The activity id correlates this line with Teams' and Azure Bot Service's own logs.
      activity: a.id,
      chars: input.text.length,
    });
    await this.send(context, rendered);
  }

  private async autoExplain(context: TurnContext, text: string): Promise<void> {
    if (!this.o.autoExplain || !looksLikeLog(text)) return;
    const reply = respondTo(this.o.catalog, { type: "scan", text }, "teams", this.redact);
    if (reply.kind !== "scan" || reply.scan.findings.length === 0) return;
    this.o.logger.info("auto-explained", { findings: reply.scan.findings.length, chars: text.length });
    const cards = labelLinks(this.o.catalog, reply.cards);
    await this.send(context, { cards, card: renderCards(cards, this.refs.encode(cards, null)) });
  }

  /** Sends a card as a reply; channel replies stay in the thread (the conversation id keeps ;messageid=). */
  private async send(context: TurnContext, r: Rendered): Promise<void> {
    await context.sendActivity(cardAttachmentActivity(r.cards, r.card));
  }

  private async cardAction(context: TurnContext, data: CardData): Promise<ActionResult> {
    if (data.verb === "open") return this.open(context, data.id);
    if (data.verb === "tick") return this.tick(context, data);
    if (data.verb === "remind") return this.remind(context, data);
    return { message: "That button isn't supported any more. Ask me again for a fresh card." };
  }

  private async open(context: TurnContext, id: unknown): Promise<ActionResult> {
    if (typeof id !== "string" || !this.o.catalog.byId.has(id)) {
      return { message: "I don't know that entry any more. Ask me about the code again." };
    }
    const rendered = this.cache.render({ type: "explain", query: id }, id);
    try {
      await this.send(context, rendered);
      return { message: `Opened ${rendered.cards[0]?.title ?? id} below.`, posted: true };
    } catch (err) {
      // E.g. a card inserted from the compose box into a chat the bot is not a member of.
      this.o.logger.warn("could not post the opened card; showing it in place", { err, id });
      return { card: rendered.card };
    }
  }

  private async tick(context: TurnContext, data: CardData): Promise<ActionResult> {
    const cards: Card[] = this.refs.decode(this.o.catalog, data.ref, this.redact) ?? [];
    const primary = cards[0];
    if (!primary) {
      return { message: "I can't update this checklist any more. Ask me again for a fresh card." };
    }
    const who = context.activity.from?.name ?? "";
    const ticks = mergeTicks(primary.checklist.length, data, who, this.now());
    const card = renderCards(cards, this.refs.reissue(data.ref as string, cards), ticks);
    const messageId = context.activity.replyToId;
    if (messageId) {
      try {
        // Everyone in the thread sees who ticked what, not only the person who clicked.
        await context.updateActivity({ ...cardAttachmentActivity(cards, card), id: messageId });
      } catch (err) {
        this.o.logger.warn("could not update the checklist message", { err });
      }
    }
    this.o.logger.info("checklist ticked", {
      ticked: Object.keys(ticks).length,
      of: primary.checklist.length,
    });
    return { card };
  }

  /** "Remind me in 15 min" / "Remind me at the registration refresh": a reminder in the Store. */
  private async remind(context: TurnContext, data: CardData): Promise<ActionResult> {
    const { conversations, reminders, logger } = this.o;
    if (!conversations || !reminders) return { message: "Reminders aren't available on this bot." };
    const ask = parseRemind(data);
    if (typeof ask === "string") return { message: ask };
    const now = this.now();
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

  private now(): Date {
    return (this.o.now ?? (() => new Date()))();
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data: CardData = { ...(invoke.action.data ?? {}), verb: invoke.action.verb };
    const result = await this.cardAction(context, data);
    if ("card" in result) return { statusCode: 200, type: CARD_TYPE, value: result.card };
    // Teams shows a string value of this type as a short notice next to the card.
    return {
      statusCode: 200,
      type: MESSAGE_TYPE,
      value: result.message as unknown as Record<string, unknown>,
    };
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    // botbuilder passes the invoke's value as it came: a malformed invoke has none.
    query: MessagingExtensionQuery | undefined,
  ): Promise<MessagingExtensionResponse> {
    return searchResponse(this.o.catalog, this.cache, query);
  }
}
