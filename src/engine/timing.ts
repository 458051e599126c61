// Timer-aware analysis: compares the timestamps in a trace with the SIP and Webex timers and says
// when one most likely fired (Timer B/F → 408 after 64×T1; a BYE 32 s (64×T1) after a 200 OK that
// got no ACK; keepalive gaps before an unregister, or missed keepalives the client logged; a missing
// session refresh). Silent without the pattern.
import type { Catalog } from "../catalog/indexes.js";
import { answersReceived } from "./b2bua-legs.js";
import { onLogClock } from "./chronology.js";
import { missedKeepalives } from "./keepalives.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { sessionTimer } from "./session-timer.js";
import { silentOnReliable, statedTimeouts } from "./silent-requests.js";
import { near, SECOND, secs } from "./timer-windows.js";
import { EventIndex } from "./timing-index.js";
import { transactionTimeouts } from "./transaction-timers.js";
import { unansweredRequests } from "./unanswered.js";

/** A request a timer note names as never (finally) answered: what it was and where it went. */
export interface RequestNoted {
  method: string;
  line: number;
  to?: string;
  callId?: string;
  tsMs?: number;
  /** How many times it was sent, retransmissions included. */
  copies?: number;
}

export interface TimerFinding {
  /** Catalog id of the timer (timer/b, timer/h, …). */
  timer: string;
  title: string;
  text: string;
  intervalMs: number;
  evidence: number[];
  /** Timer B/F: the request no final response answered. Session timer: the refresh that was sent
   *  but never answered. */
  request?: RequestNoted;
  /** A 408 after the call rang (timer/c): the host that sent it, null when the log does not say. */
  answeredBy?: string | null;
  /** The 1xx that came before it. */
  provisional?: number;
  /** Session timer: the side that should have refreshed and never did (the BYE's receiver). */
  refresher?: string;
}

function missingAck(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  let byes: EventIndex | undefined;
  let acks: EventIndex | undefined;
  // One note per BYE: a UAS resends its 200 OK for 64×T1, and each copy meets the same BYE.
  const perBye = new Map<number, { ok: Finding; bye: TimingEvent }>();
  for (const ok of findings) {
    if (
      ok.namespace !== "sip" ||
      ok.code !== 200 ||
      wireMethod(ok.method) !== "INVITE" ||
      ok.tsMs === undefined
    )
      continue;
    const t0 = ok.tsMs;
    // Indexed once for all the 200 OKs: a trace holds thousands of them.
    byes ??= new EventIndex(events, (e) => e.kind === "request" && e.method === "BYE");
    const bye = byes.firstAfter(ok.callId, t0);
    if (!bye || !near(bye.tsMs - t0)) continue;
    acks ??= new EventIndex(events, (e) => e.method === "ACK");
    const acked = acks.anyBetween(ok.callId, t0, bye.tsMs);
    if (acked) continue;
    if (!perBye.has(bye.line)) perBye.set(bye.line, { ok, bye });
  }
  const out: TimerFinding[] = [];
  for (const { ok, bye } of perBye.values()) {
    const t0 = ok.tsMs as number;
    out.push({
      timer: "timer/h",
      // Timer H proper waits for the ACK to a 3xx–6xx; a 2xx is resent by the UA core for the same
      // 64×T1 (RFC 3261 §13.3.1.4). timer/h stays the catalog entry that explains both.
      title: "No ACK for the 200 OK (64×T1)",
      text: `The call was torn down ${secs(bye.tsMs - t0)} after the 200 OK on line ${ok.line} (BYE on line ${bye.line}) and no ACK was seen: the ACK is being lost (NAT, Record-Route or Contact on the ACK's path).`,
      intervalMs: bye.tsMs - t0,
      evidence: [ok.line, bye.line],
    });
  }
  return out;
}

const UNREGISTER_GAP = 150 * SECOND;

function keepaliveGap(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const failure = findings.find(
    (f) =>
      f.namespace === "mobius" &&
      (f.subcode === 112 || (f.code === 404 && f.id === "mobius/404-unregistration")),
  );
  if (!failure || failure.tsMs === undefined) return [];
  const at = failure.tsMs;
  const beats = events
    .filter((e) => e.kind === "keepalive" || (e.kind === "request" && e.method === "REGISTER"))
    .filter((e) => e.tsMs <= at);
  const last = beats[beats.length - 1];
  if (!last) return [];
  const gap = at - last.tsMs;
  if (gap <= UNREGISTER_GAP) return [];
  return [
    {
      timer: "timer/mobius-unregister-after-missed-keepalives",
      title: "Missed keepalives",
      text: `${secs(gap)} passed between the last keepalive/REGISTER (line ${last.line}) and the failure on line ${failure.line}: more than 5 × 30 s, so Mobius had unregistered the device.`,
      intervalMs: gap,
      evidence: [last.line, failure.line],
    },
  ];
}

/** The gap before an unregister when the log shows one, else the misses the client logged: one
 *  note for one lost registration. */
function keepalives(catalog: Catalog, findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const gap = keepaliveGap(findings, events);
  return gap.length > 0 ? gap : missedKeepalives(catalog, findings, events);
}

/**
 * A B2BUA's 408 to its caller after the copy it passed on went unanswered: the 100 Trying on the
 * caller's leg is the B2BUA's own hop-by-hop answer and says nothing about the copy, so the
 * "no-answer timer, not Timer B" note measured on that leg is dropped; the copy's Timer B note says
 * what happened.
 */
function withoutCallerLegNotes(
  timeouts: TimerFinding[],
  findings: Finding[],
  unanswered: TimerFinding[],
): TimerFinding[] {
  if (unanswered.length === 0) return timeouts;
  return timeouts.filter((t) => {
    if (t.timer !== "timer/c" || t.provisional !== 100) return true;
    const line = t.evidence[t.evidence.length - 1];
    const f = findings.find((x) => x.line === line && x.namespace === "sip" && x.code === 408);
    return !f || !unanswered.some((u) => u.request && answersReceived(u.request, f));
  });
}

export function timerFindings(catalog: Catalog, found: Finding[], logged: TimingEvent[]): TimerFinding[] {
  const { findings, events } = onLogClock(
    found,
    logged.filter((e) => Number.isFinite(e.tsMs)),
  );
  const unanswered = unansweredRequests(findings, events);
  const timeouts = withoutCallerLegNotes(transactionTimeouts(findings, events), findings, unanswered);
  // A request a 408 or its copies already name is not named again from the stack's own words or
  // from its silence on a reliable transport.
  const named = new Set([...timeouts, ...unanswered].map((t) => t.request?.line));
  for (const t of [...statedTimeouts(findings, events), ...silentOnReliable(findings, events)]) {
    if (named.has(t.request?.line)) continue;
    named.add(t.request?.line);
    unanswered.push(t);
  }
  const all = [
    ...timeouts,
    ...missingAck(findings, events),
    ...keepalives(catalog, findings, events),
    ...sessionTimer(findings, events, unanswered),
    ...unanswered,
  ];
  return all.filter((t) => catalog.byId.has(t.timer)).slice(0, 10);
}
