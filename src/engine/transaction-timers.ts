// A 408 measured against the request it answers: Timer B/F when it came 64×T1 after a request
// nothing answered, else the far side's own no-answer timer (the call rang, or the 408 came from
// the very host the request went to).
import { fromOtherHop, sameHost, sentBy } from "./hops.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { near, secs } from "./timer-windows.js";
import type { TimerFinding } from "./timing.js";
import { EventIndex } from "./timing-index.js";
import { requestNoted } from "./unanswered.js";

export function transactionTimeouts(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
  const out: TimerFinding[] = [];
  let requests: EventIndex | undefined;
  let provisional: Map<string, Finding[]> | undefined;
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
    // Timer B/F stop at the first provisional response, and a 408 from the very host the request
    // went to is that host's answer: its own timer toward the callee fired, not this side's.
    provisional ??= provisionalsByCall(findings);
    const rang = ringing(provisional, f, req);
    const fromNextHop = f.host !== undefined && req.to !== undefined && sentBy(f) && sameHost(f.host, req.to);
    if (rang || fromNextHop) {
      if (invite) out.push(noAnswer(f, req, gap, rang));
      continue;
    }
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

/** SIP 1xx responses by Call-ID. */
function provisionalsByCall(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.namespace !== "sip" || f.code >= 200 || f.code < 100 || !f.callId || f.tsMs === undefined) continue;
    const list = out.get(f.callId);
    if (list) list.push(f);
    else out.set(f.callId, [f]);
  }
  return out;
}

/** A 1xx of the 408's call (and CSeq, when both name one) between the request and the 408. */
function ringing(byCall: Map<string, Finding[]>, f: Finding, req: TimingEvent): Finding | undefined {
  if (!f.callId) return undefined;
  return byCall
    .get(f.callId)
    ?.find(
      (p) =>
        (p.cseq === undefined || f.cseq === undefined || p.cseq === f.cseq) &&
        (p.tsMs as number) >= req.tsMs &&
        (p.tsMs as number) <= (f.tsMs as number) &&
        !otherHopTrying(p, req),
    );
}

/** A 100 Trying is hop by hop (RFC 3261 §16.2): one a proxy sent its own caller says nothing
 *  about the copy it forwarded, so only the host that copy went to can stop its Timer B. */
function otherHopTrying(p: Finding, req: TimingEvent): boolean {
  return p.code === 100 && fromOtherHop(p, req);
}

/** A 408 after the call rang, or from the host the INVITE went to: that host's own timer ended
 *  the call (a no-answer timer such as fr_inv_timer, Timer C), not Timer B on this side. */
function noAnswer(f: Finding, req: TimingEvent, gap: number, rang: Finding | undefined): TimerFinding {
  const who = f.host && sentBy(f) ? f.host : req.to;
  const timer = `${NO_ANSWER_TIMER} fired${rang?.code === 100 ? " toward the callee" : ""}`;
  const text = rang
    ? `The 408 on line ${f.line} came ${secs(gap)} after the ${req.method} on line ${req.line} and ${provisionalWords(rang)}: ${who ?? "the side that sent it"} gave up waiting for a final answer; ${timer}. Not Timer B, which stops at the first provisional response.`
    : `The 408 on line ${f.line} came from ${who}, the host the ${req.method} on line ${req.line} went to, ${secs(gap)} later: it answered, so Timer B did not fire on this side; ${timer} toward the callee.`;
  const t: TimerFinding = {
    timer: "timer/c",
    title: "No answer",
    text,
    intervalMs: gap,
    evidence: rang ? [req.line, rang.line, f.line] : [req.line, f.line],
    request: requestNoted(req),
    answeredBy: who ?? null,
  };
  if (rang) t.provisional = rang.code;
  return t;
}

export const NO_ANSWER_TIMER = "its no-answer timer (fr_inv_timer in Kamailio and OpenSIPS) or Timer C";

/** "after the call rang (line 9)", or "after its 100 Trying (line 12)". */
export function provisionalWords(p: { code: number; line?: number }): string {
  const at = p.line ? ` (line ${p.line})` : "";
  return p.code === 100 ? `after its 100 Trying${at}` : `after the call rang${at}`;
}
