// The catalog's own wording for words typed in another form. Engineers type "register failed",
// "registration failure", "calls dropped" or "dropped calls" for what the catalog names
// "registration failed" and "call dropped": the same words, inflected or reordered. Each name of
// two to four words is keyed by the stems of its words in any order, and a query with that key
// is read as the name, so every form gets the answer the catalog's wording gets.
import type { Catalog } from "../catalog/indexes.js";
import type { Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { NAMESPACE_WORDS } from "./query.js";

/** Short forms engineers type for a word the names spell out ("reg failed", "auth failure"). */
const SHORT_FORMS: Readonly<Record<string, string>> = { reg: "register", auth: "authentic" };

/**
 * One stem for the forms of a word: "calls" → "call", "dropping" → "drop", "failure" → "fail",
 * "registration" and "registered" → "register", "rejection" → "reject". Only ever compared with
 * another stem, so a stem need not be a word.
 */
export function stemOf(word: string): string {
  let s = SHORT_FORMS[word] ?? word;
  if (s.length < 4 || /\d/.test(s)) return s;
  if (s.endsWith("s") && !s.endsWith("ss")) s = s.slice(0, -1);
  if (s.endsWith("ing") && s.length >= 6) s = s.slice(0, -3);
  else if (s.endsWith("ed") && s.length >= 5) s = s.slice(0, -2);
  // "dropp" → "drop"; "call" and "pass" keep their pair.
  if (s.length >= 4 && s.at(-1) === s.at(-2) && !/[ls]$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("ation") && s.length >= 9) {
    s = s.slice(0, -5);
    // "registr" → "register", as "registration" comes from "register".
    if (/[^aeiou]r$/.test(s)) s = `${s.slice(0, -1)}er`;
  } else if (s.endsWith("ion") && s.length >= 7) s = s.slice(0, -3);
  else if (s.endsWith("ure") && s.length >= 7) s = s.slice(0, -3);
  if (s.endsWith("e") && s.length >= 5) s = s.slice(0, -1);
  return s;
}

/** The words' stems, sorted: the same key whatever their form and order. */
function keyOf(words: readonly string[]): string {
  return words
    .map(stemOf)
    .sort((a, b) => a.localeCompare(b))
    .join(" ");
}

const keyed = new WeakMap<Catalog, Map<string, string>>();

/** Per key, the first name (normalised) of two to four words that has it, else a name's first two words. */
function namesByKey(catalog: Catalog): Map<string, string> {
  let map = keyed.get(catalog);
  if (!map) {
    map = new Map();
    const heads: Array<[string, string]> = [];
    for (const e of catalog.entries) {
      for (const n of [e.title, ...e.aliases]) {
        const name = normalizeText(n);
        const words = name.split(" ");
        if (words.length < 2) continue;
        // A longer name's first two words ("call dropped" of "Call dropped: client network
        // problem") stand for it when no whole name has their key.
        const head = words.slice(0, 2);
        if (words.length > 2) heads.push([keyOf(head), head.join(" ")]);
        if (words.length > 4) continue;
        const key = keyOf(words);
        if (!map.has(key)) map.set(key, name);
      }
    }
    for (const [key, head] of heads) if (!map.has(key)) map.set(key, head);
    keyed.set(catalog, map);
  }
  return map;
}

/**
 * Words of a sentence that name nothing: "our calls are dropped", "my calls keep getting dropped"
 * ask what "call dropped" does. They are left out when the rest is a name, so they never decide
 * the answer; words the names themselves use ("not", "no", "after") are kept.
 */
const SENTENCE_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the our my your their his her its we i they you is are was were be been being am do does " +
    "did get gets getting got just all some why"
  ).split(" "),
);
/**
 * Words that say how often: for calls they add nothing ("calls drop randomly" is "call dropped"),
 * but registration that comes and goes is flapping, which the flapping symptom's aliases answer.
 */
const REPEAT_WORDS: ReadonlySet<string> = new Set(
  (
    "keep keeps kept keeping randomly random constantly continually always often sometimes " +
    "occasionally intermittently frequently repeatedly suddenly again still"
  ).split(" "),
);
/** A drop is after the call connected, so saying so names nothing more: "call dropped after answer". */
const CONNECTED_RE =
  /\b(?:after (?:being )?(?:answer|answered|answering|connect|connected|connecting)|mid call|midcall|during (?:the )?calls?)\b/g;

/** A call ending, the only thing "after answer" adds nothing to ("no audio after answer" keeps it). */
const DROP_RE = /\b(?:drop\w*|disconnect\w*)\b/;

/** The words with the sentence's own words left out, or null when none were. */
function withoutSentenceWords(words: readonly string[]): string[] | null {
  const registration = words.some((w) => /regist/.test(w));
  const kept = words.filter((w) => !SENTENCE_WORDS.has(w) && (registration || !REPEAT_WORDS.has(w)));
  return kept.length < words.length ? kept : null;
}

/**
 * The catalog's name for words typed in another form ("calls dropping" → "call dropped"), or null
 * when the words are a name as typed, or no name has their words. Sentence words around a name
 * ("our calls are dropped") are left out when what remains is one.
 */
export function catalogWording(catalog: Catalog, text: string): string | null {
  const typed = normalizeText(text);
  if (catalog.byPhrase.has(typed)) return null;
  const words = typed.split(" ").filter((w) => w.length > 0);
  // A namespace word or a number is read as typed: "mobius register" asks for Webex Calling's
  // entries, not for one name that starts with those words.
  if (words.some((w) => NAMESPACE_WORDS[w] || /\d/.test(w))) return null;
  const named = wordingOf(catalog, words);
  if (named || words.length > 8) return named;
  const bare = DROP_RE.test(typed) ? typed.replace(CONNECTED_RE, " ").split(" ").filter(Boolean) : words;
  const kept = withoutSentenceWords(bare) ?? (bare.length < words.length ? bare : null);
  if (!kept) return null;
  const said = kept.join(" ");
  return catalog.byPhrase.has(said) ? said : wordingOf(catalog, kept);
}

/** The name whose words these are, in any form and order, for two to four words. */
function wordingOf(catalog: Catalog, words: readonly string[]): string | null {
  if (words.length < 2 || words.length > 4) return null;
  return namesByKey(catalog).get(keyOf(words)) ?? null;
}

/**
 * A search for a namespace word and a name in any form ("sip registration failed"): the name in
 * the catalog's wording, searched within that namespace. Null for anything else, which is
 * searched as typed ("sip trunk down").
 */
export function namespacedWording(
  catalog: Catalog,
  text: string,
): { namespace: Namespace; text: string } | null {
  const [first, ...rest] = normalizeText(text).split(" ");
  const namespace = first ? NAMESPACE_WORDS[first] : undefined;
  if (!namespace || rest.length < 2) return null;
  const said = rest.join(" ");
  const name = catalog.byPhrase.has(said) ? said : catalogWording(catalog, said);
  return name ? { namespace, text: name } : null;
}
