// Free-text lookup: exact phrase first, then token overlap with typo tolerance, weighted so rare
// words ("acceptable") count more than common ones ("call"). A number also finds the entries that
// carry it as their code or subcode, so "search 488" lists SIP 488.
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { editDistance, FILLER_WORDS, normalizeText, tokenize } from "../catalog/text.js";
import { NAMESPACE_WORDS } from "./query.js";

export interface Scored {
  entry: Entry;
  score: number;
  /** Fraction of the query's words this entry matched (for a description match, of its specific words). */
  coverage: number;
  /** Matched only in the entry's description (meaning, causes, checks, notes), not its names. */
  detail?: true;
  /**
   * Fraction of the query's specific words (see specificWords) this entry carries in its title,
   * aliases or description; set when the description was searched and the query has such words.
   */
  specific?: number;
}

export interface SearchOptions {
  /** Also search descriptions, ranked after every title/alias match (default true). */
  detail?: boolean;
  /**
   * Descriptions are searched for specific words only, common ones ("firewall", "carrier") left
   * out as well as filler; for answers. A listing (`sipcode search firewall`) keeps them.
   */
  specific?: boolean;
}

/** Allowed typos grow with word length: none for short words, one from 4 letters, two from 8. */
function maxTypos(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** The other number of a word: "ports" for "port", "port" for "ports". */
function otherNumber(word: string): string {
  return word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : `${word}s`;
}

/**
 * Vocabulary words close to `word`, with their distance. Short-circuits on an exact hit. A word
 * the catalog uses elsewhere ("fired", in descriptions) or a filler word ("lots") is meant as
 * written and is not read as a typo of a title word ("fixed", "loss"), its other number aside;
 * words of four letters or fewer get no swapped-letter typos ("form" is not "from", "pots" not
 * "post").
 */
function similarWords(catalog: Catalog, word: string): Array<[string, number]> {
  if (catalog.byToken.has(word)) return [[word, 0]];
  const other = otherNumber(word);
  if (catalog.byToken.has(other)) return [[other, 1]];
  if (catalog.byDetailToken.has(word) || FILLER_WORDS.has(word)) return [];
  const max = maxTypos(word);
  if (max === 0) return [];
  const transpose = word.length > 4;
  const out: Array<[string, number]> = [];
  for (const v of catalog.vocabulary) {
    if (Math.abs(v.length - word.length) > max || v[0] !== word[0]) continue;
    const d = editDistance(word, v, max, transpose);
    if (d <= max) out.push([v, d]);
  }
  return out;
}

/**
 * The query words a description match may use: never filler ("hello", "why", "three") or numbers
 * (those are codes), and for an answer not words common in the catalog's descriptions either
 * ("call", "carrier").
 */
export function specificWords(catalog: Catalog, words: readonly string[], common = false): string[] {
  return words.filter(
    (w) => !FILLER_WORDS.has(w) && !/^\d+$/.test(w) && (common || !catalog.commonDetailWords.has(w)),
  );
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

/** How a namespace word names a vendor in the notes of other namespaces' entries ("exotel 403"). */
const VENDOR_CONTEXT: Partial<Record<Namespace, RegExp>> = {
  exotel: /exotel/i,
  acs: /\bACS\b|azure/i,
  mobius: /webex|mobius/i,
};

const vendorNoted = new WeakMap<Catalog, Map<Namespace, Set<Entry>>>();

/** Entries outside `ns` that carry a note for the vendor behind `ns` (SIP 403's Exotel trunk note). */
export function vendorNotes(catalog: Catalog, ns: Namespace): ReadonlySet<Entry> {
  let perCatalog = vendorNoted.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    vendorNoted.set(catalog, perCatalog);
  }
  let set = perCatalog.get(ns);
  if (!set) {
    const re = VENDOR_CONTEXT[ns];
    set = new Set(
      re ? catalog.entries.filter((e) => e.namespace !== ns && e.notes.some((n) => re.test(n.context))) : [],
    );
    perCatalog.set(ns, set);
  }
  return set;
}

/** The note an entry carries for the vendor behind `ns`, if any. */
export function vendorNote(e: Entry, ns: Namespace): Entry["notes"][number] | undefined {
  const re = VENDOR_CONTEXT[ns];
  return re ? e.notes.find((n) => re.test(n.context)) : undefined;
}

/** A namespace word prefers its own entries, then those with a note for its vendor; it hides nothing. */
const OWN_BOOST = 3;
const NOTED_BOOST = 2;

/**
 * Free-text ranking. Title and alias words (typos tolerated) decide; entries found only through
 * their descriptions (exact specific words, lower weight) follow after all of them. A namespace word
 * boosts its own entries rather than filtering the rest out.
 */
export function searchText(
  catalog: Catalog,
  text: string,
  namespace: Namespace | null,
  limit = 8,
  options: SearchOptions = {},
): Scored[] {
  const words = tokenize(text).slice(0, 12);
  if (words.length === 0) return [];
  const total = catalog.entries.length;
  const scores = new Map<Entry, { score: number; hits: number }>();
  const details = new Map<Entry, { score: number; hits: number }>();
  const specific = options.detail === false ? [] : specificWords(catalog, words, options.specific !== true);
  /** entry → how many specific words it carries, by name or description. */
  const carried = new Map<Entry, number>();
  for (const word of words) {
    const seen = new Set<Entry>();
    for (const { list, dist } of matchesOf(catalog, word)) {
      const idf = Math.log(1 + total / (1 + list.length));
      const weight = idf / (1 + dist);
      for (const e of list) {
        if (seen.has(e)) continue;
        seen.add(e);
        const s = scores.get(e) ?? { score: 0, hits: 0 };
        s.score += weight;
        s.hits += 1;
        scores.set(e, s);
      }
    }
    if (options.detail === false || !specific.includes(word)) continue;
    // Descriptions match exact words only, a plural "s" aside ("ports" finds "port").
    for (const form of [word, otherNumber(word)]) {
      const hits = catalog.byDetailToken.get(form);
      if (!hits) continue;
      const idf = Math.log(1 + total / (1 + hits.length));
      for (const { entry, fields } of hits) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        const s = details.get(entry) ?? { score: 0, hits: 0 };
        s.score += (idf * (1 + fields)) / 4;
        s.hits += 1;
        details.set(entry, s);
      }
    }
    for (const e of seen) carried.set(e, (carried.get(e) ?? 0) + 1);
  }
  const preferred = namespace ? vendorNotes(catalog, namespace) : null;
  const boost = (e: Entry) => (e.namespace === namespace ? OWN_BOOST : preferred?.has(e) ? NOTED_BOOST : 1);
  const ranked: Scored[] = [];
  const share = (e: Entry) => (carried.get(e) ?? 0) / specific.length;
  for (const [entry, s] of scores) {
    const coverage = s.hits / words.length;
    // Short titles that the query covers well beat long alias lists that mention a word in passing.
    const score = s.score * coverage * coverage * boost(entry);
    ranked.push(
      specific.length > 0 ? { entry, score, coverage, specific: share(entry) } : { entry, score, coverage },
    );
  }
  const named = ranked.length;
  // A description match is judged on the specific words only: all of them must be there.
  for (const [entry, s] of details) {
    if (scores.has(entry)) continue;
    const coverage = share(entry);
    const score = s.score * coverage * coverage * boost(entry);
    ranked.push({ entry, score, coverage, detail: true, specific: coverage });
  }
  const order = (a: Scored, b: Scored) =>
    b.score - a.score ||
    NAMESPACE_PRIORITY[a.entry.namespace] - NAMESPACE_PRIORITY[b.entry.namespace] ||
    a.entry.id.localeCompare(b.entry.id);
  const byName = ranked.slice(0, named).sort(order);
  if (byName.length >= limit) return byName.slice(0, limit);
  return [...byName, ...ranked.slice(named).sort(order)].slice(0, limit);
}

const shortestByCatalog = new WeakMap<Catalog, number>();

/** Length of the shortest normalised log message: shorter text cannot contain one. */
function shortestMessage(catalog: Catalog): number {
  let n = shortestByCatalog.get(catalog);
  if (n === undefined) {
    n = Math.min(...catalog.logMessages.map((m) => m.parts.join(" ").length), Number.MAX_SAFE_INTEGER);
    shortestByCatalog.set(catalog, n);
  }
  return n;
}

/**
 * Entries one of whose log messages the text contains, fixed parts in order ("Failed to add
 * device: 42 in sorted set"); the longest message first, so a specific one wins.
 */
export function logMessageMatches(
  catalog: Catalog,
  text: string,
): Array<{ entry: Entry; message: string; dependency: string }> {
  const shortest = shortestMessage(catalog);
  if (text.length < shortest) return [];
  const hay = ` ${normalizeText(text)} `;
  if (hay.length < shortest + 2) return [];
  const out: Array<{ entry: Entry; message: string; dependency: string; length: number }> = [];
  for (const m of catalog.logMessages) {
    const length = m.parts.join(" ").length;
    const known = out.find((o) => o.entry === m.entry);
    if (known && known.length >= length) continue;
    let from = 0;
    let ok = true;
    for (const part of m.parts) {
      const at = hay.indexOf(` ${part} `, from);
      if (at < 0) {
        ok = false;
        break;
      }
      from = at + part.length + 1;
    }
    if (!ok) continue;
    if (known) Object.assign(known, { message: m.text, dependency: m.dependency, length });
    else out.push({ entry: m.entry, message: m.text, dependency: m.dependency, length });
  }
  return out
    .sort((a, b) => b.length - a.length)
    .map(({ entry, message, dependency }) => ({ entry, message, dependency }));
}

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
