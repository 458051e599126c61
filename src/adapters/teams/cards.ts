// Replies as Teams messages, and the checklist state the message carries: a ref that rebuilds the
// cards (the query, or a signed compressed snapshot for pasted logs whose text is gone) plus who
// ticked what and when. A click's own change is worked out here, to apply to the latest state.
import { type Activity, CardFactory } from "botbuilder";
import type { Catalog } from "../../catalog/indexes.js";
import { type Intent, route } from "../../engine/route.js";
import { type RedactOptions, redact, secretSpans } from "../../engine/scan/redact.js";
import {
  ADAPTIVE_CARD_LIMITS,
  CHECK_INPUT_PREFIX,
  clip,
  type Json,
  type Ticks,
  toAdaptiveCard,
} from "../../render/adaptive-card.js";
import type { Card } from "../../render/card.js";
import { labelLinks as labelWith } from "../../render/link-labels.js";
import { CardSnapshots, isCard, shrinkCard } from "../../render/snapshot.js";
import { respondTo } from "../../respond.js";
import { applyMarks, type Cleared, mergeMarks } from "../../store/tick-merge.js";

/** A ref longer than this is not worth carrying twice (Execute data + Submit fallback data). */
export const MAX_REF_CHARS = 12_000;

/** Related-entry links carry bare ids ("sip/415"); buttons read better with the entry's label. */
export function labelLinks(catalog: Catalog, cards: Card[]): Card[] {
  return labelWith(cards, (id) => catalog.byId.get(id));
}

/** A typed question with its secrets marked out; phone numbers stay, as masking them changes the question. */
export const cleanQuery = (text: string): string => redact(text, { maskPhoneNumbers: false });

/**
 * The intent with any secret in a typed question replaced by a mark, so a query the answer echoes
 * ("No entry for …") or a button carries never holds one. A pasted log (scan) is redacted by the
 * engine as it is read.
 */
export function withoutSecrets(intent: Intent): Intent {
  if (intent.type === "explain") {
    const query = cleanQuery(intent.query);
    return query === intent.query ? intent : { ...intent, query };
  }
  if (intent.type === "timers" && intent.args.some((a) => secretSpans(a).length > 0)) {
    return { ...intent, args: intent.args.map(cleanQuery) };
  }
  return intent;
}

/** Text that carries a secret (a credential, token, key or password) and so must not travel in a card. */
export const carriesSecret = (text: string): boolean => secretSpans(text).length > 0;

export function cardAttachmentActivity(cards: Card[], card: Json): Partial<Activity> {
  // No `text`: Teams would show it above the card. The card carries its own markdown fallbackText.
  return {
    type: "message",
    summary: clip(cards[0]?.title ?? "sipcode", 200),
    attachments: [CardFactory.adaptiveCard(card)],
  };
}

export class RefCodec {
  private readonly snapshots: CardSnapshots;
  constructor(secret: string) {
    this.snapshots = new CardSnapshots(secret, "sipcode-checklist-ref");
  }

  /**
   * "q:<query>" when the query rebuilds the cards and holds no secret or phone number, else a
   * snapshot of the cards (already redacted): neither a paste, a secret typed with a question nor
   * a number is ever carried.
   */
  encode(cards: Card[], query: string | null): string | undefined {
    if (!cards.some((c) => c.checklist.length > 0)) return undefined;
    // A phone number in the query (a pasted line) would travel in clear in the card's action data.
    if (query !== null && query.length <= 500 && !carriesSecret(query) && redact(query) === query)
      return `q:${query}`;
    for (const slim of [
      cards,
      cards.map((c) => shrinkCard(c, 5, 300)),
      cards.map((c) => shrinkCard(c, 0, 300)),
    ]) {
      const ref = this.snapshots.seal(slim);
      if (ref.length <= MAX_REF_CHARS) return ref;
    }
    return undefined;
  }

  /** The cards a ref stands for, or null when it is malformed or was not signed by this bot. */
  decode(catalog: Catalog, ref: unknown, redactOpts: RedactOptions): Card[] | null {
    if (typeof ref !== "string" || ref.length > MAX_REF_CHARS) return null;
    if (ref.startsWith("q:")) {
      const intent = withoutSecrets(route(ref.slice(2)));
      return labelLinks(catalog, respondTo(catalog, intent, "teams", redactOpts).cards);
    }
    const cards = this.snapshots.open(ref);
    return Array.isArray(cards) && cards.every(isCard) ? cards : null;
  }

  /** The ref a re-rendered card carries: the same one, unless it is a query holding a secret. */
  reissue(ref: string, cards: Card[]): string | undefined {
    return ref.startsWith("q:") && carriesSecret(ref) ? this.encode(cards, null) : ref;
  }
}

/** The Adaptive Card for cards, with a working checklist when they have one. */
export function renderCards(cards: Card[], ref: string | undefined, ticks: Ticks = {}): Json {
  return toAdaptiveCard(cards, { ref, ticks });
}

/** The ticks the clicked card carried (the clicker's copy, possibly out of date), well-formed only. */
export function seenTicks(count: number, data: Record<string, unknown>): Ticks {
  const prev = (typeof data.ticks === "object" && data.ticks !== null ? data.ticks : {}) as Record<
    string,
    unknown
  >;
  const out: Ticks = {};
  for (let i = 0; i < Math.min(count, ADAPTIVE_CARD_LIMITS.checklistItems); i++) {
    const old = prev[String(i)] as { by?: unknown; at?: unknown } | undefined;
    if (typeof old?.by === "string" && typeof old.at === "string")
      out[String(i)] = { by: old.by, at: old.at };
  }
  return out;
}

/** What one click changed: the items (keys "0", "1", …) it ticked and the ones it unticked. */
export interface TickChange {
  ticked: string[];
  unticked: string[];
}

/**
 * The clicker's change: the toggles (merged into the action data by the client) whose value differs
 * from the card as the clicker saw it. A toggle the client did not send changed nothing.
 */
export function tickChange(count: number, data: Record<string, unknown>): TickChange {
  const seen = seenTicks(count, data);
  const change: TickChange = { ticked: [], unticked: [] };
  for (let i = 0; i < Math.min(count, ADAPTIVE_CARD_LIMITS.checklistItems); i++) {
    const input = data[`${CHECK_INPUT_PREFIX}${i}`];
    if (input === undefined) continue;
    const on = input === true || input === "true";
    if (on && !seen[String(i)]) change.ticked.push(String(i));
    if (!on && seen[String(i)]) change.unticked.push(String(i));
  }
  return change;
}

/**
 * The latest ticks with one person's change applied: items they ticked get their name and the time,
 * unless someone ticked them first; items they unticked are cleared. Nothing else moves.
 */
export function applyTickChange(latest: Ticks, change: TickChange, who: string, now: Date): Ticks {
  const at = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const name = clip(who.trim() || "someone", ADAPTIVE_CARD_LIMITS.tickerNameChars);
  const out: Ticks = { ...latest };
  for (const key of change.unticked) delete out[key];
  for (const key of change.ticked) out[key] ??= { by: name, at };
  return out;
}

/**
 * New tick state from the toggles' values and the state the card carried: newly ticked items get
 * who and when; unticked ones are cleared.
 */
export function mergeTicks(count: number, data: Record<string, unknown>, who: string, now: Date): Ticks {
  return applyTickChange(seenTicks(count, data), tickChange(count, data), who, now);
}

/** A card's ticks as kept in the Store: also when items were unticked, so a stale card cannot undo it. */
export interface StoredTicks {
  ticks: Ticks;
  cleared: Cleared;
}

/** Stored ticks, also as written before unticks were kept (the bare ticks). */
export function storedTicks(value: unknown): StoredTicks {
  const v = (typeof value === "object" && value !== null ? value : {}) as Partial<StoredTicks>;
  if (typeof v.ticks === "object" && v.ticks !== null)
    return { ticks: v.ticks, cleared: typeof v.cleared === "object" && v.cleared ? v.cleared : {} };
  return { ticks: v as Ticks, cleared: {} };
}

const tickSeconds = (tick: { at: string }): number => Math.floor(Date.parse(tick.at) / 1000) || 0;

/**
 * Two copies of a card's ticks combined (see tick-merge.ts): every tick either shows, unless
 * unticked later; `stored` wins when both ticked an item.
 */
export function mergeStoredTicks(stored: StoredTicks, other: StoredTicks): StoredTicks {
  const a = storedTicks(stored);
  const b = storedTicks(other);
  const m = mergeMarks<Ticks[string]>(
    { marks: a.ticks, cleared: a.cleared },
    { marks: b.ticks, cleared: b.cleared },
    tickSeconds,
  );
  return { ticks: m.marks, cleared: m.cleared };
}

/** `applyTickChange` for the stored copy, which also remembers when items were unticked. */
export function applyStoredTickChange(
  base: StoredTicks,
  change: TickChange,
  who: string,
  now: Date,
): StoredTicks {
  const at = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const name = clip(who.trim() || "someone", ADAPTIVE_CARD_LIMITS.tickerNameChars);
  const m = applyMarks(
    { marks: base.ticks, cleared: base.cleared },
    change,
    { by: name, at },
    tickSeconds({ at }),
  );
  return { ticks: m.marks, cleared: m.cleared };
}
