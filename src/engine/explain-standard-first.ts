// With no vendor named, generic words that a vendor's entry names ("registration failed", "call
// dropped", "nat problem") are answered by the standard codes and symptoms first, then the vendor's:
// one vendor's card would be a confident wrong answer on any other platform.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import { withMediaTimeout } from "./explain-drops.js";
import { searchText } from "./search.js";

/**
 * What any platform may answer: standards' codes and the symptoms they show as, as against one
 * vendor's codes (and timers, which are answered by name).
 */
const STANDARD: ReadonlySet<Namespace> = new Set<Namespace>(["sip", "q850", "http", "symptom"]);

/** Standard codes and symptoms that name or discuss the words, best first. */
function standardMeanings(c: Catalog, text: string): Entry[] {
  return searchText(c, text, null, 16)
    .filter((r) => r.about && STANDARD.has(r.entry.namespace))
    .map((r) => r.entry);
}

/**
 * Generic words ("registration failed", "call dropped") that only a vendor's entry names: with no
 * vendor named, the standard meanings that name or discuss them come first, then the vendor's, as
 * one vendor's card would be a confident wrong answer on any other platform. Null when no standard
 * entry is about the words.
 */
export function beforeVendors(
  c: Catalog,
  base: Pick<ExplainResult, "query" | "parsed" | "others" | "classEntry">,
  text: string,
  vendors: readonly Entry[],
  /** Standard entries the words name outright; they lead, and the others that discuss it follow. */
  named: readonly Entry[] = [],
): ExplainResult | null {
  const discussed = standardMeanings(c, text).filter((e) => !named.includes(e));
  if (discussed.length === 0) return null;
  // "registration failed": 401, 403 and 407 named, then 404, 408 and 503, which fail one too.
  const standard = [...named, ...discussed].slice(0, Math.max(4, named.length + 3));
  const results = [...withMediaTimeout(c, normalizeText(text), standard), ...vendors];
  const note = `"${echo(text)}" has several meanings: the standard ones first, then ${vendorWord(vendors)}.`;
  return { ...base, kind: "ambiguous", results, note, suggestions: [] };
}

/** Standard entries whose names or descriptions carry every specific word, then `vendors`; else null. */
export function describedFirst(
  c: Catalog,
  base: Pick<ExplainResult, "query" | "parsed" | "others" | "classEntry">,
  text: string,
  vendors: readonly Entry[],
): ExplainResult | null {
  const standard = searchText(c, text, null, 16, { specific: true })
    .filter((r) => r.specific === 1 && STANDARD.has(r.entry.namespace))
    .slice(0, 4)
    .map((r) => r.entry);
  if (standard.length === 0) return null;
  const note = `"${echo(text)}" has several meanings: the standard ones first, then ${vendorWord(vendors)}.`;
  return { ...base, kind: "ambiguous", results: [...standard, ...vendors], note, suggestions: [] };
}

/** "the Webex Calling entry" / "the vendors' entries" after the standard codes. */
function vendorWord(entries: readonly Entry[]): string {
  const names = [...new Set(entries.map((e) => VENDOR_NAMES[e.namespace] ?? e.namespace))];
  const one = entries.length === 1;
  return `the ${names.join(" and ")} ${one ? "entry" : "entries"}`;
}

const VENDOR_NAMES: Partial<Record<Namespace, string>> = {
  mobius: "Webex Calling",
  acs: "Azure Communication Services",
  exotel: "Exotel",
};
