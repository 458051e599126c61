// What every kind of answer shares: namespace and entry labels for notes, typed text echoed back
// within a note's length, the entries of one namespace, and the other meanings of a number.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import type { ParsedQuery } from "./query.js";

const NAMESPACE_LABEL: Record<Namespace, string> = {
  sip: "SIP",
  q850: "Q.850 cause",
  http: "HTTP",
  mobius: "Webex Calling (Mobius)",
  acs: "Azure Communication Services",
  exotel: "Exotel API",
  symptom: "symptom",
  timer: "timer",
};

export function namespaceLabel(ns: Namespace): string {
  return NAMESPACE_LABEL[ns];
}

/** "SIP 486 Busy Here", "Q.850 cause 17 User busy", "symptom One-way audio" for notes. */
export function labelOf(e: Entry): string {
  const number = e.code === null ? "" : ` ${e.code}${e.subcode === null ? "" : `/${e.subcode}`}`;
  return `${namespaceLabel(e.namespace)}${number} ${e.title}`;
}

/** Typed text echoed in a note: at most about 80 characters, cut between words. */
export function echo(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function inNs(list: readonly Entry[] | undefined, ns: Namespace | null): Entry[] {
  if (!list) return [];
  return ns ? list.filter((e) => e.namespace === ns) : [...list];
}

/**
 * The entries that share a number with the results but were not asked for ("403 also means…").
 * For one number typed alone in a family ("q850 102", "mobius 102"), that is the number typed, read
 * as the bare number is (its codes, then the Mobius and ACS subcodes it names), so the list agrees
 * with what `sipcode 102` answers; not the family code a subcode sits under (Mobius 403/102's 403).
 */
export function othersFor(c: Catalog, results: Entry[], parsed: ParsedQuery): Entry[] {
  if (parsed.type !== "code" && parsed.type !== "id") return [];
  const typed = typedNumber(parsed);
  const out: Entry[] = [];
  const add = (list: readonly Entry[] | undefined) => {
    for (const e of list ?? []) if (!results.includes(e) && !out.includes(e)) out.push(e);
  };
  if (typed !== null) {
    add(c.byCode.get(typed));
    add(c.bySubcode.get(typed));
    return out;
  }
  const codes = new Set(results.map((e) => e.code).filter((x): x is number => x !== null));
  for (const code of codes) add(c.byCode.get(code));
  return out;
}

/** The one number a code query asks about, when it is typed alone (no subcode, no other codes). */
function typedNumber(parsed: ParsedQuery): number | null {
  if (parsed.type !== "code" || parsed.subcode !== null || parsed.diagnostics) return null;
  if (parsed.also && parsed.also.length > 0) return null;
  return parsed.code >= 0 ? parsed.code : null;
}

/** The answer that lists `results` for a code query, with the other meanings of their numbers. */
export function listedAnswer(
  c: Catalog,
  query: string,
  parsed: ParsedQuery,
  results: Entry[],
  kind: ExplainResult["kind"],
  note: string | null,
): ExplainResult {
  return {
    query,
    kind,
    parsed,
    results,
    others: othersFor(c, results, parsed),
    classEntry: null,
    note,
    suggestions: [],
  };
}
