// A 487 after the caller's CANCEL (or a FreeSWITCH ORIGINATOR_CANCEL) is a cancelled call, not a
// failure, and so is a losing branch of a forked call that another branch answered (RFC 3261
// §16.7), and a 481 to a CANCEL that crossed the 200 OK (RFC 3261 §9.2: the INVITE transaction
// had already ended, so the CANCEL matched nothing): which findings those are (cancel-notes.ts
// says so in words).
import {
  ANSWERED_LINES,
  ANSWERED_MS,
  type CancelIndex,
  channelKeys,
  ELSEWHERE_TEXT,
} from "./cancel-index.js";
import type { Hangup } from "./hangups.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** FreeSWITCH's hangup cause for a caller who hung up while it rang (the catalog reads it as 487). */
const ORIGINATOR_CANCEL = /\bORIGINATOR_CANCEL\b/;
/** A 487 and an ORIGINATOR_CANCEL of one channel are this close (ms, or lines without times). */
const CHANNEL_MS = 5000;
const CHANNEL_LINES = 30;

/** The CANCEL a 487 answers: one for the same Call-ID, sent before the 487. Without Call-IDs, the
 *  answer to a CANCEL just before the 487 (a one-line log). */
function cancelOf(f: Finding, cancels: Map<string, TimingEvent[]>): TimingEvent | undefined {
  if (f.method && !/INVITE/i.test(f.method)) return undefined;
  if (!f.callId) {
    return cancels
      .get("")
      ?.find(
        (c) =>
          c.line < f.line &&
          f.line - c.line <= ANSWERED_LINES &&
          (f.tsMs === undefined || !Number.isFinite(c.tsMs) || Math.abs(f.tsMs - c.tsMs) <= ANSWERED_MS),
      );
  }
  return cancels.get(f.callId)?.find((c) => c.line < f.line || (f.tsMs !== undefined && c.tsMs <= f.tsMs));
}

/** The ORIGINATOR_CANCEL of the 487's channel (same name or UUID), just before or after it. */
function channelCancel(f: Finding, byChannel: Map<string, Finding[]>): Finding | undefined {
  for (const k of channelKeys(f.text)) {
    const hit = byChannel
      .get(k)
      ?.find((c) =>
        c.tsMs !== undefined && f.tsMs !== undefined
          ? Math.abs(c.tsMs - f.tsMs) <= CHANNEL_MS
          : Math.abs(c.line - f.line) <= CHANNEL_LINES,
      );
    if (hit) return hit;
  }
  return undefined;
}

/** A finding that ends a call attempt nobody failed: a 487 after a CANCEL of its call or
 *  FreeSWITCH's ORIGINATOR_CANCEL, or a losing branch's refusal after another branch answered. */
export interface Cancelled {
  f: Finding;
  /** The CANCEL; none for FreeSWITCH's own cause name. */
  cancel?: TimingEvent;
  /** The ORIGINATOR_CANCEL line of the 487's channel. */
  channel?: Finding;
  /** The 2xx another branch answered the same INVITE with. */
  answered?: Finding;
  /** A 481 to a CANCEL: the 2xx that answered the INVITE before it. */
  crossed?: Finding;
  /** The CANCEL came from a proxy that gave up after no answer: its Reason says 408, or a 408 of
   *  the call is right next to it. */
  timedOut?: true;
}

/** A CANCEL a proxy sent when its no-answer timer fired, this close to the 408 it also sent. */
const TIMEOUT_MS = 2000;
const TIMEOUT_REASON = /\bcause=408\b/;

function timedOut(c: Cancelled, index: CancelIndex): Cancelled {
  const { cancel } = c;
  if (!cancel) return c;
  const near = (t: Finding) =>
    t.tsMs !== undefined && Number.isFinite(cancel.tsMs)
      ? Math.abs(t.tsMs - cancel.tsMs) <= TIMEOUT_MS
      : Math.abs(t.line - cancel.line) <= 40;
  const by408 =
    TIMEOUT_REASON.test(cancel.note ?? "") ||
    (cancel.callId !== undefined && index.timeouts.get(cancel.callId)?.some(near) === true);
  if (by408) c.timedOut = true;
  return c;
}

/** A 481 to a CANCEL sent after the INVITE (same Call-ID and CSeq) was already answered with a 2xx:
 *  the CANCEL and the 200 OK crossed on the wire. The caller ACKs the 2xx and ends the call with a
 *  BYE; nothing failed. */
function crossedAnswer(f: Finding, index: CancelIndex): Cancelled | undefined {
  if (!f.callId) return undefined;
  const crossed = index.answered
    .get(f.callId)
    ?.find((a) => a.line < f.line && (f.cseq === undefined || a.cseq === f.cseq));
  return crossed ? { f, crossed } : undefined;
}

/** The 2xx another branch of the same INVITE transaction (Call-ID and CSeq) answered before this
 *  487, from another host: the proxy cancelled this losing branch (RFC 3261 §16.7 step 10), whether
 *  or not its CANCEL is in the capture. */
function lostTo(f: Finding, index: CancelIndex): Finding | undefined {
  if (f.method !== "INVITE" || !f.callId || f.cseq === undefined || index.answered.size === 0)
    return undefined;
  return index.answered
    .get(f.callId)
    ?.find(
      (a) =>
        a.cseq === f.cseq &&
        (a.host === undefined || f.host === undefined || a.host !== f.host) &&
        (a.line < f.line || (a.tsMs !== undefined && f.tsMs !== undefined && a.tsMs <= f.tsMs)),
    );
}

export function cancelledBy(
  f: Finding,
  index: CancelIndex,
  hangup: Hangup | undefined,
): Cancelled | undefined {
  if (f.namespace !== "sip") return undefined;
  if (f.code === 481 && f.method === "CANCEL") return crossedAnswer(f, index);
  if (f.code !== 487) {
    // A 4xx/6xx final response to an INVITE another branch answered (same Call-ID and CSeq).
    if (f.code < 400 || (f.code >= 500 && f.code < 600) || f.code > 699) return undefined;
    if (f.method !== "INVITE" || !f.callId || f.cseq === undefined || index.answered.size === 0)
      return undefined;
    const answered = index.answered.get(f.callId)?.find((a) => a.cseq === f.cseq);
    return answered ? { f, answered } : undefined;
  }
  // "Reason: SIP;cause=487" in the CANCEL itself.
  const cancel =
    hangup?.request.method === "CANCEL"
      ? hangup.request
      : index.byCall.size > 0
        ? cancelOf(f, index.byCall)
        : undefined;
  const answered = lostTo(f, index);
  if (answered) return cancel ? { f, answered, cancel } : { f, answered };
  if (cancel) return timedOut({ f, cancel }, index);
  if (ORIGINATOR_CANCEL.test(f.text) || ELSEWHERE_TEXT.test(f.text)) return { f };
  const channel = index.byChannel.size > 0 ? channelCancel(f, index.byChannel) : undefined;
  return channel ? { f, channel } : undefined;
}
