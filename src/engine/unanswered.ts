// Requests that got no response at all: a request sent again and again (retransmitted over UDP)
// with nothing answering it anywhere later in the log. No code is logged for that silence, so
// this is the only place it shows; the transaction timer (B for INVITE, F otherwise) ends it.

import { answersReceived, type PassedOnRequest, receivedFor } from "./b2bua-legs.js";
import { fromOtherHop, sentBy } from "./hops.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { seconds } from "./timer-base.js";
import { isDefaultT1, observedT1, observedT1Words } from "./timer-observed.js";
import type { RequestNoted, TimerFinding } from "./timing.js";

/** How every note about a request that got no response at all starts. */
export const NO_RESPONSE = "No response:";

/** What a timer note keeps of the request nothing answered. */
export function requestNoted(e: TimingEvent): RequestNoted {
  const r: RequestNoted = { method: e.method ?? "request", line: e.line };
  if (e.to) r.to = e.to;
  if (e.callId) r.callId = e.callId;
  if (Number.isFinite(e.tsMs)) r.tsMs = e.tsMs;
  if (e.copies) r.copies = e.copies;
  return r;
}

/** Whether a timer note says a request got no response at all (this module's notes). */
export function isNoResponse(t: TimerFinding): boolean {
  return t.request !== undefined && t.text.startsWith(NO_RESPONSE);
}

/** At most this many requests are named: a dead next hop leaves every call unanswered. */
const MAX_NAMED = 3;
const DAY_MS = 86_400_000;

/** Codes read from a Reason header (why a call ended) or from prose (a log's own words about a
 *  call): no response anyone sent to a request. */
const NOT_RESPONSES = new Set(["reason", "keyword", "phrase", "cause-number"]);

/** Whether `f` may be a response to request `e`: a response, later, and no Call-ID, CSeq or
 *  method says not. */
export function answers(f: Finding, e: TimingEvent): boolean {
  return (
    f.namespace === "sip" &&
    !NOT_RESPONSES.has(f.detector) &&
    f.line > e.line &&
    (f.callId === undefined || e.callId === undefined || f.callId === e.callId) &&
    (f.cseq === undefined || e.cseq === undefined || f.cseq === e.cseq) &&
    (f.method === undefined || wireMethod(f.method) === e.method) &&
    !fromOtherHop(f, e)
  );
}

/**
 * The copy of unanswered request `e` its sender then passed to another host, which answered it
 * with a 2xx: a proxy's failover (Kamailio's failure_route after fr_timer, dispatcher, LCR) keeps
 * the Call-ID, and the CSeq too when it is the same transaction.
 */
function failedOverTo(
  e: TimingEvent,
  events: TimingEvent[],
  calls: Finding[],
): { next: TimingEvent; ok: Finding } | undefined {
  if (e.callId === undefined || e.to === undefined) return undefined;
  for (const next of events) {
    if (next.kind !== "request" || next.line <= e.line || next.callId !== e.callId) continue;
    if (next.method !== e.method || next.to === undefined || next.to === e.to) continue;
    if ((next.cseq ?? 0) < (e.cseq ?? 0)) continue;
    const ok = calls.find((f) => f.code >= 200 && f.code < 300 && answers(f, next) && sentBy(f));
    if (ok) return { next, ok };
  }
  return undefined;
}

export function unansweredRequests(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const resent = events.filter((e) => e.kind === "request" && (e.copies ?? 1) > 1 && e.method !== "ACK");
  if (resent.length === 0) return [];
  const byCall = new Map<string, Finding[]>();
  const noCall: Finding[] = [];
  for (const f of findings) {
    if (f.namespace !== "sip") continue;
    if (f.callId === undefined) noCall.push(f);
    else {
      const list = byCall.get(f.callId);
      if (list) list.push(f);
      else byCall.set(f.callId, [f]);
    }
  }
  const out: TimerFinding[] = [];
  for (const e of resent) {
    const candidates = e.callId === undefined ? findings : (byCall.get(e.callId) ?? []);
    if (candidates.some((f) => answers(f, e)) || noCall.some((f) => answers(f, e))) continue;
    const invite = e.method === "INVITE";
    const span = e.lastTsMs !== undefined ? e.lastTsMs - e.tsMs : Number.NaN;
    const over = span > 0 && span < DAY_MS ? ` over ${(span / 1000).toFixed(1)} s` : "";
    const who = e.to ?? "the next hop";
    const title = invite ? "Timer B" : "Timer F";
    const t1 = sentT1(e, invite);
    const when = t1 === undefined ? "64×T1 (32 s)" : `64×T1 (${seconds(64 * t1)})`;
    const moved = failedOverTo(e, events, candidates);
    const end = moved
      ? `Its sender gave up on ${who} ${seconds(moved.next.tsMs - e.tsMs)} after the first copy, before ${title}'s ${t1 === undefined ? "32 s" : seconds(64 * t1)}, and sent the ${e.method} to ${moved.next.to} (line ${moved.next.line}), which answered ${moved.ok.code} (line ${moved.ok.line}): the call failed over and connected through that server, and ${who} is down or unreachable`
      : `Unless a response arrives, ${title} ends the transaction ${when} after the first copy and the sender's stack reports 408`;
    const request: PassedOnRequest = requestNoted(e);
    const passedFor = receivedFor(e, events);
    if (passedFor) request.passedFor = passedFor;
    out.push({
      timer: invite ? "timer/b" : "timer/f",
      title,
      text: `${NO_RESPONSE} the ${e.method} on line ${e.line}${e.to ? ` to ${e.to}` : ""} was sent ${e.copies} times${over} and nothing answered it in the log, so ${who} did not answer. ${end}${t1 === undefined ? "" : `; ${observedT1Words(t1)}`}.`,
      intervalMs: Number.isNaN(span) ? 0 : span,
      evidence: [e.line],
      request,
    });
    if (out.length === MAX_NAMED) break;
  }
  return out;
}

/** The T1 the copies of `e` show when it is not the default 500 ms (see timer-observed.ts). */
function sentT1(e: TimingEvent, invite: boolean): number | undefined {
  const t1 = e.sentAtMs ? observedT1(e.sentAtMs, invite) : undefined;
  return t1 === undefined || isDefaultT1(t1) ? undefined : t1;
}

const TIMER_ENDS = new Set([18, 102]);

/** Whether the 408 `f` ended the request a Timer B/F note names: the same Call-ID, the 408's own
 *  line in the note's evidence, a log line without a Call-ID that names the silent host after it,
 *  or the 408 a B2BUA sent for the request it received and passed on as that silent copy. */
function ended(t: TimerFinding, f: Finding): boolean {
  const r: PassedOnRequest | undefined = t.request;
  if (!r) return false;
  if (answersReceived(r, f)) return true;
  if (f.callId !== undefined) return r.callId === f.callId || t.evidence.includes(f.line);
  if (t.evidence.includes(f.line)) return true;
  const host = r.to?.replace(/:\d+$/, "");
  return host !== undefined && r.line < f.line && f.text.includes(host);
}

/**
 * Requests nothing answered (Timer B/F notes) and the first failure: the earliest request that
 * got no response at all, as the verdict when nothing failed (`quiet`) or as the failure before
 * the first one (`before`); and the Timer B/F note naming who never answered the request a
 * first-failure 408 ended (`timedOut`, see ended()).
 */
export function silences(
  timers: TimerFinding[],
  first: Finding | null,
  hangupTimer: TimerFinding | undefined,
): { quiet?: TimerFinding; before?: TimerFinding; timedOut?: TimerFinding } {
  let earliest: TimerFinding | undefined;
  for (const t of timers)
    if (isNoResponse(t) && (!earliest || (t.request?.line ?? 0) < (earliest.request?.line ?? 0)))
      earliest = t;
  if (!first) return earliest ? { quiet: earliest } : {};
  const out: { before?: TimerFinding; timedOut?: TimerFinding } = {};
  // A 408, or the cause a stack gives a call its own timer ended (Q.850 18, 102).
  if (
    (first.namespace === "sip" && first.code === 408) ||
    (first.namespace === "q850" && TIMER_ENDS.has(first.code))
  ) {
    const t = timers.find((t) => (t.timer === "timer/b" || t.timer === "timer/f") && ended(t, first));
    if (t) out.timedOut = t;
  }
  const r = earliest?.request;
  // A session timer that already names the refresh nobody answered says it; a 408 that silence
  // came to is no second failure (the failing component says so).
  if (
    r &&
    hangupTimer?.request?.line !== r.line &&
    out.timedOut?.request?.line !== r.line &&
    !ofAnotherCall(r, first)
  ) {
    const byTime = r.tsMs !== undefined && first.tsMs !== undefined && r.tsMs < first.tsMs;
    if (r.line < first.line || byTime) out.before = earliest;
  }
  return out;
}

/**
 * Whether silent request `r` demonstrably belongs to another call than failure `f`: their Call-IDs
 * differ and the silent copy was passed on for a received request of yet another Call-ID (a B2BUA's
 * other caller). That carrier's silence is a failure of its own call, not the cause of this one.
 * Without the received leg in the log the two may still be one call through a B2BUA, so they stay tied.
 */
function ofAnotherCall(r: PassedOnRequest, f: Finding): boolean {
  if (f.callId === undefined || r.callId === undefined || r.callId === f.callId) return false;
  return r.passedFor !== undefined && r.passedFor.callId !== f.callId;
}
