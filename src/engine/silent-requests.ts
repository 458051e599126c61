// Requests that got no response, shown by more than retransmissions: a stack saying so itself
// (chan_sip's "Retransmission timeout reached", Asterisk's "No response received from", pjsip's
// transaction timer, "Timer B fired"), and a request sent once over TCP/TLS (RFC 3261 §17.1.1.2:
// no retransmission on a reliable transport) that a timer-expiry cause, a FIN or 32 s of later
// traffic shows was never answered.

import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import type { RequestNoted, TimerFinding } from "./timing.js";
import { answers, NO_RESPONSE, requestNoted } from "./unanswered.js";

const SECOND = 1000;
/** 64×T1 with RFC 3261 defaults, and with IMS's T1 = 2 s. */
const WINDOWS = [32 * SECOND, 128 * SECOND];
const near = (ms: number) => WINDOWS.some((w) => Math.abs(ms - w) <= Math.max(3 * SECOND, w * 0.1));
/** Past this, a transaction without a response has certainly timed out (64×T1 and a margin). */
const WELL_PAST = 40 * SECOND;
/** At most this many requests of each kind are named: a dead next hop leaves every call silent. */
const MAX_NAMED = 3;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Codes a stack gives a call whose INVITE its own timer ended: Q.850 18 (no user responding)
 *  and 102 (recovery on timer expiry). A 408 is measured by transactionTimeouts. */
const TIMER_CAUSES = new Set([18, 102]);

function timerOf(method: string | undefined): { timer: string; title: string } {
  if (method === "INVITE") return { timer: "timer/b", title: "Timer B" };
  return method ? { timer: "timer/f", title: "Timer F" } : { timer: "timer/f", title: "Timer B/F" };
}

/** The request a stated timeout ends: the same Call-ID and CSeq, or the same method and host. */
function endedRequest(requests: TimingEvent[], t: TimingEvent): TimingEvent | undefined {
  for (let k = requests.length - 1; k >= 0; k--) {
    const r = requests[k] as TimingEvent;
    if (r.line >= t.line) continue;
    if (t.callId !== undefined || t.cseq !== undefined) {
      if ((t.callId === undefined || r.callId === t.callId) && (t.cseq === undefined || r.cseq === t.cseq))
        return r;
    } else if (t.to) {
      if (r.to === t.to && (!t.method || r.method === t.method)) return r;
    } else if ((!t.method || r.method === t.method) && near(t.tsMs - r.tsMs)) {
      // A statement that names no request (pjsip's transaction timer without its creation line):
      // the request sent 64×T1 before it.
      return r;
    }
  }
  return undefined;
}

/** A SIP 408 right after a stated timeout (within 2 s, same call when both say): its outcome. */
function outcome(findings: Finding[], t: TimingEvent): Finding | undefined {
  return findings.find(
    (f) =>
      f.namespace === "sip" &&
      f.code === 408 &&
      f.tsMs !== undefined &&
      f.tsMs >= t.tsMs &&
      f.tsMs - t.tsMs <= 2 * SECOND &&
      (f.callId === undefined || t.callId === undefined || f.callId === t.callId),
  );
}

/** Timer notes for the stacks' own statements that a request got no response. */
export function statedTimeouts(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const stated = events.filter((e) => e.kind === "timeout");
  if (stated.length === 0) return [];
  const requests = events.filter((e) => e.kind === "request" && e.method !== "ACK");
  const out: TimerFinding[] = [];
  for (const t of stated) {
    const req = endedRequest(requests, t);
    const method = t.method ?? req?.method;
    const to = t.to ?? req?.to;
    const { timer, title } = timerOf(method);
    const request: RequestNoted = req
      ? requestNoted(req)
      : { method: method ?? "request", line: t.line, tsMs: t.tsMs };
    if (to) request.to = to;
    if (!req && t.callId) request.callId = t.callId;
    const what = `the ${method ?? "request"}${t.cseq !== undefined ? ` (CSeq ${t.cseq})` : ""}${req ? ` on line ${req.line}` : ""}${to ? ` to ${to}` : ""}`;
    const waited = t.waitedMs ?? (req ? t.tsMs - req.tsMs : Number.NaN);
    const after = Number.isFinite(waited) && waited > 0 ? ` after ${secs(waited)}` : "";
    const ended = outcome(findings, t);
    out.push({
      timer,
      title,
      text: `${NO_RESPONSE} the log says on line ${t.line} that ${what} timed out${after} with no response, so ${to ?? "the next hop (the log does not say where it went)"} never answered: ${title} fired${ended ? ` and the stack reported the 408 on line ${ended.line}` : ""}.`,
      intervalMs: Number.isFinite(waited) ? waited : 0,
      evidence: [...(req ? [req.line] : []), t.line, ...(ended ? [ended.line] : [])],
      request,
    });
    if (out.length === MAX_NAMED) break;
  }
  return out;
}

/** Whether `f` says a call ended by a timer: Q.850 18 or 102, in whatever form the log has it. */
function timerCause(f: Finding): boolean {
  return f.namespace === "q850" && TIMER_CAUSES.has(f.code);
}

/**
 * Requests sent once over a reliable transport that nothing answered, when the log shows their
 * end: a timer-expiry cause or the sender's FIN toward the host about 64×T1 later, or the same
 * system's later traffic (with responses: the log shows them) well past 64×T1.
 */
export function silentOnReliable(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const once = events.filter(
    (e) => e.kind === "request" && e.reliable && (e.copies ?? 1) === 1 && e.method !== "ACK",
  );
  if (once.length === 0) return [];
  const answered = answerIndex(findings);
  const ends = endings(findings, events);
  const requests = events.filter((e) => e.kind === "request");
  // A log that shows no response to any request (a grep of INVITE lines) says nothing of silence.
  const showsResponses = requests.some(answered);
  const out: TimerFinding[] = [];
  for (const e of once) {
    if (answered(e)) continue;
    const end = endOf(ends, e, showsResponses);
    if (!end) continue;
    const invite = e.method === "INVITE";
    const title = invite ? "Timer B" : "Timer F";
    const gap = end.tsMs - e.tsMs;
    out.push({
      timer: invite ? "timer/b" : "timer/f",
      title,
      text: `${NO_RESPONSE} the ${e.method} on line ${e.line}${e.to ? ` to ${e.to}` : ""} went over a reliable transport (sent once, never retransmitted) and nothing answered it; ${end.words} ${secs(gap)} later, so ${title} (64×T1) fired and ${e.to ?? "the next hop"} never answered.`,
      intervalMs: gap,
      evidence: end.line !== undefined ? [e.line, end.line] : [e.line],
      request: requestNoted(e),
    });
    if (out.length === MAX_NAMED) break;
  }
  return out;
}

/**
 * Whether any SIP finding answers a request, looking only at the findings of the request's call
 * (and those naming no call): thousands of requests against thousands of responses stay linear.
 */
function answerIndex(findings: Finding[]): (e: TimingEvent) => boolean {
  const byCall = new Map<string, Finding[]>();
  const noCall: Finding[] = [];
  const byCseq = new Map<number, Finding[]>();
  const noCseq: Finding[] = [];
  const byMethod = new Map<string, Finding[]>();
  const noMethod: Finding[] = [];
  const all: Finding[] = [];
  const add = <K>(map: Map<K, Finding[]>, k: K, f: Finding) => {
    const list = map.get(k);
    if (list) list.push(f);
    else map.set(k, [f]);
  };
  for (const f of findings) {
    if (f.namespace !== "sip") continue;
    all.push(f);
    if (f.callId === undefined) noCall.push(f);
    else add(byCall, f.callId, f);
    if (f.cseq === undefined) noCseq.push(f);
    else add(byCseq, f.cseq, f);
    if (f.method === undefined) noMethod.push(f);
    else add(byMethod, wireMethod(f.method), f);
  }
  const any = (list: Finding[] | undefined, e: TimingEvent) => list?.some((f) => answers(f, e)) === true;
  // A response answers a request of its own call, CSeq and method, or one that names none of them:
  // only those are looked at, through the narrowest of the three.
  return (e) => {
    if (e.callId !== undefined) return any(byCall.get(e.callId), e) || any(noCall, e);
    const sets: Array<[Finding[] | undefined, Finding[]]> = [];
    if (e.cseq !== undefined) sets.push([byCseq.get(e.cseq), noCseq]);
    if (e.method !== undefined) sets.push([byMethod.get(e.method), noMethod]);
    if (sets.length === 0) return any(all, e);
    const size = ([a, b]: [Finding[] | undefined, Finding[]]) => (a?.length ?? 0) + b.length;
    const [own, none] = sets.reduce((x, y) => (size(y) < size(x) ? y : x));
    return any(own, e) || any(none, e);
  };
}

interface Endings {
  /** Findings of a call ended by its timer (cause 18 or 102, …), with a time. */
  causes: Finding[];
  closes: TimingEvent[];
  /** Requests other than ACK, in line order, and the latest time from each one on. */
  requests: TimingEvent[];
  latestFrom: number[];
}

/** What endOf looks through, gathered once for all the requests it is asked about. */
function endings(findings: Finding[], events: TimingEvent[]): Endings {
  const requests = events.filter((o) => o.kind === "request" && o.method !== "ACK");
  const latestFrom = new Array<number>(requests.length);
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = requests.length - 1; i >= 0; i--) {
    const ts = (requests[i] as TimingEvent).tsMs;
    if (ts > latest) latest = ts;
    latestFrom[i] = latest;
  }
  return {
    causes: findings.filter((f) => timerCause(f) && f.tsMs !== undefined),
    closes: events.filter((c) => c.kind === "close"),
    requests,
    latestFrom,
  };
}

/** What shows the transaction of `e` ended unanswered, and when. */
function endOf(
  ends: Endings,
  e: TimingEvent,
  showsResponses: boolean,
): { tsMs: number; line?: number; words: string } | undefined {
  for (const f of ends.causes) {
    if (f.tsMs === undefined || f.line < e.line) continue;
    if (f.callId !== undefined && e.callId !== undefined && f.callId !== e.callId) continue;
    if (near(f.tsMs - e.tsMs))
      return { tsMs: f.tsMs, line: f.line, words: `the call ended with cause ${f.code} on line ${f.line}` };
  }
  for (const c of ends.closes) {
    if (c.line < e.line || c.to !== e.to) continue;
    if (near(c.tsMs - e.tsMs))
      return { tsMs: c.tsMs, line: c.line, words: `the connection was closed (FIN) on line ${c.line}` };
  }
  if (!showsResponses) return undefined;
  // The same system went on sending requests well past the timer: the log did not stop early.
  const later = laterRequest(ends, e);
  return later
    ? {
        tsMs: later.tsMs,
        line: later.line,
        words: `the log goes on (the ${later.method} on line ${later.line})`,
      }
    : undefined;
}

/** The first request after `e` sent at least WELL_PAST after it; none once no later one is late enough. */
function laterRequest(ends: Endings, e: TimingEvent): TimingEvent | undefined {
  const { requests, latestFrom } = ends;
  // The first request on a later line (requests are in line order).
  let lo = 0;
  let hi = requests.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((requests[mid] as TimingEvent).line > e.line) hi = mid;
    else lo = mid + 1;
  }
  for (let i = lo; i < requests.length; i++) {
    if ((latestFrom[i] as number) - e.tsMs < WELL_PAST) return undefined;
    const o = requests[i] as TimingEvent;
    if (o.tsMs - e.tsMs >= WELL_PAST) return o;
  }
  return undefined;
}
