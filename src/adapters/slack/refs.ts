// What the Share and Post checklist buttons carry, so a click can rebuild the answer without state:
// "q:<query>" (redacted) for a question, or, for a pasted log, "z:<sig>.<snapshot>": the card as
// shown (already redacted), compressed and signed. The paste itself never goes back to Slack, and
// any paste fits a button's 2,000 characters.
import type { Catalog } from "../../catalog/indexes.js";
import { SECRET_ONLY_NOTE } from "../../engine/explain-secrets.js";
import { type RedactOptions, redact } from "../../engine/scan/redact.js";
import { SLACK_LIMITS } from "../../render/block-kit.js";
import type { Card } from "../../render/card.js";
import { CardSnapshots, isCard, shrinkCard } from "../../render/snapshot.js";
import { draftReply, type Reply } from "../../respond.js";

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

/** Progressively smaller copies of a card, until one fits in a button value. */
const SHRINK: Array<(c: Card) => Card> = [
  (c) => c,
  (c) => shrinkCard(c, 8, 300),
  (c) => shrinkCard(c, 3, 150),
  (c) => ({
    ...shrinkCard(c, 0, 300),
    fields: c.fields.slice(0, 2),
    links: [],
    others: [],
    footer: undefined,
  }),
];

function checklistTitle(reply: Reply, query: string): string {
  if (reply.kind === "scan") return reply.analysis.firstFailureLabel ?? "pasted log";
  return reply.cards[0]?.title ?? query;
}

export class ButtonRefs {
  private readonly snapshots: CardSnapshots;

  constructor(
    secret: string,
    private readonly catalog: Catalog,
    private readonly redaction: RedactOptions,
  ) {
    this.snapshots = new CardSnapshots(secret, "sipcode-slack-button-ref");
  }

  /** A question to re-run, redacted; undefined when it does not fit in a button. */
  forQuery(query: string): string | undefined {
    const ref = `q:${redact(query, this.redaction)}`;
    return ref.length <= SLACK_LIMITS.buttonValue ? ref : undefined;
  }

  /** The button value for a reply to `text` (what the user typed or pasted). */
  forReply(reply: Reply, text: string): string | undefined {
    // A question that was only a secret has no answer worth sharing or ticking off.
    if (reply.kind === "explain" && reply.result.note === SECRET_ONLY_NOTE) return undefined;
    if (reply.kind !== "scan") {
      const q = this.forQuery(text);
      if (q) return q;
    }
    const title = checklistTitle(reply, "");
    for (const slim of SHRINK) {
      const ref = this.snapshots.seal({ t: title, c: reply.cards.map(slim) } satisfies Snapshot);
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
    // The answer was counted when it was given; sharing it or its checklist is no new answer.
    const reply = draftReply(this.catalog, query, "slack", this.redaction);
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
    const snap = this.snapshots.open(value) as Snapshot | null;
    if (typeof snap?.t !== "string" || !Array.isArray(snap.c) || !snap.c.every(isCard)) return null;
    return { cards: snap.c, checks: snap.c[0]?.checklist ?? [], title: snap.t, ref: value };
  }
}
