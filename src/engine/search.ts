// Free-text lookup: exact phrase first, then token overlap with typo tolerance, weighted so rare
// words ("acceptable") count more than common ones ("call").
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { editDistance, tokenize } from "../catalog/text.js";

export interface Scored {
  entry: Entry;
  score: number;
  /** Fraction of the query's words this entry matched. */
  coverage: number;
}

/** Allowed typos grow with word length: none for short words, one from 4 letters, two from 8. */
function maxTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** Vocabulary words close to `word`, with their distance. Short-circuits on an exact hit. */
function similarWords(catalog: Catalog, word: string): Array<[string, number]> {
  if (catalog.byToken.has(word)) return [[word, 0]];
  const max = maxTypos(word);
  if (max === 0) return [];
  const out: Array<[string, number]> = [];
  for (const v of catalog.vocabulary) {
    if (Math.abs(v.length - word.length) > max || v[0] !== word[0]) continue;
    const d = editDistance(word, v, max);
    if (d <= max) out.push([v, d]);
  }
  return out;
}

export function searchText(catalog: Catalog, text: string, namespace: Namespace | null, limit = 8): Scored[] {
  const words = tokenize(text).slice(0, 12);
  if (words.length === 0) return [];
  const total = catalog.entries.length;
  const scores = new Map<Entry, { score: number; hits: number }>();
  for (const word of words) {
    const seen = new Set<Entry>();
    for (const [v, dist] of similarWords(catalog, word)) {
      const list = catalog.byToken.get(v) ?? [];
      const idf = Math.log(1 + total / (1 + list.length));
      const weight = idf / (1 + dist);
      for (const e of list) {
        if (namespace && e.namespace !== namespace) continue;
        if (seen.has(e)) continue;
        seen.add(e);
        const s = scores.get(e) ?? { score: 0, hits: 0 };
        s.score += weight;
        s.hits += 1;
        scores.set(e, s);
      }
    }
  }
  const ranked: Scored[] = [];
  for (const [entry, s] of scores) {
    const coverage = s.hits / words.length;
    // Short titles that the query covers well beat long alias lists that mention a word in passing.
    ranked.push({ entry, score: s.score * coverage * coverage, coverage });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      NAMESPACE_PRIORITY[a.entry.namespace] - NAMESPACE_PRIORITY[b.entry.namespace] ||
      a.entry.id.localeCompare(b.entry.id),
  );
  return ranked.slice(0, limit);
}
