// What the Share and Post checklist buttons carry, so a click can rebuild the answer without state:
// "q:<query>" (redacted) for a question, or, for a pasted log, "z:<sig>.<snapshot>": the card as
// shown (already redacted), compressed and signed. The paste itself never goes back to Slack, and
// any paste fits a button's 2,000 characters.
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Catalog } from "../../catalog/indexes.js";
import { type RedactOptions, redact } from "../../engine/scan/redact.js";
import { clip, SLACK_LIMITS } from "../../render/block-kit.js";
import type { Card } from "../../render/card.js";
import { type Reply, respond } from "../../respond.js";

/** What a button click needs: the cards to share, and the checklist with its title. */
export interface Rebuilt {
  cards: Card[];
  checks: string[];
  title: string;
  /** The value to carry on from here (a legacy bare query is re-encoded, redacted). */
  ref: string;
}

interface Snapshot {
  t: string;
  c: Card[];
}

const MAX_SNAPSHOT_BYTES = 200_000;

/** Progressively smaller copies of a card, until one fits in a button value. */
const SHRINK: Array<(c: Card) => Card> = [
  (c) => c,
  (c) => shrink(c, 8, 300),
  (c) => shrink(c, 3, 150),
  (c) => ({ ...shrink(c, 0, 300), fields: c.fields.slice(0, 2), links: [], others: [], footer: undefined }),
];

function shrink(c: Card, items: number, chars: number): Card {
  const sections = c.sections
    .slice(0, items === 0 ? 1 : undefined)
    .map((s) => ({ ...s, text: s.text && clip(s.text, chars), items: s.items?.slice(0, items) }));
  return { ...c, sections, others: c.others.slice(0, 5), links: c.links.slice(0, 5) };
}

function checklistTitle(reply: Reply, query: string): string {
  if (reply.kind === "scan") return reply.analysis.firstFailureLabel ?? "pasted log";
  return reply.cards[0]?.title ?? query;
}

export class ButtonRefs {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly catalog: Catalog,
    private readonly redaction: RedactOptions,
  ) {
    this.key = createHmac("sha256", "sipcode-slack-button-ref").update(secret).digest();
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url").slice(0, 22);
  }

  /** A question to re-run, redacted; undefined when it does not fit in a button. */
  forQuery(query: string): string | undefined {
    const ref = `q:${redact(query, this.redaction)}`;
    return ref.length <= SLACK_LIMITS.buttonValue ? ref : undefined;
  }

  /** The button value for a reply to `text` (what the user typed or pasted). */
  forReply(reply: Reply, text: string): string | undefined {
    if (reply.kind !== "scan") {
      const q = this.forQuery(text);
      if (q) return q;
    }
    const title = checklistTitle(reply, "");
    for (const slim of SHRINK) {
      const payload = deflateRawSync(
        JSON.stringify({ t: title, c: reply.cards.map(slim) } satisfies Snapshot),
      ).toString("base64url");
      const ref = `z:${this.sign(payload)}.${payload}`;
      if (ref.length <= SLACK_LIMITS.buttonValue) return ref;
    }
    return undefined;
  }

  /** What a button value stands for, or null when it is malformed or was not made by this bot. */
  resolve(value: string): Rebuilt | null {
    if (value.startsWith("z:")) return this.snapshot(value);
    // "q:" and, from messages posted before refs existed, a bare query.
    const query = value.startsWith("q:") ? value.slice(2) : value;
    if (query.trim() === "") return null;
    const reply = respond(this.catalog, query, "slack", this.redaction);
    if (reply.kind === "help") return null;
    const ref = value.startsWith("q:") ? value : this.forReply(reply, query);
    if (!ref) return null;
    return {
      cards: reply.cards,
      checks: reply.cards[0]?.checklist ?? [],
      title: checklistTitle(reply, query),
      ref,
    };
  }

  private snapshot(value: string): Rebuilt | null {
    const [sig = "", payload = ""] = value.slice(2).split(".", 2);
    const want = Buffer.from(this.sign(payload));
    if (want.length !== Buffer.byteLength(sig) || !timingSafeEqual(want, Buffer.from(sig))) return null;
    try {
      const json = inflateRawSync(Buffer.from(payload, "base64url"), { maxOutputLength: MAX_SNAPSHOT_BYTES });
      const snap = JSON.parse(json.toString("utf8")) as Snapshot;
      if (typeof snap?.t !== "string" || !Array.isArray(snap.c) || !snap.c.every(isCard)) return null;
      return { cards: snap.c, checks: snap.c[0]?.checklist ?? [], title: snap.t, ref: value };
    } catch {
      return null;
    }
  }
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
