// Numbers asked about together ("486 and 487", "16 17" or "486/487" when no entry pairs them), and the order
// of a bare number's meanings when its SIP meaning is rarely the one seen (429).
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { inNs, labelOf, listedAnswer } from "./explain-common.js";
import type { ParsedQuery } from "./query.js";

/**
 * SIP codes whose number is far more often an HTTP or Mobius status in practice: 429 is almost
 * always rate limiting (Too Many Requests); SIP 429 Provide Referrer Identity (RFC 3892) is rare.
 */
const RARE_SIP = new Set(["sip/429"]);

/** A bare number's meanings with a rarely seen SIP meaning moved after the everyday ones. */
export function everydayFirst(entries: Entry[]): Entry[] {
  const rare = entries.filter((e) => RARE_SIP.has(e.id));
  return rare.length === 0 ? entries : [...entries.filter((e) => !rare.includes(e)), ...rare];
}

/** The families a number asked without one is read in, in order: SIP, then Q.850, then any. */
const BARE_ORDER: readonly Namespace[] = ["sip", "q850"];

/** A number's own meaning (no subcode) in `ns`, or, asked without a family, SIP's, Q.850's or any. */
function ownEntry(c: Catalog, n: number, ns: Namespace | null): Entry | undefined {
  const general = (c.byCode.get(n) ?? []).filter((e) => e.subcode === null);
  if (ns) return inNs(general, ns)[0] ?? general[0];
  for (const family of BARE_ORDER) {
    const e = inNs(general, family)[0];
    if (e) return e;
  }
  return general[0];
}

/**
 * "16 17", "486 17", "q850 34 41": when no entry pairs the numbers, they are two codes if each has
 * a meaning of its own in the family asked (SIP or Q.850), or in any family when none was named.
 */
export function twoCodes(c: Catalog, ns: Namespace | null, code: number, subcode: number): boolean {
  if (ns !== null && ns !== "sip" && ns !== "q850") return false;
  const own = (n: number) => n >= 1 && n <= 699 && ownEntry(c, n, ns) !== undefined;
  return own(code) && own(subcode);
}

/** "Q.850 cause 17 maps to SIP 486 (RFC 3398 §7.2.4.1)." for the listed entries one maps to another. */
function mappingNotes(c: Catalog, results: readonly Entry[]): string {
  const notes: string[] = [];
  const linked = new Set<string>();
  for (const e of results) {
    for (const m of e.mappings) {
      const to = c.byId.get(m.to);
      // One sentence per pair: SIP 486 → Q.850 17 and back are the same link.
      if (!to || to === e || !results.includes(to) || linked.has(`${to.id} ${e.id}`)) continue;
      linked.add(`${e.id} ${to.id}`);
      notes.push(` ${labelOf(e)} maps to ${labelOf(to)} (${m.standard}).`);
    }
  }
  return notes.join("");
}

/**
 * Several codes asked about together ("486 and 487", "16 17", "486 17" when no entry pairs them):
 * each code's own meaning (SIP's, then Q.850's, when no family was named), its other meanings as
 * "others", and any standard mapping between the codes listed (Q.850 17 → SIP 486, RFC 3398).
 */
export function severalCodes(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
  codes: number[],
): ExplainResult {
  const results: Entry[] = [];
  const missing: number[] = [];
  for (const n of codes) {
    const e = ownEntry(c, n, parsed.namespace);
    if (!e) missing.push(n);
    else if (!results.includes(e)) results.push(e);
  }
  const listed = codes.filter((n) => !missing.includes(n)).join(" and ");
  const gone = missing.length > 0 ? ` No entry has code ${missing.join(" or ")}.` : "";
  const note = `${codes.length} codes asked about together: ${listed} ${results.length === 1 ? "is" : "are"} listed one after the other.${gone}${mappingNotes(c, results)}`;
  const kind = results.length === 0 ? "unknown" : results.length === 1 ? "found" : "ambiguous";
  return listedAnswer(c, query, parsed, results, kind, note);
}
