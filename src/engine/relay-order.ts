// Two legs are one call through a B2BUA only in one order: the caller's request reaches the box, the
// box sends its own request on the outbound leg, and that leg fails. A caller whose request arrived
// after the outbound leg had failed, or after the box had already sent the outbound request, is
// another call that happened to fail in the same second: the log's requests say so when they show.
// So do the calls' marks: Cisco CUBE logs one GUID for both legs of a call, and both legs dial the
// same number (CUBE may rewrite +44… to 0044…, so only the last 7 digits are compared, and only when
// the legs show no GUIDs to compare: a GUID both legs share outweighs a number rewritten past recognition).
// A PBX that forwarded the call in between (Asterisk's "Now forwarding … to 'Local/+44…'") dials the
// forward target on the outbound leg: that number counts as the caller's too.

import type { Finding } from "./scan/finding.js";
import { wireMethod } from "./scan/reinvite.js";
import type { TimingEvent } from "./scan/timing-event.js";

/** Whether the outbound leg's failure `from` and the caller's response `to` can be one call. */
export type LegOrder = (from: Finding, to: Finding) => boolean;

/** Without the log's requests there is nothing to contradict the link. */
const ANY_ORDER: LegOrder = () => true;

/** The log's requests, by Call-ID. */
function requestsByCall(events: readonly TimingEvent[]): Map<string, TimingEvent[]> {
  const calls = new Map<string, TimingEvent[]>();
  for (const e of events) {
    if (e.kind !== "request" || !e.callId) continue;
    const list = calls.get(e.callId);
    if (list) list.push(e);
    else calls.set(e.callId, [e]);
  }
  return calls;
}

/** The request response `f` answers: the last one of its call, method and CSeq above it. */
function requestOf(f: Finding, calls: ReadonlyMap<string, TimingEvent[]>): TimingEvent | undefined {
  const method = wireMethod(f.method) ?? "INVITE";
  let found: TimingEvent | undefined;
  for (const e of calls.get(f.callId as string) ?? []) {
    if (e.line >= f.line) break;
    if (wireMethod(e.method) !== method) continue;
    if (f.cseq !== undefined && e.cseq !== undefined && e.cseq !== f.cseq) continue;
    found = e;
  }
  return found;
}

/**
 * Whether the box answered challenge `f` itself: its call's request of the same method was sent again
 * below it with a higher CSeq (a resend with credentials takes the next CSeq, RFC 3261 §22.2). Such a
 * challenge is normal traffic on the outbound leg, whatever came of the resend, and relays nothing.
 * A second challenge to the resend is only answered when the box resent once more.
 */
export function challengeAnswered(events: readonly TimingEvent[] | undefined): (f: Finding) => boolean {
  if (!events || events.length === 0) return () => false;
  // Built on the first challenge asked about: most logs have none on an outbound leg.
  let calls: Map<string, TimingEvent[]> | undefined;
  return (f) => {
    if (f.cseq === undefined || !f.callId) return false;
    const method = wireMethod(f.method) ?? "INVITE";
    calls ??= requestsByCall(events);
    return (calls.get(f.callId) ?? []).some(
      (e) =>
        e.line > f.line &&
        e.cseq !== undefined &&
        e.cseq > (f.cseq as number) &&
        wireMethod(e.method) === method,
    );
  };
}

/** `a` happened before `b`: above it in the log, and not stamped later when both have a time. */
function before(a: { line: number; tsMs?: number }, b: { line: number; tsMs?: number }): boolean {
  if (a.line >= b.line) return false;
  const at = a.tsMs as number;
  const bt = b.tsMs as number;
  return !(Number.isFinite(at) && Number.isFinite(bt) && at > bt);
}

/**
 * The order check the log's requests allow: the caller's request came before the box's outbound
 * request, and both before the outbound failure. A request the log does not show checks nothing.
 */
export function legOrder(events: readonly TimingEvent[] | undefined): LegOrder {
  if (!events || events.length === 0) return ANY_ORDER;
  const calls = requestsByCall(events);
  if (calls.size === 0) return ANY_ORDER;
  const forwards = events.filter((e) => e.kind === "forward");
  return (from, to) => {
    const outbound = requestOf(from, calls);
    const inbound = requestOf(to, calls);
    if (outbound && inbound && !sameCall(outbound, inbound, forwards)) return false;
    if (outbound && !before(outbound, from)) return false;
    if (!inbound) return true;
    if (!before(inbound, from)) return false;
    return !outbound || before(inbound, outbound);
  };
}

/** Whether the calls' marks allow the two requests to be one call's legs (nothing shown: they do).
 *  `forwards`: the log's forwards to a new number. */
function sameCall(outbound: TimingEvent, inbound: TimingEvent, forwards: readonly TimingEvent[]): boolean {
  // Each GUID form both legs show must agree: CUBE keeps the caller's Cisco-Guid on the outbound leg.
  let compared = false;
  for (const g of outbound.guids ?? []) {
    const kind = g.slice(0, 4);
    const other = inbound.guids?.find((h) => h.startsWith(kind));
    if (other === undefined) continue;
    if (other !== g) return false;
    compared = true;
  }
  if (compared) return true;
  // Without GUIDs to compare, the numbers dialled tell; a number a leg did not show says nothing.
  if (!outbound.dialled || !inbound.dialled || outbound.dialled === inbound.dialled) return true;
  return forwardedBetween(outbound, inbound, forwards);
}

/** Whether a forward logged after the caller's request and before the outbound one names the number
 *  the outbound leg dialled: the box forwarded that call there. */
function forwardedBetween(
  outbound: TimingEvent,
  inbound: TimingEvent,
  forwards: readonly TimingEvent[],
): boolean {
  return forwards.some((e) => e.dialled === outbound.dialled && before(inbound, e) && before(e, outbound));
}
