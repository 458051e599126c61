// A transfer (REFER) reports its progress in NOTIFYs whose message/sipfrag body is the status line
// of the transfer target's answer (RFC 3515 §2.4.5). A "SIP/2.0 486 Busy Here" there answers no
// request of this log: the transfer failed because the target refused the transferee's call, and
// the call that sent the REFER is not the one refused.
import type { Catalog } from "../catalog/indexes.js";
import { type ReferTarget, referToOf } from "./scan/refer-to.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { label } from "./verdict.js";

/** A failed transfer, as one NOTIFY's sipfrag body reports it. */
export interface TransferReport {
  /** The finding's label with where it was reported. */
  label: string;
  /** The 2xx that accepted the REFER, when the log shows it. */
  accepted?: Finding;
  /** Where the NOTIFY is: its request line, or else the line of its own answer. */
  notify?: { line: number; answered: boolean };
  /** Whom the REFER asked the transferee to call, when its Refer-To is in the log. */
  target?: ReferTarget;
}

/**
 * The transfer target of each failure that ends a transfer (a sipfrag status, or the refusal of
 * the REFER itself), for the component, which only gets the finding. Weak: it goes with the scan.
 */
const targets = new WeakMap<Finding, ReferTarget>();

/** The transfer target `f` (a failed transfer's answer, or a refused REFER) concerns, if known. */
export function transferTarget(f: Finding): ReferTarget | undefined {
  return targets.get(f);
}

/** "2009@pbx.example.com", or "an attended transfer to 2009@…" when `attended` words are wanted. */
export function targetWords(t: ReferTarget): string {
  return t.attended ? `${t.target} (an attended transfer: its Refer-To carries Replaces)` : t.target;
}

/** The last REFER before `line` with a Refer-To, of the call `callId` (and CSeq `cseq`) when given. */
function referBefore(
  refers: readonly TimingEvent[],
  line: number,
  callId: string | undefined,
  cseq?: number,
): ReferTarget | undefined {
  let found: ReferTarget | undefined;
  for (const e of refers) {
    if (e.line >= line) break;
    if (callId !== undefined && e.callId !== undefined && e.callId !== callId) continue;
    if (cseq !== undefined && e.cseq !== undefined && e.cseq !== cseq) continue;
    found = referToOf(e) ?? found;
  }
  return found;
}

/** A status line on its own, as a sipfrag body holds it. */
const BODY_STATUS = /^\s*SIP\/2\.0 [1-6]\d\d\b/;
/** How far below its NOTIFY's request line a body may start, and the NOTIFY's answer below the body. */
const BODY_LINES = 40;
const ANSWER_LINES = 12;

/** The NOTIFY request just above `f` with no other SIP status between them. */
function notifyAbove(f: Finding, prev: Finding | undefined, notifies: readonly TimingEvent[]) {
  let found: TimingEvent | undefined;
  for (const e of notifies) {
    if (e.line >= f.line) break;
    if (f.line - e.line <= BODY_LINES && (!prev || prev.line < e.line)) found = e;
  }
  return found;
}

/**
 * Failure statuses that are a NOTIFY's sipfrag body: a bare status line the scanner tied to no
 * CSeq, right after a NOTIFY request or right before the NOTIFY's own answer. Each gets the method
 * REFER (the request whose outcome it reports) and the call's Call-ID. Provisional and success
 * bodies (100 Trying, 200 OK) stay as they are: normal traffic either way.
 */
export function transferReports(
  catalog: Catalog,
  findings: readonly Finding[],
  events: readonly TimingEvent[],
): Map<Finding, TransferReport> {
  const out = new Map<Finding, TransferReport>();
  const notifies = events.filter((e) => e.kind === "request" && e.method === "NOTIFY");
  const refers = events.filter((e) => e.method === "REFER" && referToOf(e) !== undefined);
  if (notifies.length === 0 && refers.length === 0 && !findings.some((f) => f.method === "NOTIFY"))
    return out;
  notifies.sort((a, b) => a.line - b.line);
  refers.sort((a, b) => a.line - b.line);
  const sip = findings
    .filter((f) => f.namespace === "sip" && f.detector !== "reason")
    .sort((a, b) => a.line - b.line);
  let accepted: Finding | undefined;
  sip.forEach((f, i) => {
    if (f.method === "REFER" && f.cseq !== undefined) {
      if (f.code >= 200 && f.code < 300) accepted = f;
      // The REFER itself refused (403, 405, 501…): the target was never called. A 401/407 is a
      // challenge the REFER is sent again after.
      const target =
        f.code >= 300 && f.code !== 401 && f.code !== 407
          ? referBefore(refers, f.line, f.callId, f.cseq)
          : undefined;
      if (target) targets.set(f, target);
      return;
    }
    // "REFER" with no CSeq: marked here by an earlier analysis of the same scan.
    if (f.cseq !== undefined || (f.method && f.method !== "REFER")) return;
    if (f.detector !== "sip-status" || !BODY_STATUS.test(f.text)) return;
    if (f.code < 300) {
      // A transfer's progress (100 Trying, 200 OK): normal, shown at its NOTIFY's time (with no
      // host, so it does not join the rows of the NOTIFY sender's own responses).
      const notify = notifyAbove(f, sip[i - 1], notifies);
      if (notify) fromNotify(f, notify, false);
      return;
    }
    const next = sip[i + 1];
    const answer = next?.method === "NOTIFY" && next.line - f.line <= ANSWER_LINES ? next : undefined;
    const request = notifyAbove(f, sip[i - 1], notifies);
    if (!answer && !request) return;
    const callId = f.callId ?? request?.callId ?? answer?.callId ?? accepted?.callId;
    f.method = "REFER";
    if (callId !== undefined) f.callId = callId;
    const report: TransferReport = {
      label: `${label(catalog, f)}, the transfer target's answer in a NOTIFY sipfrag`,
    };
    if (accepted && (callId === undefined || accepted.callId === callId)) report.accepted = accepted;
    const target = referBefore(refers, f.line, callId, report.accepted?.cseq);
    if (target) {
      report.target = target;
      targets.set(f, target);
    }
    if (request) {
      report.notify = { line: request.line, answered: false };
      fromNotify(f, request);
    } else if (answer) report.notify = { line: answer.line, answered: true };
    out.set(f, report);
  });
  return out;
}

/** A sipfrag body's status has its NOTIFY's time and (`sender`) sender, which its own line does
 *  not carry. */
function fromNotify(f: Finding, notify: TimingEvent, sender = true): void {
  if (f.tsMs === undefined && Number.isFinite(notify.tsMs) && notify.stamp) {
    f.tsMs = notify.tsMs;
    f.timestamp = notify.stamp;
  }
  if (sender && !f.host && notify.from) {
    f.host = notify.from;
    f.direction = "in";
  }
}

/** The summary's sentence: which transfer failed, why, and what became of the call that asked for it. */
export function transferSentence(
  first: Finding,
  report: TransferReport,
  events: readonly TimingEvent[],
): string {
  const a = report.accepted;
  const refer = a
    ? `REFER${a.cseq === undefined ? "" : `, CSeq ${a.cseq}`}, accepted with ${a.code} on line ${a.line}`
    : "REFER";
  const answer = `${first.code}${first.reason ? ` ${first.reason}` : ""}`;
  const n = report.notify;
  const notify = !n ? "a NOTIFY" : `the NOTIFY ${n.answered ? "answered on" : "on"} line ${n.line}`;
  const bye = events.find(
    (e) =>
      e.kind === "request" &&
      e.method === "BYE" &&
      e.line > first.line &&
      first.callId !== undefined &&
      e.callId === first.callId,
  );
  const from = bye?.from ? ` from ${bye.from}` : "";
  const stayed = bye
    ? ` The original call stayed up after the failed transfer and ended with a BYE on line ${bye.line}${from}.`
    : "";
  const to = report.target ? ` to ${targetWords(report.target)}` : "";
  return (
    `The transfer${to} (${refer}) failed: the transfer target answered ${answer}, which the side that ` +
    `accepted the REFER reported back in the message/sipfrag body of ${notify} (RFC 3515): ` +
    `the ${first.code} answers no request in this log.${stayed}`
  );
}

/** The failing component: the target the transferee called, not the UA of the call that sent the REFER. */
export function transferComponent(first: Finding): string {
  const t = targets.get(first);
  const named = t ? `, ${targetWords(t)},` : "";
  return `The transfer target (the REFER's Refer-To)${named} or the PBX serving it, which answered the transferee's call with ${first.code}; the NOTIFY only relayed that answer`;
}

/** The component of a refused REFER: the side that refused it, and the target never called. */
export function refusedTransfer(side: string, first: Finding): string | undefined {
  const t = targets.get(first);
  if (!t) return undefined;
  return `${side}, which refused the REFER with ${first.code}: the transfer to ${targetWords(t)} was never attempted, so the target is not at fault`;
}

/** Checks for a failed transfer, before the code's own (which are about the target's answer). */
const TRANSFER_CHECKS = [
  "Call the transfer target (the REFER's Refer-To) directly: if that call fails the same way, the target is the problem (busy, not registered, do-not-disturb), not the transfer",
  "Read the log of the side that accepted the REFER for its INVITE to the transfer target: the NOTIFY only relays that call's final answer",
  "Check what the PBX does when a transfer target is busy or does not answer (recall the transferor, or the target's busy/no-answer destination such as voicemail), so a failed transfer does not drop the caller",
];

export function transferChecks(checks: readonly string[], max: number): string[] {
  return [...TRANSFER_CHECKS, ...checks.filter((c) => !TRANSFER_CHECKS.includes(c))].slice(0, max);
}
