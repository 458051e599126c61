// Free-text lookup: exact phrase first, then token overlap with typo tolerance, weighted so rare
// words ("acceptable") count more than common ones ("call"). A number also finds the entries that
// carry it as their code or subcode, so "search 488" lists SIP 488. Log messages are matched in
// search-logs.ts, words typed with a number in search-meanings.ts.
import { type Catalog, descriptionIndex, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { editDistance, FILLER_WORDS, tokenize } from "../catalog/text.js";
import { withEverydayStart } from "./search-everyday.js";
import { catalogWording, namespacedWording } from "./search-forms.js";
import { FILLER_SHARE, groupListing, isOutcomeWord, meaningfulWords, wordForms } from "./search-rank.js";
import { spellingVariant } from "./search-spelling.js";
import { loneUnits, valueOnly } from "./search-units.js";

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
  /** In a listing: the entry names the query's words or discusses its phrase (see search-rank.ts). */
  about?: true;
  /** How many of the query's meaningful (non-filler) words the entry's title or aliases carry. */
  named?: number;
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
export function maxTypos(word: string): number {
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
  if (FILLER_WORDS.has(word) || descriptionIndex(catalog).byToken.has(word)) return [];
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
    (w) => !FILLER_WORDS.has(w) && !/^\d+$/.test(w) && (common || !descriptionIndex(catalog).common.has(w)),
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
  const similar = similarWords(catalog, word).map(([v, dist]) => ({
    list: catalog.byToken.get(v) ?? [],
    dist,
  }));
  // "unauthorised" is the catalog's "unauthorized": another spelling, not a typo.
  const variant = spellingVariant(word);
  const spelled = variant ? catalog.byToken.get(variant) : undefined;
  return spelled ? [{ list: spelled, dist: 0 }, ...similar] : similar;
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
 *
 * A listing (`sipcode search`, descriptions searched, common words kept) is grouped first (see
 * search-rank.ts): the phrase named, every meaningful word named, the phrase discussed, and only
 * then a word shared in passing; filler words weigh less and descriptions match other word forms.
 * Answers (`specific`, or names only) keep the plain order, where a name match always leads and a
 * word matches only as typed: "crash" must not answer with what "crashed".
 */
export function searchText(
  catalog: Catalog,
  typed: string,
  typedNamespace: Namespace | null,
  limit = 8,
  options: SearchOptions = {},
): Scored[] {
  // "calls dropping", "sip registration failure": searched as the catalog words them.
  const scoped = typedNamespace === null ? namespacedWording(catalog, typed) : null;
  const namespace = scoped?.namespace ?? typedNamespace;
  const text = scoped?.text ?? catalogWording(catalog, typed) ?? typed;
  const words = tokenize(text).slice(0, 12);
  if (words.length === 0) return [];
  const listing = options.detail !== false && options.specific !== true;
  const total = catalog.entries.length;
  const scores = new Map<
    Entry,
    { score: number; hits: number; weighted: number; named: number; subject: number }
  >();
  const details = new Map<Entry, { score: number; hits: number }>();
  const specific = options.detail === false ? [] : specificWords(catalog, words, options.specific !== true);
  const described = specific.length === 0 ? null : descriptionIndex(catalog);
  /** entry → how many specific words it carries, by name or description. */
  const carried = new Map<Entry, number>();
  const lone = loneUnits(text);
  const meaningful = meaningfulWords(words);
  // A filler word ("no", "here") in a name is weak evidence in a listing: "busy here" is about being busy.
  const shareOf = (w: string) => (listing && FILLER_WORDS.has(w) ? FILLER_SHARE : 1);
  const weights = words.reduce((sum, w) => sum + shareOf(w), 0);
  for (const word of words) {
    const seen = new Set<Entry>();
    // A unit with no number before it names no value alias ("ms teams" is no "500 ms").
    const values = lone.has(word) ? valueOnly(catalog, word) : null;
    const share = shareOf(word);
    for (const { list: all, dist } of matchesOf(catalog, word)) {
      const list = values ? all.filter((e) => !values.has(e)) : all;
      if (list.length === 0) continue;
      const idf = Math.log(1 + total / (1 + list.length));
      const weight = (idf * share) / (1 + dist);
      for (const e of list) {
        if (seen.has(e)) continue;
        seen.add(e);
        const s = scores.get(e) ?? { score: 0, hits: 0, weighted: 0, named: 0, subject: 0 };
        s.score += weight;
        s.hits += 1;
        s.weighted += share;
        if (meaningful.includes(word)) s.named += 1;
        if (meaningful.includes(word) && !isOutcomeWord(word)) s.subject += 1;
        scores.set(e, s);
      }
    }
    if (described === null || !specific.includes(word)) continue;
    // Descriptions match exact words only, a plural "s" aside ("ports" finds "port"); a listing
    // also takes the other forms ("failed" finds "fails", "drops" finds "dropped").
    const forms = listing ? new Set([otherNumber(word), ...wordForms(word)]) : [word, otherNumber(word)];
    for (const form of forms) {
      const hits = described.byToken.get(form);
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
    const weighted = s.weighted / weights;
    // Short titles that the query covers well beat long alias lists that mention a word in passing;
    // in a listing, the words found only in the entry's description add a little.
    const extra = listing ? (details.get(entry)?.score ?? 0) / 2 : 0;
    const score = (s.score * weighted * weighted + extra) * boost(entry);
    const named = s.named;
    ranked.push(
      specific.length > 0
        ? { entry, score, coverage, specific: share(entry), named }
        : { entry, score, coverage, named },
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
  if (listing) {
    const evidence = {
      meaningful,
      named: (e: Entry) => scores.get(e)?.named ?? 0,
      subject: (e: Entry) => scores.get(e)?.subject ?? 0,
      carries: (e: Entry) => carried.get(e) ?? 0,
      searched: described !== null,
    };
    const listed = groupListing(catalog, text, namespace, evidence, ranked, order);
    return withEverydayStart(catalog, typed, typedNamespace, listed).slice(0, limit);
  }
  const byName = ranked.slice(0, named).sort(order);
  if (byName.length >= limit) return byName.slice(0, limit);
  return [...byName, ...ranked.slice(named).sort(order)].slice(0, limit);
}
