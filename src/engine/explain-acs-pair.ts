// ACS code/subcode pairs the catalog has no row for. Microsoft's call-end table lists 500, 503, 504,
// 490, 491, 496, 497, 498 (and 404, 408, 410 …) by code alone, yet callEndReason always carries a
// subCode, 0 when nothing more specific is known: `{code: 500, subCode: 0}` is that general entry,
// as a scanned callEndReason already reads it. Any other unlisted pair names only the asked code's
// own entries, never another code's subcodes that happen to be numerically near.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { inNs } from "./explain-common.js";
import { unknownAnswer } from "./explain-no-entry.js";
import type { ParsedQuery } from "./query.js";

/** At most this many of the asked code's entries are suggested. */
const SUGGESTED = 6;

/**
 * "acs 500/0": the code's general entry, with a note saying why subcode 0 opens it; null when the
 * subcode is not 0 or the code has no general ACS entry (acs 403/0).
 */
export function acsSubcodeZero(
  c: Catalog,
  code: number,
  subcode: number,
): { entries: Entry[]; note: string } | null {
  if (subcode !== 0) return null;
  const general = inNs(c.byCode.get(code), "acs").filter((e) => e.subcode === null);
  if (general.length === 0) return null;
  return {
    entries: general,
    note: `Subcode 0 adds no reason of its own (callEndReason reports ${code} with subCode 0 when nothing more specific is known), so ${code}/0 is the general ACS ${code} entry.`,
  };
}

/**
 * "acs 500/7", "acs 403/0": no entry for the pair. The general entry of the asked code (if any)
 * and that code's own subcodes, nearest the one typed, are suggested; null when ACS has no entry
 * with that code at all.
 */
export function acsUnknownPair(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
): ExplainResult | null {
  const { code, subcode } = parsed;
  if (parsed.namespace !== "acs" || subcode === null) return null;
  const known = inNs(c.byCode.get(code), "acs");
  if (known.length === 0) return noSuchCode(c, query, parsed, code, subcode);
  const general = known.filter((e) => e.subcode === null);
  const subs = known
    .filter((e) => e.subcode !== null)
    .sort((a, b) => Math.abs((a.subcode ?? 0) - subcode) - Math.abs((b.subcode ?? 0) - subcode));
  const listed = subs
    .map((e) => e.subcode ?? 0)
    .sort((a, b) => a - b)
    .join(", ");
  const which =
    general.length > 0 && subs.length > 0
      ? `The general ${code} entry and ${code}'s listed subcodes (${listed}) are shown below.`
      : general.length > 0
        ? `Microsoft lists no subcodes under ${code}; its general entry is shown below.`
        : `Microsoft lists ${code} only with subcode${subs.length === 1 ? "" : "s"} ${listed}, shown below.`;
  const note = `No Azure Communication Services entry for ${code}/${subcode}. ${which}`;
  return unknownAnswer({ query, parsed }, note, [...general, ...subs].slice(0, SUGGESTED));
}

/**
 * "acs 999/0": ACS has no such code. The nearest codes' general entries are suggested, never the
 * entries whose code is 0 just because the subcode typed is small.
 */
function noSuchCode(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
  code: number,
  subcode: number,
): ExplainResult {
  const distance = (e: Entry) => Math.abs((e.code ?? 0) - code);
  const near = (c.byNamespace.get("acs") ?? [])
    .filter((e) => e.code !== null && e.code > 0 && e.subcode === null)
    .sort((a, b) => distance(a) - distance(b) || (a.code ?? 0) - (b.code ?? 0))
    .slice(0, 5);
  const note =
    `No Azure Communication Services entry for ${code}/${subcode}: Microsoft's call-end table lists no code ${code}.` +
    (near.length > 0 ? " The nearest ACS codes are listed below." : "");
  return unknownAnswer({ query, parsed }, note, near);
}
