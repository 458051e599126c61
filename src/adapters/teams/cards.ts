// Replies as Teams messages, and the checklist state that lives in the message itself (no database):
// a ref that rebuilds the cards (the query, or a signed compressed snapshot for pasted logs whose text
// is gone) plus who ticked what and when.
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
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
import { type Card, entryLabel } from "../../render/card.js";
import { respondTo } from "../../respond.js";

/** A ref longer than this is not worth carrying twice (Execute data + Submit fallback data). */
export const MAX_REF_CHARS = 12_000;
const MAX_SNAPSHOT_BYTES = 200_000;

/** Related-entry links carry bare ids ("sip/415"); buttons read better with the entry's label. */
export function labelLinks(catalog: Catalog, cards: Card[]): Card[] {
  const label = (id: string, current: string) => {
    const e = current === id ? catalog.byId.get(id) : undefined;
    return e ? entryLabel(e) : current;
  };
  return cards.map((c) => ({ ...c, links: c.links.map((l) => ({ ...l, label: label(l.id, l.label) })) }));
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
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHmac("sha256", "sipcode-checklist-ref").update(secret).digest();
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url").slice(0, 22);
  }

  /**
   * "q:<query>" when the query rebuilds the cards and holds no secret, else a snapshot of the cards
   * (already redacted): neither a paste nor a secret typed with a question is ever carried.
   */
  encode(cards: Card[], query: string | null): string | undefined {
    if (!cards.some((c) => c.checklist.length > 0)) return undefined;
    if (query !== null && query.length <= 500 && !carriesSecret(query)) return `q:${query}`;
    for (const slim of [cards, cards.map((c) => shrink(c, 5, 300)), cards.map((c) => shrink(c, 0, 0))]) {
      const payload = deflateRawSync(JSON.stringify(slim)).toString("base64url");
      const ref = `z:${this.sign(payload)}.${payload}`;
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
    if (!ref.startsWith("z:")) return null;
    const [sig = "", payload = ""] = ref.slice(2).split(".", 2);
    const want = Buffer.from(this.sign(payload));
    if (want.length !== Buffer.byteLength(sig) || !timingSafeEqual(want, Buffer.from(sig))) return null;
    try {
      const json = inflateRawSync(Buffer.from(payload, "base64url"), { maxOutputLength: MAX_SNAPSHOT_BYTES });
      const cards: unknown = JSON.parse(json.toString("utf8"));
      return Array.isArray(cards) && cards.every(isCard) ? cards : null;
    } catch {
      return null;
    }
  }

  /** The ref a re-rendered card carries: the same one, unless it is a query holding a secret. */
  reissue(ref: string, cards: Card[]): string | undefined {
    return ref.startsWith("q:") && carriesSecret(ref) ? this.encode(cards, null) : ref;
  }
}

function shrink(c: Card, items: number, chars: number): Card {
  const sections = c.sections
    .slice(0, items === 0 ? 1 : undefined)
    .map((s) => ({ ...s, text: s.text && clip(s.text, chars || 300), items: s.items?.slice(0, items) }));
  return { ...c, sections, others: c.others.slice(0, 5), links: c.links.slice(0, 5) };
}

function isCard(x: unknown): x is Card {
  const c = x as Card;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.title === "string" &&
    Array.isArray(c.fields) &&
    Array.isArray(c.sections) &&
    Array.isArray(c.checklist) &&
    c.checklist.every((i) => typeof i === "string") &&
    Array.isArray(c.links) &&
    Array.isArray(c.others)
  );
}

/** The Adaptive Card for cards, with a working checklist when they have one. */
export function renderCards(cards: Card[], ref: string | undefined, ticks: Ticks = {}): Json {
  return toAdaptiveCard(cards, { ref, ticks });
}

/**
 * New tick state from the toggles' values (merged into the action data by the client) and the
 * state the card carried: newly ticked items get who and when; unticked ones are cleared.
 */
export function mergeTicks(count: number, data: Record<string, unknown>, who: string, now: Date): Ticks {
  const prev = (typeof data.ticks === "object" && data.ticks !== null ? data.ticks : {}) as Record<
    string,
    unknown
  >;
  const at = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const name = clip(who.trim() || "someone", ADAPTIVE_CARD_LIMITS.tickerNameChars);
  const out: Ticks = {};
  for (let i = 0; i < Math.min(count, ADAPTIVE_CARD_LIMITS.checklistItems); i++) {
    const key = String(i);
    const input = data[`${CHECK_INPUT_PREFIX}${i}`];
    const old = prev[key] as { by?: unknown; at?: unknown } | undefined;
    const wasTicked = typeof old?.by === "string" && typeof old.at === "string";
    const on = input === undefined ? wasTicked : input === true || input === "true";
    if (!on) continue;
    out[key] = wasTicked ? { by: String(old?.by), at: String(old?.at) } : { by: name, at };
  }
  return out;
}
