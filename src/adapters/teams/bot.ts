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
import { metrics } from "../../metrics/index.js";
import { shrinkCard } from "../../render/snapshot.js";
import { respondTo } from "../../respond.js";
import type { Store } from "../../store/store.js";
import { type ActionResult, CardActions, type CardData, isCardData, NOT_UPDATED } from "./card-actions.js";
import { cardAttachmentActivity, labelLinks, RefCodec, renderCards, withoutSecrets } from "./cards.js";
import type { ConversationRefs } from "./conversations.js";
import { FILE_NOTE } from "./files.js";
import { messageInput } from "./input.js";
import type { ReminderScheduler } from "./reminders.js";
import { RenderCache, type Rendered } from "./render-cache.js";
import { statusOf } from "./retry.js";
import { searchResponse } from "./search.js";
import { afterAnswer, finishAfterAnswer } from "./turn-state.js";

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
  /** Shared state: each checklist's latest ticks, so near-simultaneous ticks all stay. */
  store?: Store;
  now?: () => Date;
}

const CARD_TYPE = "application/vnd.microsoft.card.adaptive";
const MESSAGE_TYPE = "application/vnd.microsoft.activity.message";

/** Answers that say nothing about a message whose point was probably the attached file. */
const NOTHING_FOUND = new Set(["unknown"]);

export class SipcodeTeamsBot extends TeamsActivityHandler {
  private readonly refs: RefCodec;
  private readonly redact: RedactOptions;
  private readonly cache: RenderCache;
  private readonly actions: CardActions;

  constructor(private readonly o: TeamsBotOptions) {
    super();
    this.refs = new RefCodec(o.secret);
    this.redact = { maskPhoneNumbers: o.maskPhoneNumbers };
    this.cache = new RenderCache(o.catalog, this.refs, this.redact);
    this.actions = new CardActions({
      ...o,
      refs: this.refs,
      cache: this.cache,
      redact: this.redact,
      now: () => this.now(),
    });
    this.onTurn(async (context, next) => {
      // Not awaited: the write must not hold up the answer, and remember() never rejects.
      void o.conversations?.remember(context.activity);
      await next();
      // Work a card button left for after its invoke answer (the card update everyone sees).
      await finishAfterAnswer(context);
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
      return this.clickWithoutAnswer(context, a.value);
    }
    const input = messageInput(a);
    if (input.conversation !== "personal" && !input.mentioned) return this.autoExplain(context, input.text);
    if (input.files > 0 && input.text === "") return this.fileOnly(context);
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
    // "can you check this log" with a file: the file was the point, and it is not read.
    const kind = rendered.summary?.kind ?? "";
    const empty = NOTHING_FOUND.has(kind) || (kind === "scan" && rendered.summary?.namespaces.length === 0);
    if (input.files > 0 && empty) return this.fileOnly(context);
    await this.send(context, rendered);
  }

  private async fileOnly(context: TurnContext): Promise<void> {
    metrics.answers.inc({ surface: "teams", kind: "nothing" });
    this.o.logger.info("answered", { kind: "file", activity: context.activity.id });
    await context.sendActivity({ type: "message", text: FILE_NOTE });
  }

  /** A click with no invoke answer to carry the result: whatever the person must see is posted. */
  private async clickWithoutAnswer(context: TurnContext, data: CardData): Promise<void> {
    const result = await this.actions.run(context, data, "message");
    if ("message" in result) {
      if (!result.posted) await context.sendActivity({ type: "message", text: result.message });
    } else if (result.repost) {
      await context.sendActivity({
        ...cardAttachmentActivity(result.repost, result.card),
        text: NOT_UPDATED,
      });
    }
  }

  private async autoExplain(context: TurnContext, text: string): Promise<void> {
    if (!this.o.autoExplain || !looksLikeLog(text)) return;
    const reply = respondTo(this.o.catalog, { type: "scan", text }, "teams", this.redact);
    if (reply.kind !== "scan" || reply.scan.findings.length === 0) return;
    this.o.logger.info("auto-explained", { findings: reply.scan.findings.length, chars: text.length });
    const cards = labelLinks(this.o.catalog, reply.cards);
    await this.send(context, { cards, card: renderCards(cards, undefined) });
  }

  /**
   * Sends a card as a reply; channel replies stay in the thread (the conversation id keeps ;messageid=).
   * A card Teams refuses as too large (413) is sent again shortened, its checklist as plain items (a
   * ref that can rebuild it would add back much of what was cut).
   */
  private async send(context: TurnContext, r: Rendered): Promise<void> {
    try {
      await context.sendActivity(cardAttachmentActivity(r.cards, r.card));
    } catch (err) {
      if (statusOf(err) !== 413) throw err;
      const cards = r.cards.slice(0, 3).map((c) => shrinkCard(c, 3, 300));
      this.o.logger.warn("answer too large for Teams; sending a shorter card", { err });
      await context.sendActivity(cardAttachmentActivity(cards, renderCards(cards, undefined)));
    }
  }

  private now(): Date {
    return (this.o.now ?? (() => new Date()))();
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data: CardData = { ...(invoke.action.data ?? {}), verb: invoke.action.verb };
    const result: ActionResult = await this.actions.run(context, data, "invoke");
    if ("card" in result) return { statusCode: 200, type: CARD_TYPE, value: result.card };
    // Teams shows a string value of this type as a short notice next to the card.
    return {
      statusCode: 200,
      type: MESSAGE_TYPE,
      value: result.message as unknown as Record<string, unknown>,
    };
  }

  /**
   * A button on a card inserted through the compose search, on a client without Universal Actions:
   * the invoke's answer shows nothing, so it is answered at once and the click handled after it.
   */
  protected override async handleTeamsMessagingExtensionCardButtonClicked(
    context: TurnContext,
    cardData: unknown,
  ): Promise<void> {
    if (!isCardData(cardData)) return;
    afterAnswer(
      context,
      this.clickWithoutAnswer(context, cardData).catch((err: unknown) =>
        this.o.logger.warn("could not handle a click on a compose-search card", { err }),
      ),
    );
  }

  protected override async handleTeamsMessagingExtensionQuery(
    _context: TurnContext,
    // botbuilder passes the invoke's value as it came: a malformed invoke has none.
    query: MessagingExtensionQuery | undefined,
  ): Promise<MessagingExtensionResponse> {
    return searchResponse(this.o.catalog, this.cache, query);
  }
}
