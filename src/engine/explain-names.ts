// Cause names typed as queries (USER_BUSY, CHANUNAVAIL): the entry that spells the name, or the note
// that explains a name no entry carries; never a guess from the name's words.
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import type { ExplainResult } from "./explain.js";
import { labelOf } from "./explain-common.js";
import { FREESWITCH_CAUSES, FREESWITCH_ONLY } from "./explain-freeswitch.js";
import { isNoCauseName, noCauseResult } from "./explain-no-cause.js";

/** A stack's cause name: USER_BUSY, NORMAL_CLEARING. */
const CAUSE_NAME_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** One upper-case word long enough to be a name rather than a shout: CHANUNAVAIL, CONGESTION. */
const CAPS_WORD_RE = /^[A-Z][A-Z0-9]{5,}$/;
const NAME_IN_TEXT_RE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z][A-Z0-9]{5,}\b/g;

interface NameIndex {
  /** Upper-case names exactly as an entry's title or alias spells them. */
  exact: Map<string, Entry[]>;
  /** Upper-case names a note mentions, with that note. */
  mentioned: Map<string, Array<{ entry: Entry; note: Entry["notes"][number] }>>;
}

const nameIndexes = new WeakMap<Catalog, NameIndex>();

function nameIndex(c: Catalog): NameIndex {
  let index = nameIndexes.get(c);
  if (index) return index;
  index = { exact: new Map(), mentioned: new Map() };
  for (const entry of c.entries) {
    for (const a of [entry.title, ...entry.aliases]) {
      if (!CAUSE_NAME_RE.test(a) && !CAPS_WORD_RE.test(a)) continue;
      const list = index.exact.get(a) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.exact.set(a, list);
    }
    for (const note of entry.notes) {
      for (const [name] of note.text.matchAll(NAME_IN_TEXT_RE)) {
        const list = index.mentioned.get(name) ?? [];
        if (!list.some((x) => x.entry === entry)) list.push({ entry, note });
        index.mentioned.set(name, list);
      }
    }
  }
  nameIndexes.set(c, index);
  return index;
}

/**
 * The cause name the query consists of ("USER_BUSY", "cause USER_BUSY"), if it is one. A name the
 * catalog knows is read in any case ("user_busy", "User_Busy").
 */
export function causeNameOf(c: Catalog, query: string, text: string): string | null {
  const last =
    query
      .trim()
      .split(/[\s=:;,]+/)
      .pop() ?? "";
  const typed = last.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (normalizeText(typed) !== text) return null;
  const upper = typed.toUpperCase();
  const index = nameIndex(c);
  const known =
    typed.includes("_") &&
    (index.exact.has(upper) ||
      index.mentioned.has(upper) ||
      upper in FREESWITCH_CAUSES ||
      FREESWITCH_ONLY.has(upper) ||
      isNoCauseName(upper));
  const name = known ? upper : typed;
  return CAUSE_NAME_RE.test(name) || CAPS_WORD_RE.test(name) ? name : null;
}

/** Cause names first: the family that defines them, then SIP, then the usual order. */
const NAME_ORDER: Record<Namespace, number> = { ...NAMESPACE_PRIORITY, q850: -2, sip: -1 };

/**
 * A FreeSWITCH/Asterisk-style name. One an entry spells exactly is that entry, first; one no entry
 * carries is never guessed from its words (LOSE_RACE is not about racing): the answer says so and
 * points at the note or entry that explains it, if the catalog has one.
 */
export function nameResult(
  c: Catalog,
  base: Pick<ExplainResult, "query" | "parsed" | "classEntry">,
  name: string,
): ExplainResult | null {
  // AST_CAUSE_NOTDEFINED is cause 0: no cause recorded, never an entry found by its words.
  if (isNoCauseName(name)) return noCauseResult(base, name);
  const index = nameIndex(c);
  const snake = name.includes("_");
  const exact = index.exact.get(name) ?? [];
  const phrase = c.byPhrase.get(normalizeText(name)) ?? [];
  if (exact.length > 0) {
    if (!snake) return null;
    // Mobius's NOT_ACCEPTABLE is also FreeSWITCH's name for SIP 606: both meanings.
    const own = freeswitchResult(c, base, name, exact);
    if (own) return own;
    const results = [...exact].sort((a, b) => NAME_ORDER[a.namespace] - NAME_ORDER[b.namespace]);
    const others = phrase
      .filter((e) => !results.includes(e))
      .sort((a, b) => NAMESPACE_PRIORITY[a.namespace] - NAMESPACE_PRIORITY[b.namespace]);
    const kind = results.length === 1 ? "found" : "ambiguous";
    const note =
      kind === "ambiguous"
        ? `${name} names ${results.length} entries; ${labelOf(results[0] as Entry)} comes first.`
        : null;
    return { ...base, kind, results, others, note, suggestions: [] };
  }
  if (!snake && phrase.length > 0) return null;
  const mentioned = index.mentioned.get(name) ?? [];
  const pointers = [...new Set([...mentioned.map((m) => m.entry), ...(snake ? phrase : [])])];
  const unknown = { ...base, kind: "unknown" as const, results: [], others: [] };
  const first = mentioned[0];
  if (first) {
    const note =
      `${name} is not a catalog code. The ${first.note.context} note on ${labelOf(first.entry)} ` +
      `explains it: ${first.note.text}`;
    return { ...unknown, note, suggestions: pointers };
  }
  const own = snake ? freeswitchResult(c, base, name, []) : null;
  if (own) return own;
  const alias = phrase[0];
  if (snake && alias) {
    const note = `${name} is not a catalog code; "${normalizeText(name)}" is another name for ${labelOf(alias)}.`;
    return { ...unknown, note, suggestions: pointers };
  }
  if (!snake) return null;
  const note =
    `${name} is not a catalog code, and no entry names it. FreeSWITCH and Asterisk have cause names ` +
    "of their own; look for the Q.850 cause or SIP response logged with it.";
  return { ...unknown, note, suggestions: [] };
}

/**
 * A FreeSWITCH hangup cause with no Q.850 value (MEDIA_TIMEOUT, GATEWAY_DOWN): what it means and
 * the entries that explain it; a name the catalog also spells (Mobius's NOT_ACCEPTABLE) comes first.
 */
function freeswitchResult(
  c: Catalog,
  base: Pick<ExplainResult, "query" | "parsed" | "classEntry">,
  name: string,
  exact: readonly Entry[],
): ExplainResult | null {
  const cause = FREESWITCH_CAUSES[name];
  if (!cause) {
    if (!FREESWITCH_ONLY.has(name) || exact.length > 0) return null;
    const note =
      `${name} is one of FreeSWITCH's own hangup causes, with no Q.850 value; the catalog says no more ` +
      "about it. Look for the SIP response or Q.850 cause logged with it.";
    return { ...base, kind: "unknown", results: [], others: [], note, suggestions: [] };
  }
  const related = cause.related.map((id) => c.byId.get(id)).filter((e): e is Entry => e !== undefined);
  const answer = cause.answers ? related.slice(0, 1) : [];
  const results = [...exact, ...answer.filter((e) => !exact.includes(e))];
  const suggestions = related.filter((e) => !results.includes(e));
  const also = exact[0] ? `${name} names ${labelOf(exact[0])}; it is also ` : `${name} is `;
  const note = `${also}a FreeSWITCH hangup cause with no Q.850 value: ${cause.when}.`;
  if (results.length === 0) return { ...base, kind: "unknown", results, others: [], note, suggestions };
  const kind = results.length === 1 ? "found" : "ambiguous";
  return { ...base, kind, results, others: [], note, suggestions };
}
