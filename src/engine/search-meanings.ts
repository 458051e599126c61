// Words typed with a number ("404 Not Found", "403 mobius register"): how well they fit each of the
// number's meanings, and so which meaning comes first.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { editDistance, normalizeText, tokenize } from "../catalog/text.js";
import { NAMESPACE_WORDS } from "./query.js";
import { maxTypos, searchText } from "./search.js";

/** How well words typed with a number fit one of its meanings. */
export interface MeaningFit {
  entry: Entry;
  /**
   * 3: the words are this SIP/HTTP entry's own reason phrase, or a near spelling of it ("404 Not
   * Found" → SIP 404; "603 declined", "401 unauthorised");
   * 2: they are another entry's title or alias exactly ("503 service not ready" → that Mobius 503);
   * 1.5: they contain this SIP/HTTP entry's reason phrase ("403 forbidden on register" → SIP 403);
   * 1.2: they contain every word of a vendor entry's title ("480 remote endpoint not registered");
   * up to 1: the fraction of the words found in the entry's title and aliases (typos tolerated).
   */
  fit: number;
}

const STANDARD: ReadonlySet<Namespace> = new Set(["sip", "http"]);

/** Two spellings of one word: equal, or a typo apart (no swapped letters in short words). */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  const max = maxTypos(b);
  return max > 0 && a[0] === b[0] && editDistance(a, b, max, b.length > 4) <= max;
}

/** The same words in the same order, each spelled nearly alike ("declined" for "decline"). */
function nearPhrase(typed: readonly string[], own: string): boolean {
  const words = own.split(" ");
  return words.length === typed.length && words.every((w, i) => nearWord(typed[i] ?? "", w));
}

/** Namespaces the words name ("403 mobius register" names Mobius). */
function namedNamespaces(words: readonly string[]): Set<Namespace> {
  const out = new Set<Namespace>();
  for (const w of words) {
    const ns = NAMESPACE_WORDS[w];
    if (ns) out.add(ns);
  }
  return out;
}

/**
 * Orders the meanings of one number by how well `words` fit each, keeping the given (most likely
 * first) order among equals. A standard reason phrase therefore puts the standard entry first even
 * when a vendor entry repeats that phrase in its aliases. A vendor entry leads only when the words
 * name its vendor, are its title or an alias, or contain every word of its title; a word it merely
 * shares with the query ("403 register", "487 cancelled") orders it among the vendor's entries but
 * leaves the families in their given order, SIP first.
 */
export function rankMeanings(
  catalog: Catalog,
  candidates: readonly Entry[],
  words: string,
  /** Count partly fitting words; off for a sentence, whose filler words would reorder by chance. */
  partial = true,
): MeaningFit[] {
  const phrase = normalizeText(words);
  const typed = phrase.split(" ");
  const tokens = tokenize(phrase);
  const code = candidates[0]?.code;
  // The phrase with the number where the entry may spell it: "403 forbidden 103", "registration 503".
  const withCode =
    code === null || code === undefined ? [phrase] : [`${code} ${phrase}`, `${phrase} ${code}`];
  const phrases = (e: Entry) => [e.title, ...e.aliases].map(normalizeText);
  const coverage = new Map(
    searchText(catalog, phrase, null, catalog.entries.length, { detail: false }).map((s) => [s.entry, s]),
  );
  const padded = ` ${phrase} `;
  // The reason phrase inside longer words: SIP's own if SIP has it, else HTTP's.
  const containing = candidates.filter(
    (e) => STANDARD.has(e.namespace) && phrases(e).some((p) => p.length >= 4 && padded.includes(` ${p} `)),
  );
  const sipContains = containing.some((e) => e.namespace === "sip");
  const named = namedNamespaces(typed);
  const fits = candidates.map((entry, order) => {
    const own = phrases(entry);
    const standard = STANDARD.has(entry.namespace);
    let fit = coverage.get(entry)?.coverage ?? 0;
    if (!partial && fit < 1) fit = 0;
    if (containing.includes(entry) && (entry.namespace === "sip" || !sipContains)) fit = Math.max(fit, 1.5);
    if (!standard && tokens.length > 0) {
      // Every word of the title, its own number aside ("Local endpoint network issue (491)").
      const title = tokenize(entry.title).filter((t) => t !== String(code));
      if (title.length > 0 && title.every((t) => tokens.some((w) => nearWord(w, t))))
        fit = Math.max(fit, 1.2);
    }
    if (own.includes(phrase) || withCode.some((p) => own.includes(p))) fit = standard ? 3 : 2;
    else if (standard && own.some((p) => nearPhrase(typed, p))) fit = 3;
    // Strong fits order first; a weak one (a shared word) only orders entries of one family, the
    // families keeping their given order.
    const strong =
      fit >= 1.2 || (standard && fit >= 1) || named.has(entry.namespace)
        ? fit + (named.has(entry.namespace) ? 1 : 0)
        : 0;
    return { entry, fit, order, strong };
  });
  const family = new Map<Namespace, number>();
  for (const f of fits)
    if (f.strong === 0 && !family.has(f.entry.namespace)) family.set(f.entry.namespace, f.order);
  const rankOf = (f: (typeof fits)[number]) =>
    f.strong > 0 ? -1 : (family.get(f.entry.namespace) ?? f.order);
  fits.sort((a, b) => b.strong - a.strong || rankOf(a) - rankOf(b) || b.fit - a.fit || a.order - b.order);
  return fits.map(({ entry, fit }) => ({ entry, fit }));
}
