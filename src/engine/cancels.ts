// A 487 after the caller's CANCEL (or a FreeSWITCH ORIGINATOR_CANCEL) is a cancelled call, not a
// failure: which 487s those are, and the notes that say so.
import type { Hangup } from "./hangups.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** The CANCELs in the log, by Call-ID. */
export function cancelsByCall(events: TimingEvent[]): Map<string, TimingEvent[]> {
  const out = new Map<string, TimingEvent[]>();
  for (const e of events) {
    if (e.kind !== "request" || e.method !== "CANCEL" || !e.callId) continue;
    const list = out.get(e.callId);
    if (list) list.push(e);
    else out.set(e.callId, [e]);
  }
  return out;
}

/** The CANCEL a 487 answers: one for the same Call-ID, sent before the 487. */
function cancelOf(f: Finding, cancels: Map<string, TimingEvent[]>): TimingEvent | undefined {
  if (f.namespace !== "sip" || f.code !== 487 || !f.callId) return undefined;
  if (f.method && !/INVITE/i.test(f.method)) return undefined;
  return cancels.get(f.callId)?.find((c) => c.line < f.line || (f.tsMs !== undefined && c.tsMs <= f.tsMs));
}

/** FreeSWITCH's hangup cause for a caller who hung up while it rang (the catalog reads it as 487). */
const ORIGINATOR_CANCEL = /\bORIGINATOR_CANCEL\b/;

/** A 487 that ends a cancelled call: after a CANCEL of its call, or FreeSWITCH's ORIGINATOR_CANCEL. */
export interface Cancelled {
  f: Finding;
  /** The CANCEL; none for FreeSWITCH's own cause name. */
  cancel?: TimingEvent;
}

export function cancelledBy(
  f: Finding,
  cancels: Map<string, TimingEvent[]>,
  hangup: Hangup | undefined,
): Cancelled | undefined {
  if (f.namespace !== "sip" || f.code !== 487) return undefined;
  // "Reason: SIP;cause=487" in the CANCEL itself.
  if (hangup?.request.method === "CANCEL") return { f, cancel: hangup.request };
  const cancel = cancels.size > 0 ? cancelOf(f, cancels) : undefined;
  if (cancel) return { f, cancel };
  return ORIGINATOR_CANCEL.test(f.text) ? { f } : undefined;
}

const ELSEWHERE = /cause=200\b|completed elsewhere/i;

/** One sentence per way a cancelled call ended: answered elsewhere, cancelled by the caller (a
 *  CANCEL, or FreeSWITCH's ORIGINATOR_CANCEL). */
export function cancelNotes(cancelled: Cancelled[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
  const kind = (c: Cancelled) =>
    !c.cancel ? "originator" : ELSEWHERE.test(c.cancel.note ?? "") ? "elsewhere" : "caller";
  for (const k of ["elsewhere", "caller", "originator"]) {
    const these = cancelled.filter((c) => kind(c) === k);
    const first = these[0];
    if (!first) continue;
    const { f, cancel } = first;
    const reason = cancel?.note ? `, ${cancel.note}` : "";
    const why = !cancel
      ? "cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL)"
      : k === "elsewhere"
        ? `the call was answered elsewhere, so this branch was cancelled (CANCEL on line ${cancel.line}${reason})`
        : `cancelled by the caller (CANCEL on line ${cancel.line}${reason})`;
    const way = cancel ? "followed a CANCEL the same way" : "were cancelled by the caller the same way";
    const more =
      these.length > 1 ? ` ${these.length - 1} more 487${these.length > 2 ? "s" : ""} ${way}.` : "";
    notes.push(
      `${label(f)} on line ${f.line}${f.method ? ` (${f.method})` : ""}: ${why}; not a failure.${more}`,
    );
  }
  return notes;
}
