// A re-INVITE refused inside an answered call (488 for a codec change, a hold or T.38 offer the far
// end will not take) leaves the call as it was: RFC 3261 §14.1 keeps the session's earlier media
// after any non-2xx answer to a re-INVITE. When the log shows the call going on and ending with a
// normal BYE, the failure is the feature that sent the re-INVITE, not the call: the summary says so.
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** Answers to an in-dialog request that end the dialog itself (RFC 3261 §12.2.1.2): no survival. */
const ENDS_DIALOG = new Set([408, 481]);

/** "45 s", "4.5 min". */
function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const min = s / 60;
  return `${Number.isInteger(min) ? min : min.toFixed(1)} min`;
}

/** A refused INVITE inside an answered call: one the scanner named a re-INVITE, or one whose
 *  call a 2xx answered earlier (a re-INVITE from the called side has a CSeq of its own). */
function inAnsweredCall(first: Finding, findings: readonly Finding[]): boolean {
  if (first.method === "re-INVITE") return true;
  if (first.method !== "INVITE") return false;
  return findings.some(
    (f) =>
      f.line < first.line &&
      f.callId === first.callId &&
      f.namespace === "sip" &&
      f.code >= 200 &&
      f.code < 300 &&
      (f.method === "INVITE" || f.method === "re-INVITE") &&
      (f.cseq !== first.cseq || f.via !== first.via),
  );
}

/** A response's headers sit at most this many lines below its status line. */
const HEADER_LINES = 30;

/**
 * A Reason header of the refused response itself (FreeSWITCH puts `Reason: Q.850;cause=88` on its
 * 488): below its status line, before any other SIP status line or request, in the same call. It
 * restates the refusal; it is no later failure of the call.
 */
function sameResponse(
  first: Finding,
  f: Finding,
  findings: readonly Finding[],
  events: readonly TimingEvent[],
): boolean {
  if (f.detector !== "reason" || f.line - first.line > HEADER_LINES) return false;
  if (f.callId !== undefined && f.callId !== first.callId) return false;
  const between = (line: number) => line > first.line && line < f.line;
  // "<=": a request logged on the Reason's own line is the message the Reason belongs to.
  if (events.some((e) => e.kind === "request" && e.line > first.line && e.line <= f.line)) return false;
  return !findings.some(
    (o) => o !== f && o.namespace === "sip" && o.detector !== "reason" && between(o.line),
  );
}

/**
 * The sentence for a refused re-INVITE whose call stayed up: a BYE of the same call later in the
 * log, and no failure of that call after the refusal (a BYE with an abnormal Reason is one; the
 * refusal's own Reason header is not).
 */
export function survivedSentence(
  first: Finding,
  findings: readonly Finding[],
  failing: readonly Finding[],
  events: readonly TimingEvent[],
): string | undefined {
  if (first.namespace !== "sip" || !first.callId) return undefined;
  if (first.code < 400 || ENDS_DIALOG.has(first.code) || !inAnsweredCall(first, findings)) return undefined;
  const call = first.callId;
  const later = (f: Finding) =>
    f !== first &&
    f.line > first.line &&
    (f.callId === call || !f.callId) &&
    !sameResponse(first, f, findings, events);
  if (failing.some(later)) return undefined;
  const bye = events.find(
    (e) => e.kind === "request" && e.method === "BYE" && e.callId === call && e.line > first.line,
  );
  if (!bye) return undefined;
  const after =
    first.tsMs !== undefined && Number.isFinite(bye.tsMs) && bye.tsMs > first.tsMs
      ? ` for another ${span(bye.tsMs - first.tsMs)}`
      : "";
  const reason = bye.note ? ` (${bye.note})` : "";
  return (
    `The call survived it: a refused re-INVITE leaves the call on its earlier media (RFC 3261 §14.1), ` +
    `and this one stayed up${after} and ended normally with a BYE on line ${bye.line}${reason}. ` +
    "Look at what sent the re-INVITE (hold, codec change, T.38 fax), not at call setup."
  );
}
