// Hits of short lines that repeat: exactly ("SIP/2.0 200 OK") or behind a leading timestamp, which
// holds no code. They are detected once and reused, moved by the timestamp's length.
import { copy, detach } from "./detach.js";
import type { Hit } from "./hit.js";

/** Lines (after any leading timestamp) up to this long are cached. */
const CACHED_LINE = 40;
const MAX_ENTRIES = 1024;
/**
 * A leading ISO or clock timestamp and the blanks after it, when a letter or "[" follows: digits,
 * separators and "T"/"Z" only, so no code can hide in it.
 */
const LEADING_STAMP =
  /^(?:\d{4}[-/]\d\d[-/]\d\d[T ])?\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?[ \t]+(?=[A-Za-z[])/;

/** The length of `line`'s leading timestamp and the blanks after it (0 when it has none). */
export function stampLength(line: string): number {
  const c = line.charCodeAt(0);
  if (c < 48 || c > 57) return 0;
  // A line's findings ask about the same line several times (cache key, surroundings, excerpt).
  if (line !== lastLine) {
    lastLine = line;
    lastStamp = LEADING_STAMP.exec(line)?.[0].length ?? 0;
  }
  return lastStamp;
}
let lastLine = "";
let lastStamp = 0;

/** Where a line's cached hits are found: its text after the timestamp, and the timestamp's length. */
export interface RepeatKey {
  key: string;
  stamp: number;
}

export class RepeatCache {
  private readonly map = new Map<string, { hits: Hit[]; at: number[] }>();

  /** The cache key of `line` (starting with a letter or not), or undefined when it is not cached. */
  keyOf(line: string, letter: boolean): RepeatKey | undefined {
    let stamp = 0;
    if (!letter) {
      stamp = stampLength(line);
      if (stamp === 0) return undefined;
    }
    const key = stamp > 0 ? line.slice(stamp) : line;
    return key.length <= CACHED_LINE ? { key, stamp } : undefined;
  }

  /** The hits cached for `k`, their offsets moved to this line. The hit objects are shared. */
  get(k: RepeatKey): Hit[] | undefined {
    const seen = this.map.get(k.key);
    if (!seen) return undefined;
    for (let i = 0; i < seen.hits.length; i++) (seen.hits[i] as Hit).at = k.stamp + (seen.at[i] as number);
    return seen.hits;
  }

  set(k: RepeatKey, hits: Hit[]): void {
    // A hit inside the timestamp (none is expected) would not move with it: not cached.
    if (!hits.every((h) => h.at >= k.stamp)) return;
    if (this.map.size >= MAX_ENTRIES) this.map.clear();
    // Copies: the key and the hits' strings are cut from the input, and the cache outlives it.
    for (const h of hits) detach(h);
    this.map.set(copy(k.key), { hits, at: hits.map((h) => h.at - k.stamp) });
  }
}
