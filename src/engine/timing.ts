// Timer-aware analysis: compares the timestamps in a trace with the SIP and Webex timers and says
// when one most likely fired (Timer B/F → 408 after 64×T1, Timer H → BYE 32 s after 200 OK with no
// ACK, keepalive gaps before an unregister, a missing session refresh). Silent without the pattern.
import type { Catalog } from "../catalog/indexes.js";
import { onLogClock } from "./chronology.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { EventIndex } from "./timing-index.js";
import { requestNoted, unansweredRequests } from "./unanswered.js";

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
}

const SECOND = 1000;
/** 64×T1 with RFC 3261 defaults; IMS (T1 = 2 s) gives 128 s. Either is accepted. */
const WINDOWS = [32 * SECOND, 128 * SECOND];
const near = (ms: number) => WINDOWS.some((w) => Math.abs(ms - w) <= Math.max(3 * SECOND, w * 0.1));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function transactionTimeouts(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const out: TimerFinding[] = [];
  let requests: EventIndex | undefined;
  for (const f of findings) {
    if (f.namespace !== "sip" || f.code !== 408 || f.tsMs === undefined) continue;
    const ts = f.tsMs;
    // The request the 408 answers: the last one of its call (and method) sent before it.
    requests ??= new EventIndex(events, (e) => e.kind === "request" && e.method !== "ACK");
    const req = f.method === "ACK" ? undefined : requests.lastUpTo(f.callId, wireMethod(f.method), ts);
    if (!req) continue;
    const gap = ts - req.tsMs;
    if (!near(gap)) continue;
    const invite = req.method === "INVITE";
    out.push({
      timer: invite ? "timer/b" : "timer/f",
      title: invite ? "Timer B" : "Timer F",
      text: `${invite ? "Timer B" : "Timer F"} most likely fired: the 408 on line ${f.line} came ${secs(gap)} after the ${req.method} on line ${req.line}${req.to ? ` to ${req.to}` : ""} (64×T1), so no final response arrived in time${req.to ? `: ${req.to} never answered` : ""}.`,
      intervalMs: gap,
      evidence: [req.line, f.line],
      request: requestNoted(req),
    });
  }
  return out;
}

function missingAck(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  let byes: EventIndex | undefined;
  let acks: EventIndex | undefined;
  // One note per BYE: a UAS resends its 200 OK until Timer H fires, and each copy meets the same BYE.
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
      title: "Timer H",
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
    .filter((e) => e.kind === "keepalive" || e.method === "REGISTER")
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

function sessionTimer(events: TimingEvent[], unanswered: TimerFinding[]): TimerFinding[] {
  const out: TimerFinding[] = [];
  let refreshes: EventIndex | undefined;
  for (const bye of events) {
    if (bye.method !== "BYE" || !/session[ -]?(timer|expir|refresh)/i.test(bye.note ?? "")) continue;
    refreshes ??= new EventIndex(events, (e) => e.method === "INVITE" || e.method === "UPDATE");
    const refresh = refreshes.lastUpTo(bye.callId, undefined, bye.tsMs, true);
    const since = refresh ? bye.tsMs - refresh.tsMs : 0;
    // The refresher did send it, again and again, and nothing answered.
    const silent = refresh && unanswered.find((t) => t.request?.line === refresh.line)?.request;
    const text = silent
      ? `The BYE on line ${bye.line} cites the session timer, but the refresher did send the ${silent.method} on line ${silent.line}${silent.copies ? ` (${silent.copies} times)` : ""}, ${secs(since)} earlier: ${silent.to ?? "the other side"} never answered it, so the session expired.`
      : `The BYE on line ${bye.line} cites the session timer${refresh ? `; the last INVITE/UPDATE was ${secs(since)} earlier (line ${refresh.line})` : ""}: the refresher's re-INVITE or UPDATE did not arrive before Session-Expires.`;
    const t: TimerFinding = {
      timer: "timer/session-refresh",
      title: "Session timer",
      text,
      intervalMs: since,
      evidence: refresh ? [refresh.line, bye.line] : [bye.line],
    };
    if (silent) t.request = silent;
    out.push(t);
  }
  return out;
}

export function timerFindings(catalog: Catalog, found: Finding[], logged: TimingEvent[]): TimerFinding[] {
  const { findings, events } = onLogClock(
    found,
    logged.filter((e) => Number.isFinite(e.tsMs)),
  );
  const unanswered = unansweredRequests(findings, events);
  const all = [
    ...transactionTimeouts(findings, events),
    ...missingAck(findings, events),
    ...keepaliveGap(findings, events),
    ...sessionTimer(events, unanswered),
    ...unanswered,
  ];
  return all.filter((t) => catalog.byId.has(t.timer)).slice(0, 10);
}
