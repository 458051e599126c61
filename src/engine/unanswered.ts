// Requests that got no response at all: a request sent again and again (retransmitted over UDP)
// with nothing answering it anywhere later in the log. No code is logged for that silence, so
// this is the only place it shows; the transaction timer (B for INVITE, F otherwise) ends it.

import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import type { TimerFinding } from "./timing.js";

/** At most this many requests are named: a dead next hop leaves every call unanswered. */
const MAX_NAMED = 3;
const DAY_MS = 86_400_000;

/** Whether `f` may be a response to request `e`: later, and no Call-ID, CSeq or method says not. */
function answers(f: Finding, e: TimingEvent): boolean {
  return (
    f.namespace === "sip" &&
    f.line > e.line &&
    (f.callId === undefined || e.callId === undefined || f.callId === e.callId) &&
    (f.cseq === undefined || e.cseq === undefined || f.cseq === e.cseq) &&
    (f.method === undefined || wireMethod(f.method) === e.method)
  );
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
    out.push({
      timer: invite ? "timer/b" : "timer/f",
      title: invite ? "Timer B" : "Timer F",
      text: `No response: the ${e.method} on line ${e.line}${e.to ? ` to ${e.to}` : ""} was sent ${e.copies} times${over} and nothing answered it in the log, so ${who} did not answer. Unless a response arrives, ${invite ? "Timer B" : "Timer F"} ends the transaction 64×T1 (32 s) after the first copy and the sender's stack reports 408.`,
      intervalMs: Number.isNaN(span) ? 0 : span,
      evidence: [e.line],
    });
    if (out.length === MAX_NAMED) break;
  }
  return out;
}
