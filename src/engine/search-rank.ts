// How search results are grouped before their scores order them. An on-call engineer types a
// symptom ("early media", "busy here", "call drops"): an entry named by that phrase comes first,
// then entries whose names carry every meaningful word, then entries that discuss the phrase or
// carry every word between their names and descriptions, and only then entries that share a
// word in passing ("media" in "Unsupported Media Type", "here" in "Not Acceptable Here").
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { FILLER_WORDS, normalizeText, tokenize } from "../catalog/text.js";
import { stemOf } from "./search-forms.js";

/** A filler word ("no", "here") in a name counts this much of a meaningful one. */
export const FILLER_SHARE = 0.25;

/**
 * Lower tier first: the phrase named; every word named, the phrase also discussed; every word
 * named; the phrase discussed; every word carried by names and description; the rest.
 */
export type Tier = 0 | 1 | 2 | 3 | 4 | 5;

interface EntryText {
  /** Title and aliases, normalised, each padded with spaces for whole-word phrase checks. */
  names: string[];
  /** Meaning, impact, causes and notes, normalised and padded. */
  description: string;
  /** The words of the names and of the description: a phrase's words are looked up here first. */
  nameWords: Set<string>;
  descriptionWords: Set<string>;
}

const texts = new WeakMap<Catalog, Map<Entry, EntryText>>();

function textOf(catalog: Catalog, e: Entry): EntryText {
  let perCatalog = texts.get(catalog);
  if (!perCatalog) {
    perCatalog = new Map();
    texts.set(catalog, perCatalog);
  }
  let t = perCatalog.get(e);
  if (!t) {
    const names = [e.title, ...e.aliases].map((n) => ` ${normalizeText(n)} `);
    const about = [e.meaning, e.impact ?? "", ...e.causes, ...e.notes.map((n) => n.text)];
    const description = ` ${normalizeText(about.join(" "))} `;
    const wordsOf = (s: string) => new Set(s.split(" ").filter((w) => w !== ""));
    t = { names, description, nameWords: wordsOf(names.join(" ")), descriptionWords: wordsOf(description) };
    perCatalog.set(e, t);
  }
  return t;
}

/** The query as a phrase worth matching whole ("early media"), or null for a single word. */
export function queryPhrase(text: string): string | null {
  const words = tokenize(text);
  return words.length >= 2 ? words.join(" ") : null;
}

/**
 * Whether the entry's title or an alias says the phrase word for word, each word in any of its
 * forms: "call dropped" is named by "Call drops after 32 seconds" as much as by "Call dropped".
 */
export function namesPhrase(catalog: Catalog, e: Entry, phrase: string): boolean {
  const p = phraseOf(phrase);
  const t = textOf(catalog, e);
  if (!mayHold(t.nameWords, p)) return false;
  return t.names.some((n) => n.includes(` ${phrase} `) || p.re.test(n));
}

/** A phrase's whole-word pattern, and each word's forms for a cheap look before the pattern runs. */
interface PhraseForms {
  re: RegExp;
  forms: string[][];
}
const phraseRes = new Map<string, PhraseForms>();

/** The phrase as a whole-word pattern, each word in any of its forms (see wordForms). */
function phraseOf(phrase: string): PhraseForms {
  let p = phraseRes.get(phrase);
  if (!p) {
    const forms = phrase.split(" ").map((w) => wordForms(w));
    p = { re: new RegExp(` ${forms.map((f) => `(?:${f.join("|")})`).join(" ")} `), forms };
    if (phraseRes.size > 200) phraseRes.clear();
    phraseRes.set(phrase, p);
  }
  return p;
}

/** Whether `words` hold some form of every word of the phrase: most entries fail this, so the
 *  pattern seldom runs. */
function mayHold(words: ReadonlySet<string>, p: PhraseForms): boolean {
  return p.forms.every((forms) => forms.some((f) => words.has(f)));
}

/**
 * Whether the entry's meaning, impact, causes or notes say the phrase word for word, each word in
 * any of its forms ("registration fails" for "registration failed").
 */
export function discussesPhrase(catalog: Catalog, e: Entry, phrase: string): boolean {
  const p = phraseOf(phrase);
  const t = textOf(catalog, e);
  return mayHold(t.descriptionWords, p) && p.re.test(t.description);
}

/**
 * Other spellings of a word to look for in descriptions, which match exact words only: "failed"
 * also finds "fails" and "failure", "drops" finds "dropped". Only the forms the descriptions use
 * are kept by the caller, so a made-up form costs a map lookup.
 */
export function wordForms(word: string): string[] {
  const forms = new Set([word.replace(/[^a-z0-9]/g, "")]);
  if (word.length < 4 || /\d/.test(word)) return [...forms];
  let root = word;
  for (const suffix of ["ing", "ed", "es", "s"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      root = word.slice(0, -suffix.length);
      break;
    }
  }
  // "dropped" → "dropp" → "drop"; "failure" stays as written.
  if (root.length >= 4 && root.at(-1) === root.at(-2)) root = root.slice(0, -1);
  const doubled = `${root}${root.at(-1) ?? ""}`;
  for (const f of [root, `${root}s`, `${root}ed`, `${root}ing`, `${root}ure`, `${root}ures`]) forms.add(f);
  for (const f of [`${doubled}ed`, `${doubled}ing`]) forms.add(f);
  return [...forms];
}

/** The words that carry meaning: not filler, so "no" and "here" never decide a ranking alone. */
export function meaningfulWords(words: readonly string[]): string[] {
  const out = words.filter((w) => !FILLER_WORDS.has(w));
  return out.length > 0 ? out : [...words];
}

/**
 * The entry's tier, from the meaningful words its names carry (`named`) and those its names or
 * description carry (`carried`), out of `meaningful`.
 */
export function tierOf(
  catalog: Catalog,
  e: Entry,
  phrase: string | null,
  meaningful: number,
  named: number,
  carried: number,
  described: boolean,
): Tier {
  if (phrase && namesPhrase(catalog, e, phrase)) return 0;
  // Descriptions are read only when the caller searches them.
  const discussed = described && phrase !== null && discussesPhrase(catalog, e, phrase);
  if (named >= meaningful) return discussed ? 1 : 2;
  if (discussed) return 3;
  if (described && carried >= meaningful) return 4;
  return 5;
}

/** Stems of words that say how something ended rather than what: "failed", "dropped", "rejected". */
const OUTCOMES: ReadonlySet<string> = new Set(["fail", "drop", "reject", "error", "lost"]);

/** Whether a query word says only how something ended ("failure", "dropped"). */
export function isOutcomeWord(word: string): boolean {
  return OUTCOMES.has(stemOf(word));
}

/** Vendors' own namespaces, as against standards (SIP, HTTP, Q.850), symptoms and timers. */
const VENDORS: ReadonlySet<Namespace> = new Set<Namespace>(["mobius", "acs", "exotel"]);

/** What the caller learnt of each entry while scoring the query's words. */
export interface Evidence {
  /** The query's meaningful words (see meaningfulWords). */
  meaningful: readonly string[];
  /** How many meaningful words the entry's title or aliases carry. */
  named: (e: Entry) => number;
  /** How many meaningful words other than an outcome word ("failed") its title or aliases carry. */
  subject: (e: Entry) => number;
  /** How many specific words its names or description carry. */
  carries: (e: Entry) => number;
  /** Whether descriptions were searched. */
  searched: boolean;
}

/**
 * A listing in tiers, each ordered by `order` (scores). With no vendor named, a vendor's own code
 * that names or discusses the query follows the standard entries that do ("registration failed":
 * SIP 401 before Webex Calling's registration 503), and of equal score a standard entry comes first.
 * Entries that name or discuss the query are marked `about`.
 */
export function groupListing<T extends { entry: Entry; score: number; about?: true }>(
  catalog: Catalog,
  text: string,
  namespace: Namespace | null,
  evidence: Evidence,
  ranked: readonly T[],
  order: (a: T, b: T) => number,
): T[] {
  const phrase = queryPhrase(text);
  const { meaningful, named, subject, carries, searched } = evidence;
  // A standard's word ("sip registration failed") names no vendor either.
  const vendor = (e: Entry) => VENDORS.has(e.namespace) && e.namespace !== namespace;
  const keyed = ranked.map((r) => {
    const e = r.entry;
    const tier = tierOf(catalog, e, phrase, meaningful.length, named(e), carries(e), searched);
    const about = tier <= ABOUT;
    // Of the entries that discuss the phrase, those whose names also carry what it is about lead
    // ("registration failed": SIP 408, whose names say "registration timeout", before SIP 439);
    // the outcome word alone does not count (SIP 477 "send failed").
    const partly = tier === ABOUT && subject(e) > 0 ? ABOUT - 0.25 : tier;
    const key = about && vendor(e) ? ABOUT + 0.5 : partly;
    return { r: about ? { ...r, about: true as const } : r, key };
  });
  const vendorLast = (e: Entry) => (vendor(e) ? 1 : 0);
  return keyed
    .sort(
      (a, b) =>
        a.key - b.key ||
        b.r.score - a.r.score ||
        vendorLast(a.r.entry) - vendorLast(b.r.entry) ||
        order(a.r, b.r),
    )
    .map((k) => k.r);
}

/** The last tier whose entries are about the query: they name it, or discuss the phrase. */
const ABOUT: Tier = 3;

/** Whether an entry is a vendor's own code (Webex Calling, ACS, Exotel) rather than a standard one. */
export function isVendorEntry(e: Entry): boolean {
  return VENDORS.has(e.namespace);
}
