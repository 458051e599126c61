// ACS records that carry a call-end pair under names the generic ACS detector does not read:
// ACSCallSummary exported as JSON (ParticipantEndReason with ParticipantEndSubCode) and a
// code/subcode pair written in prose ("Teams shows 503/560503"); and the words of a Call
// Automation action's result (RecognizeFailed 400/8510), which is no call-end reason.
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

/**
 * An ACS code/subcode pair in prose ("Teams shows 503/560503"): read only with a 510xxx, 540xxx or
 * 560xxx subcode whose last three digits are a SIP code, or as a pair the catalog lists, so a date
 * (2024/05/01) or a ratio (3/5) never is one.
 */
export const ACS_PROSE_PAIR = /(?<![\w./:-])(0|[1-6]\d\d)\/(\d{4,6})(?![\w./:-])/g;
const PSTN_PAIR_SUB = /^5[146]0[1-6]\d\d$/;

export function acsProsePair(m: RegExpExecArray, index: ScanIndex): Hit | null {
  const [code, sub] = [Number(m[1]), m[2] ?? ""];
  if (!PSTN_PAIR_SUB.test(sub) && !index.catalog.byId.has(`acs/${code}-${Number(sub)}`)) return null;
  return hit("acs", code, Number(sub), 0.8, "acs-prose", true);
}

/**
 * The literals a prose pair cannot be without, for the scanner's anchors (each opens D.ACS): the
 * subcode prefixes after the slash, and the slash and subcode of every catalogued pair with a
 * subcode of four digits or more. Each starts with the slash: a literal starting with a digit would
 * be tried at every digit of a log.
 */
export function acsPairAnchors(c: Catalog): string[] {
  const lits = new Set(["/510", "/540", "/560"]);
  for (const e of c.byNamespace.get("acs") ?? [])
    if (e.code !== null && e.subcode !== null && e.subcode >= 1000) lits.add(`/${e.subcode}`);
  return [...lits];
}

/**
 * Whether an ACS subcode is a Call Automation media action's result (8500–8599: play, recognize,
 * continuous DTMF, as Microsoft's MediaEventReasonCode lists them: 8510 no input before the initial
 * silence timeout, 8511 the prompt could not be played, 8535 a prompt file in a wrong format). It
 * says how the app's action went, not why the call ended, nor a failure of ACS itself.
 */
export function isActionSubcode(sub: number | null): boolean {
  return sub !== null && sub >= 8500 && sub < 8600;
}

/** A Call Automation event's type on its line ("Microsoft.Communication.RecognizeFailed"). */
const EVENT_TYPE = /Microsoft\.Communication\.(\w{3,40})/g;
/** The resultInformation's message after the pair (`"message":"Action failed, …"`). */
const MESSAGE = /^[^{}]{0,40}?"message"\s*:\s*"([^"\\]{1,160})"/;

/**
 * The words of a Call Automation action result at `at` on `segment`: its event type and
 * Microsoft's message from the record, as `RecognizeFailed 400/8510: Action failed, …`. Undefined
 * when the line names neither (a pretty-printed event, whose type is lines away).
 */
export function actionResultWords(
  segment: string,
  at: number,
  len: number,
  code: number,
  sub: number,
): string | undefined {
  if (!segment.includes("essage") && !segment.includes("Microsoft.Communication.")) return undefined;
  let type: string | undefined;
  EVENT_TYPE.lastIndex = 0;
  // The nearest type before the pair: a line of several events names each before its result.
  for (let m = EVENT_TYPE.exec(segment); m !== null && m.index < at; m = EVENT_TYPE.exec(segment))
    type = m[1];
  const message = MESSAGE.exec(segment.slice(at + len, at + len + 240))?.[1]?.trim();
  if (type === undefined && message === undefined) return undefined;
  const pair = `${type ?? "ACS"} ${code}/${sub}`;
  return message ? `${pair}: ${message}` : pair;
}
