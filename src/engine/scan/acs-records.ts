// ACS records that carry a call-end pair under names the generic ACS detector does not read:
// ACSCallSummary exported as JSON (ParticipantEndReason with ParticipantEndSubCode).
import type { Catalog } from "../../catalog/indexes.js";
import { type Hit, hit } from "./hit.js";
import type { ScanIndex } from "./scan-index.js";

/** ACSCallSummary's subcode field, in JSON (`"ParticipantEndSubCode": 3112`) or key=value form. */
export const ACS_SUMMARY_SUBCODE = /"?ParticipantEndSubCode"?\s*[:=]\s*"?(\d{1,7})(?!\d)/g;
const END_REASON = /"?ParticipantEndReason"?\s*[:=]\s*"?(\d{1,3})(?!\d)/g;

/**
 * The ACS pair of an ACSCallSummary record: its ParticipantEndReason in the same object (before or
 * after the subcode, on the line or the lines joined to it), else, when the reason is on a line not
 * joined (pretty-printed JSON), the one code the catalog lists the subcode with.
 */
export function acsSummary(m: RegExpExecArray, index: ScanIndex): Hit | null {
  const sub = Number(m[1]);
  const s = m.input;
  let code: number | undefined;
  END_REASON.lastIndex = 0;
  for (let r = END_REASON.exec(s); r !== null; r = END_REASON.exec(s)) {
    const [from, to] = r.index < m.index ? [r.index, m.index] : [m.index, r.index];
    if (/[{}]/.test(s.slice(from, to))) continue;
    code = Number(r[1]);
    break;
  }
  code ??= onlyCodeOf(index.catalog, sub);
  if (code === undefined) return null;
  return hit("acs", code, sub, 0.9, "acs-summary", true);
}

const subcodeCodes = new WeakMap<Catalog, Map<number, number | null>>();

/** The code of the ACS entries listing `sub`, when they all share one (3112 → 410). */
function onlyCodeOf(c: Catalog, sub: number): number | undefined {
  let map = subcodeCodes.get(c);
  if (!map) {
    map = new Map();
    for (const e of c.byNamespace.get("acs") ?? []) {
      if (e.subcode === null || e.code === null) continue;
      const seen = map.get(e.subcode);
      map.set(e.subcode, seen === undefined || seen === e.code ? e.code : null);
    }
    subcodeCodes.set(c, map);
  }
  return map.get(sub) ?? undefined;
}
