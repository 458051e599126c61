// Words that name a vendor ("webex calls drop", "exotel calls fail"): that vendor's entries lead,
// and another vendor's never appear. A Webex Calling engineer told about Azure's client network, or
// an Exotel one about a Webex mid-call error, is pointed at a platform they do not run. When the
// named vendor has no entry for the words, the answer says so and gives the standard meanings,
// those with a note for that vendor first.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import { vendorNotes } from "./search.js";
import { isVendorEntry } from "./search-rank.js";

const VENDOR_NAMES: Partial<Record<Namespace, string>> = {
  mobius: "Webex Calling",
  acs: "Azure Communication Services",
  exotel: "Exotel",
};

/** A timer of the vendor's own ("timer/mobius-call-keepalive") is its entry too. */
const OWN_TIMER: Partial<Record<Namespace, string>> = { mobius: "timer/mobius-" };

/**
 * The vendor's own entries that answer an everyday phrase although their names do not say it: a
 * Webex call that drops mid-call is first the Mobius call keepalive (15 minutes), a Webex phone
 * that will not register is refused by Mobius with one of its registration errors.
 */
const VENDOR_STARTS: Partial<Record<Namespace, ReadonlyArray<{ test: RegExp; ids: readonly string[] }>>> = {
  mobius: [
    { test: /\bdrop\w*|\bcut off\b|\bdisconnect\w*/, ids: ["timer/mobius-call-keepalive"] },
    {
      test: /\b(?:un|de)?regist\w*/,
      ids: ["mobius/401-registration", "mobius/503-registration", "mobius/403-112", "mobius/403-101"],
    },
  ],
};

/** Whether `e` belongs to the vendor behind `ns`. */
function ownEntry(e: Entry, ns: Namespace): boolean {
  const timer = OWN_TIMER[ns];
  return e.namespace === ns || (timer !== undefined && e.id.startsWith(timer));
}

/**
 * `result` for words that name the vendor behind `ns`: other vendors' entries left out, and the
 * vendor's own (then those with a note for it) first. When none of those is left, `standard()`
 * (the same words with no vendor named) gives the standard meanings, said to be such.
 */
export function forNamedVendor(
  c: Catalog,
  result: ExplainResult,
  ns: Namespace | null,
  words: string,
  standard: () => ExplainResult,
): ExplainResult {
  const name = ns ? VENDOR_NAMES[ns] : undefined;
  // A family word alone gets its usage hint, and a time's answer ("webex call lost after 15
  // minutes") already names the vendor's own timer first.
  if (!ns || !name || result.results.length === 0 || ownEntry(result.results[0] as Entry, ns)) return result;
  const noted = vendorNotes(c, ns);
  const text = words.toLowerCase();
  const starts = (VENDOR_STARTS[ns] ?? [])
    .filter((s) => s.test.test(text))
    .flatMap((s) => s.ids.map((id) => c.byId.get(id)))
    .filter((e): e is Entry => e !== undefined);
  const allowed = (e: Entry) => ownEntry(e, ns) || !isVendorEntry(e);
  const tier = (e: Entry) => (ownEntry(e, ns) ? 0 : noted.has(e) ? 1 : 2);
  const kept = result.results.filter(allowed);
  const byTier = (list: readonly Entry[]) => [...new Set(list)].sort((a, b) => tier(a) - tier(b)).slice(0, 8);
  // Only another vendor's entries are in question: a standard answer ("webex one way audio",
  // "webex call drops after 30 minutes") stands as it is.
  if (kept.length === result.results.length) return result;
  if (kept.some((e) => tier(e) < 2) && starts.length === 0) {
    const results = byTier(kept);
    return { ...result, results, kind: results.length === 1 ? "found" : "ambiguous" };
  }
  // Nothing of the vendor's own: the standard meanings, those with a note for the vendor first.
  const plain = standard();
  const meanings = plain.results.filter(allowed);
  const results = byTier([...starts, ...meanings]);
  const lead =
    starts.length > 0
      ? `For ${name}, "${echo(words)}" starts with its own entries, then the standard meanings.`
      : `${name} has no entry of its own for "${echo(words)}"; these are the standard meanings.`;
  // The plain answer's note may speak of the vendors' entries left out; then only the lead is said.
  const note = plain.note && meanings.length === plain.results.length ? `${lead} ${plain.note}` : lead;
  const base = { query: result.query, parsed: result.parsed, others: [], classEntry: null };
  if (results.length === 0) {
    const none = `${name} has no entry for "${echo(words)}", and no standard code or symptom matches it either.`;
    return {
      ...base,
      kind: "unknown",
      results: [],
      note: none,
      suggestions: plain.suggestions.filter(allowed),
    };
  }
  return { ...base, kind: "ambiguous", results, note, suggestions: [] };
}
