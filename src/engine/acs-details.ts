// An ACS result and the SIP/Q.850 details its resultInformation carries: which result holds them,
// the note that links them, and the headline that names the result by what it carries.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { sameCall } from "./correlate.js";
import type { Finding } from "./scan/scanner.js";
import { isNormal } from "./verdict.js";

/** How far an ACS result's sipDetails / q850Details may sit from its code (one JSON object). */
const DETAILS_LINES = 8;

/**
 * ACS results whose SIP or Q.850 details in the same object report a failure, with those details:
 * a CreateCallFailed with 486/560486 is a call attempt that failed (the callee was busy), even
 * though ACS files that result under "Success". One event, one verdict: the ACS code fails too.
 */
export function acsDetails(catalog: Catalog, findings: Finding[]): Map<Finding, Finding[]> {
  const out = new Map<Finding, Finding[]>();
  findings.forEach((d, i) => {
    if (!d.detector.endsWith("-details") || (d.namespace !== "sip" && d.namespace !== "q850")) return;
    if (isNormal(catalog, d, undefined, false)) return;
    const r = holder(findings, i);
    if (!r) return;
    const list = out.get(r);
    if (list) list.push(d);
    else out.set(r, [d]);
  });
  return out;
}

/**
 * The one ACS result whose resultInformation holds the details at `findings[i]`: the result on
 * the same line (a one-line event), else the nearest one above (a pretty-printed object opens with
 * its code), else the nearest below. Another event of the same call is not its holder, and an
 * action's success (200/0 "Action completed successfully") carries no failure.
 */
function holder(findings: Finding[], i: number): Finding | undefined {
  const d = findings[i] as Finding;
  let best: Finding | undefined;
  let rank = Number.POSITIVE_INFINITY;
  for (const step of [-1, 1]) {
    for (let j = i + step; j >= 0 && j < findings.length; j += step) {
      const r = findings[j] as Finding;
      if (Math.abs(r.line - d.line) > DETAILS_LINES) break;
      if (r.namespace !== "acs" || (r.code >= 100 && r.code < 300) || !sameCall(r, d)) continue;
      // Same line first, then above, then below, each by distance.
      const gap = r.line - d.line;
      const score = gap === 0 ? 0 : gap < 0 ? -gap : DETAILS_LINES + gap;
      if (score < rank) {
        rank = score;
        best = r;
      }
    }
  }
  return best;
}

/** One sentence per ACS result called a failure because of its details; `linked` gets the entry
 *  pairs the sentence already covers. */
export function acsNotes(
  catalog: Catalog,
  overruled: Map<Finding, Finding[]>,
  label: (f: Finding) => string,
  linked: Set<string>,
): string[] {
  const notes: string[] = [];
  for (const [r, details] of overruled) {
    const ids = [r.id, ...details.map((d) => d.id)].filter((id): id is string => id !== null);
    for (const x of ids) for (const y of ids) linked.add(`${x}|${y}`);
    if (notes.length >= 2) continue;
    const what = details.map((d) => `${label(d)} (line ${d.line})`).join(" and ");
    const e = r.id ? catalog.byId.get(r.id) : undefined;
    const filed = e?.resultCategory === "Success" ? ', although ACS files the result under "Success"' : "";
    notes.push(`${label(r)} (line ${r.line}) carries ${what}: one failed call attempt${filed}.`);
  }
  return notes;
}

/** The ACS result each detail finding belongs to. */
export function carriers(overruled: Map<Finding, Finding[]>): Map<Finding, Finding> {
  const out = new Map<Finding, Finding>();
  for (const [r, details] of overruled) for (const d of details) if (!out.has(d)) out.set(d, r);
  return out;
}

/** The result's own message ("Call was not answered"), without its DiagCode, when the excerpt shows it. */
const ACS_MESSAGE = /"message"\s*:\s*"([^"…]+)/;

function acsMessage(text: string): string | undefined {
  const m = ACS_MESSAGE.exec(text)?.[1];
  const msg = m?.split(/\s*DiagCode\b|\.\s/)[0]?.replace(/[.\s]+$/, "");
  return msg && msg.length > 3 ? msg : undefined;
}

/**
 * An ACS result that carries SIP/Q.850 details, as the first failure: named by the ACS result
 * (its own message where the catalog has no entry for the exact pair, and the SIP code it
 * carries), and explained first by its own entries: the exact pair's, else the one entry with
 * that subcode and the code's family entry.
 */
export function acsLead(
  catalog: Catalog,
  r: Finding,
  details: Finding[],
  label: (f: Finding) => string,
): { label: string; entries: Entry[] } {
  const own = r.id ? catalog.byId.get(r.id) : undefined;
  const exact = own && own.subcode === r.subcode ? own : undefined;
  const sameSub =
    exact || r.subcode === null
      ? []
      : (catalog.bySubcode.get(r.subcode) ?? []).filter((e) => e.namespace === "acs");
  const entries = exact ? [exact] : [...(sameSub.length === 1 ? sameSub : []), ...(own ? [own] : [])];
  const message = exact ? undefined : acsMessage(r.text);
  const sip = details.find((d) => d.namespace === "sip");
  const base = `${label(r)}${message ? ` ${message}` : ""}`;
  return { label: sip ? `${base} (carrying ${label(sip)})` : base, entries };
}
