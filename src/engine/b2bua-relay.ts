// A B2BUA (Cisco CUBE, an SBC, a PBX) that gets a final failure on its outbound leg answers its
// caller on the inbound leg with a failure of its own, often another code (CUBE turns a carrier's
// 488 into a 503 with Reason: Q.850;cause=65). The legs have different Call-IDs, so only the box,
// the order and a short gap tie them: then the two responses are one failure, relayed. The log's
// requests, when it shows them, must agree: the caller's request came in before the outbound leg's.

import { isChallenge } from "./challenge.js";
import { challengeAnswered, type LegOrder, legOrder } from "./relay-order.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** A B2BUA relays a final response at once; a failure sent later than this is its own. */
const RELAY_MS = 1000;
/** A Reason header sits a few lines under its status line, in the same message. */
const REASON_LINES = 30;

/** A failure the log's system received on one leg and the failure it then sent on another. */
export interface Relay {
  /** The final failure received on the outbound leg: where the failure started. */
  from: Finding;
  /** The box's own final failure toward its caller, on another Call-ID. */
  to: Finding;
  /** The Reason (Q.850 or SIP cause) that response carried, when it carried one. */
  reason?: Finding;
}

const received = (f: Finding) => f.namespace === "sip" && f.code >= 300 && f.direction === "in";
const sent = (f: Finding) => f.namespace === "sip" && f.code >= 300 && f.direction === "out";

/**
 * Responses a box makes for a step of its own with that caller: a digest challenge (401/407), an
 * interval too small or brief (422/423), a re-INVITE glare (491), the 487 that answers its caller's
 * CANCEL. They relay nothing the outbound leg got, so such a response answered within the same
 * second (a busy PBX challenges INVITEs all the time) is neither a relay nor a rival to one. Only
 * the same step received on the outbound leg can pass through (an SBC relaying a carrier's challenge),
 * and a challenge only when the box did not answer it itself.
 */
const OWN_STEP = new Map([
  // A challenge passed through keeps its code: the caller answers the header it carries
  // (WWW-Authenticate or Proxy-Authenticate), so a carrier's 407 never comes back as the box's 401.
  [401, "401"],
  [407, "407"],
  [422, "422"],
  [423, "423"],
  [491, "491"],
  [487, "487"],
]);

/** Whether the box's response `to` can pass on `from`: its own steps pass on only the same step. */
function relayable(from: Finding, to: Finding): boolean {
  const own = OWN_STEP.get(to.code);
  return own === undefined || own === OWN_STEP.get(from.code);
}

/** Whether `to` can be the box's answer on another leg to the failure `from` it received. */
function otherLeg(from: Finding, to: Finding, inOrder: LegOrder): boolean {
  if (!from.callId || !to.callId || from.callId === to.callId || to.line <= from.line) return false;
  const gap = (to.tsMs as number) - (from.tsMs as number);
  if (!(gap >= 0 && gap <= RELAY_MS)) return false;
  if (from.method && to.method && wireMethod(from.method) !== wireMethod(to.method)) return false;
  if (!relayable(from, to)) return false;
  // The failure came from one host and went back to another: the same host is one leg, two calls.
  if (from.host && to.host && from.host === to.host) return false;
  return inOrder(from, to);
}

/**
 * The relays the failures show, in log order: each response the box sent that has exactly one
 * other call whose failure it received just before (two candidate calls: no telling which, no link).
 * `events`, the scan's requests, rule out calls whose requests came in the wrong order.
 */
export function relays(failing: readonly Finding[], events?: readonly TimingEvent[]): Relay[] {
  const answeredByBox = challengeAnswered(events);
  // A challenge the box answered itself (it resent the request with credentials) passes nothing on.
  const froms = failing.filter(
    (f) => received(f) && f.callId && Number.isFinite(f.tsMs) && !(isChallenge(f) && answeredByBox(f)),
  );
  if (froms.length === 0) return [];
  const inOrder = legOrder(events);
  const pairs: Relay[] = [];
  // Failures come in time order: only those within RELAY_MS before a response are looked at.
  let lo = 0;
  const answered = new Set<string>();
  for (const to of failing) {
    if (!sent(to) || !to.callId || !Number.isFinite(to.tsMs)) continue;
    // A retransmitted response to the caller restates the first: one relay per inbound call.
    if (answered.has(to.callId)) continue;
    const at = to.tsMs as number;
    while (lo < froms.length && (froms[lo]?.tsMs as number) < at - RELAY_MS) lo++;
    const candidates: Finding[] = [];
    for (let i = lo; i < froms.length && (froms[i]?.tsMs as number) <= at; i++) {
      const f = froms[i] as Finding;
      if (otherLeg(f, to, inOrder)) candidates.push(f);
    }
    if (new Set(candidates.map((f) => f.callId)).size !== 1) continue;
    const relay: Relay = { from: candidates[candidates.length - 1] as Finding, to };
    const reason = reasonOf(to, failing);
    if (reason) relay.reason = reason;
    pairs.push(relay);
    answered.add(to.callId);
  }
  // One outbound call that seems relayed to two callers cannot be told apart: neither is linked.
  const callers = new Map<string | undefined, Set<string | undefined>>();
  for (const r of pairs) {
    const set = callers.get(r.from.callId) ?? new Set();
    callers.set(r.from.callId, set.add(r.to.callId));
  }
  return pairs.filter((r) => callers.get(r.from.callId)?.size === 1);
}

/** The Reason header under response `to`: the next cause of its call, before its next status. */
function reasonOf(to: Finding, failing: readonly Finding[]): Finding | undefined {
  let best: Finding | undefined;
  for (const f of failing) {
    if (f.line <= to.line || f.line > to.line + REASON_LINES || f.callId !== to.callId) continue;
    // A Reason header (Q.850 or SIP cause) is read by the "reason" detector; another status ends the message.
    if (f.detector === "reason") best ??= f;
    else if (f.namespace === "sip") return best;
  }
  return best;
}

/** "sip.telnyx.com answered the INVITE on the outbound leg with SIP 488 … (line 33); 10 ms later the
 *  B2BUA that wrote this log answered its caller 10.10.10.5:5060 with SIP 503 … and Q.850 cause 65 …" */
export function relaySentence(r: Relay, named: (f: Finding) => string): string {
  const { from, to, reason } = r;
  const peer = from.host ?? from.requestUri ?? "The next hop";
  const caller = to.host ?? to.via;
  const gap = Math.round((to.tsMs as number) - (from.tsMs as number));
  const method = from.method ? ` the ${wireMethod(from.method)}` : "";
  const carried = reason ? ` and ${named(reason)}` : "";
  return (
    `${peer} answered${method} on the outbound leg with ${named(from)} (line ${from.line}); ${gap} ms later ` +
    `the B2BUA that wrote this log answered its caller${caller ? ` ${caller}` : ""} with ${named(to)}${carried} ` +
    `(line ${to.line}), on the inbound leg's own Call-ID: one failure, relayed across its legs, ` +
    `which started with the ${from.code} on the outbound leg.`
  );
}

/** The relays a log's failures show, and what they change in its analysis. */
export interface RelayedLegs {
  /** The headline failure: the one a relayed response passed on, when the headline relays it. */
  first: Finding | null;
  /** The failures less the relayed responses and their Reasons (the list itself when none). */
  own: Finding[];
  /** For a relayed response or its Reason, the outbound leg's failure it passes on. */
  relayOf(f: Finding): Finding | undefined;
  /** The entries whose checks still apply (see unrelayed). */
  entries<E>(entries: E[], entryOf: (f: Finding) => E | undefined): E[];
  notes(named: (f: Finding) => string): string[];
}

/** Notes told about relays: two are plenty. */
const MAX_NOTES = 2;

export function relayedLegs(
  failing: Finding[],
  first: Finding | null,
  events?: readonly TimingEvent[],
): RelayedLegs {
  const rs = relays(failing, events);
  // Responses that only pass another failure on, with their Reasons.
  const restated = new Map<Finding, Finding>();
  for (const r of rs) {
    restated.set(r.to, r.from);
    if (r.reason) restated.set(r.reason, r.from);
  }
  const own = restated.size > 0 ? failing.filter((f) => !restated.has(f)) : failing;
  return {
    first: (first && rs.find((r) => r.to === first || r.reason === first)?.from) ?? first,
    own,
    relayOf: (f) => restated.get(f),
    entries: (entries, entryOf) => unrelayed(entries, own, restated, entryOf),
    notes: (named) => rs.slice(0, MAX_NOTES).map((r) => relaySentence(r, named)),
  };
}

/**
 * An entry only a relayed response or its Reason brought (CUBE's 503, its cause 65) says nothing of
 * its own about the failure: its checks go, unless a failure of its own brought it too.
 */
function unrelayed<E>(
  entries: E[],
  own: readonly Finding[],
  restated: ReadonlyMap<Finding, Finding>,
  entryOf: (f: Finding) => E | undefined,
): E[] {
  if (restated.size === 0) return entries;
  const kept = new Set(own.map(entryOf));
  const relayedOnly = new Set([...restated.keys()].map(entryOf).filter((e) => !kept.has(e)));
  return entries.filter((e) => !relayedOnly.has(e));
}
