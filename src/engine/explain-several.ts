// Numbers asked about together ("486 and 487", "486/487" when no entry pairs them), and the order
// of a bare number's meanings when its SIP meaning is rarely the one seen (429).
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { inNs, listedAnswer } from "./explain-common.js";
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

/**
 * Several codes asked about together ("486 and 487", "486/487" when no entry pairs them): each
 * code's own meaning (SIP's when no family was named), its other meanings as "others".
 */
export function severalCodes(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
  codes: number[],
): ExplainResult {
  const ns = parsed.namespace ?? "sip";
  const results: Entry[] = [];
  const missing: number[] = [];
  for (const n of codes) {
    const own = inNs(c.byCode.get(n), ns).filter((e) => e.subcode === null);
    const any = own.length > 0 ? own : (c.byCode.get(n) ?? []).filter((e) => e.subcode === null);
    if (any.length === 0) missing.push(n);
    for (const e of any.slice(0, 1)) if (!results.includes(e)) results.push(e);
  }
  const listed = codes.filter((n) => !missing.includes(n)).join(" and ");
  const gone = missing.length > 0 ? ` No entry has code ${missing.join(" or ")}.` : "";
  const note = `${codes.length} codes asked about together: ${listed} ${results.length === 1 ? "is" : "are"} listed one after the other.${gone}`;
  const kind = results.length === 0 ? "unknown" : results.length === 1 ? "found" : "ambiguous";
  return listedAnswer(c, query, parsed, results, kind, note);
}
