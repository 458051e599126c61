// Rendered cards for answers that depend only on what was asked (help, timers, explain): the catalog
// never changes at runtime, so the same question gets the same card. Incidents bring many identical
// questions at once, and the compose search renders up to ten cards on every keystroke.
import { LRUCache } from "lru-cache";
import type { Catalog } from "../../catalog/indexes.js";
import type { Intent } from "../../engine/route.js";
import type { RedactOptions } from "../../engine/scan/redact.js";
import { type ReplySummary, recordAnswer } from "../../metrics/index.js";
import type { Json } from "../../render/adaptive-card.js";
import type { Card } from "../../render/card.js";
import { respondTo, summarize } from "../../respond.js";
import { labelLinks, type RefCodec, renderCards } from "./cards.js";
import { withTeamsHelp } from "./files.js";
import { storeJson } from "./serialized.js";

export interface Rendered {
  /** The neutral cards (shared: never mutate). */
  cards: Card[];
  /** The Adaptive Card with a fresh, unticked checklist (shared: never mutate). */
  card: Json;
  /** What /metrics counts for this answer, recorded again on every cache hit. */
  summary?: ReplySummary;
}

/** Questions longer than this are free text that is unlikely to repeat exactly. */
const MAX_KEY_CHARS = 200;
/**
 * Heap bytes per character of a card's JSON, for the whole entry: the JSON itself, the card object
 * and the neutral cards (measured at about 2.5 over every catalog entry's card; rounded up).
 */
const BYTES_PER_JSON_CHAR = 3;
/** The cache's memory bound, in heap bytes. */
export const RENDER_CACHE_BYTES = 16_000_000;

export class RenderCache {
  private readonly lru = new LRUCache<string, Rendered>({
    maxSize: RENDER_CACHE_BYTES,
    sizeCalculation: (r) => storeJson(r.card) * BYTES_PER_JSON_CHAR + 64,
  });

  constructor(
    private readonly catalog: Catalog,
    private readonly refs: RefCodec,
    private readonly redact: RedactOptions,
  ) {}

  /** The rendered answer to a routed question; a pasted log (scan) is rendered fresh every time. */
  render(intent: Intent, query: string | null): Rendered {
    const key = intent.type === "scan" || query === null ? null : JSON.stringify(intent);
    const cacheable = key !== null && key.length <= MAX_KEY_CHARS;
    const hit = cacheable ? this.lru.get(key) : undefined;
    if (hit) {
      if (hit.summary) recordAnswer("teams", hit.summary);
      return hit;
    }
    const reply = respondTo(this.catalog, intent, "teams", this.redact);
    const labelled = labelLinks(this.catalog, reply.cards);
    const cards = intent.type === "help" ? withTeamsHelp(labelled) : labelled;
    // Any query that routes to this intent rebuilds the same cards, so the first one's ref serves all.
    const rendered = {
      cards,
      card: renderCards(cards, this.refs.encode(cards, query)),
      summary: summarize(reply),
    };
    if (cacheable) this.lru.set(key, rendered);
    return rendered;
  }
}
