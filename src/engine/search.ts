// Free-text lookup: exact phrase first, then token overlap with typo tolerance, weighted so rare
// words ("acceptable") count more than common ones ("call"). A number also finds the entries that
// carry it as their code or subcode, so "search 488" lists SIP 488.
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { editDistance, normalizeText, tokenize } from "../catalog/text.js";

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

/** Entries a query word points at, each group with its typo distance. Numbers never allow typos. */
function matchesOf(catalog: Catalog, word: string): Array<{ list: readonly Entry[]; dist: number }> {
  if (/^\d{1,7}$/.test(word)) {
    const n = Number(word);
    const list = [
      ...(catalog.byToken.get(word) ?? []),
      ...(catalog.byCode.get(n) ?? []),
      ...(catalog.bySubcode.get(n) ?? []),
    ];
    return list.length > 0 ? [{ list: [...new Set(list)], dist: 0 }] : [];
  }
  return similarWords(catalog, word).map(([v, dist]) => ({ list: catalog.byToken.get(v) ?? [], dist }));
}

export function searchText(catalog: Catalog, text: string, namespace: Namespace | null, limit = 8): Scored[] {
  const words = tokenize(text).slice(0, 12);
  if (words.length === 0) return [];
  const total = catalog.entries.length;
  const scores = new Map<Entry, { score: number; hits: number }>();
  for (const word of words) {
    const seen = new Set<Entry>();
    for (const { list, dist } of matchesOf(catalog, word)) {
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

/** How well words typed with a number fit one of its meanings. */
export interface MeaningFit {
  entry: Entry;
  /**
   * 3: the words are this SIP/HTTP entry's own reason phrase ("404 Not Found" → SIP 404, HTTP 404);
   * 2: they are another entry's title or alias exactly ("503 service not ready" → that Mobius 503);
   * below 2: the fraction of the words found in the entry's title and aliases (typos tolerated).
   */
  fit: number;
}

const STANDARD: ReadonlySet<Namespace> = new Set(["sip", "http"]);

/**
 * Orders the meanings of one number by how well `words` fit each, keeping the given (most likely
 * first) order among equals. A standard reason phrase therefore puts the standard entry first even
 * when a vendor entry repeats that phrase in its aliases.
 */
export function rankMeanings(
  catalog: Catalog,
  candidates: readonly Entry[],
  words: string,
  /** Count partly fitting words; off for a sentence, whose filler words would reorder by chance. */
  partial = true,
): MeaningFit[] {
  const phrase = normalizeText(words);
  const code = candidates[0]?.code;
  const withCode = code === null || code === undefined ? phrase : `${code} ${phrase}`;
  const phrases = (e: Entry) => [e.title, ...e.aliases].map(normalizeText);
  const coverage = new Map(
    searchText(catalog, phrase, null, catalog.entries.length).map((s) => [s.entry, s]),
  );
  const fits = candidates.map((entry, order) => {
    const own = phrases(entry);
    let fit = coverage.get(entry)?.coverage ?? 0;
    if (!partial && fit < 1) fit = 0;
    if (own.includes(phrase) || own.includes(withCode)) fit = STANDARD.has(entry.namespace) ? 3 : 2;
    return { entry, fit, order };
  });
  fits.sort((a, b) => b.fit - a.fit || a.order - b.order);
  return fits.map(({ entry, fit }) => ({ entry, fit }));
}
