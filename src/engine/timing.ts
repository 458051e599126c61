// Timer-aware analysis: compares the timestamps in a trace with the SIP and Webex timers and says
// when one most likely fired (Timer B/F → 408 after 64×T1; a BYE 32 s (64×T1) after a 200 OK that
// got no ACK; keepalive gaps before an unregister, or missed keepalives the client logged; a missing
// session refresh). Silent without the pattern.
import type { Catalog } from "../catalog/indexes.js";
import { onLogClock } from "./chronology.js";
import { fromOtherHop, sameHost, sentBy } from "./hops.js";
import { missedKeepalives } from "./keepalives.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { silentOnReliable, statedTimeouts } from "./silent-requests.js";
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
  /** A 408 after the call rang (timer/c): the host that sent it, null when the log does not say. */
  answeredBy?: string | null;
  /** The 1xx that came before it. */
  provisional?: number;
  /** Session timer: the side that should have refreshed and never did (the BYE's receiver). */
  refresher?: string;
}

const SECOND = 1000;
/** 64×T1 with RFC 3261 defaults; IMS (T1 = 2 s) gives 128 s. Either is accepted. */
const WINDOWS = [32 * SECOND, 128 * SECOND];
const near = (ms: number) => WINDOWS.some((w) => Math.abs(ms - w) <= Math.max(3 * SECOND, w * 0.1));
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function transactionTimeouts(findings: Finding[], events: TimingEvent[]): TimerFinding[] {
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

/** A final failure answering refresh `r` before `until`: the refresh arrived and was refused. */
function refusal(findings: Finding[], r: TimingEvent, until: number): Finding | undefined {
  return findings.find(
    (f) =>
      f.namespace === "sip" &&
      f.code >= 300 &&
      f.tsMs !== undefined &&
      f.tsMs >= r.tsMs &&
      f.tsMs <= until &&
      (!f.callId || !r.callId || f.callId === r.callId) &&
      wireMethod(f.method) === r.method &&
      (f.cseq === undefined || r.cseq === undefined || f.cseq === r.cseq),
  );
}

/** Why a refused refresh ended the session, for the codes that say more than their name. */
const REFUSED_BECAUSE: Record<number, string> = {
  481: "the far end no longer knows the dialog (a restart or failover lost it)",
  408: "no final answer came back in time",
};

function refusedText(bye: TimingEvent, r: TimingEvent, f: Finding, since: number): string {
  const who = f.host && sentBy(f) ? f.host : (r.to ?? "the other side");
  const what = r.method === "INVITE" ? "re-INVITE" : r.method;
  const why = REFUSED_BECAUSE[f.code];
  return `The BYE on line ${bye.line} cites the session timer, but the refresh did arrive: the ${what} on line ${r.line} (${secs(since)} before the BYE) was refused by ${who} with SIP ${f.code}${f.reason ? ` ${f.reason}` : ""} on line ${f.line}${why ? `: ${why}` : ""}, so the session ended. The refresher did its part; look at why ${who} refused it.`;
}

function sessionTimer(
  findings: Finding[],
  events: TimingEvent[],
  unanswered: TimerFinding[],
): TimerFinding[] {
  const out: TimerFinding[] = [];
  let refreshes: EventIndex | undefined;
  for (const bye of events) {
    if (
      bye.kind !== "request" ||
      bye.method !== "BYE" ||
      !/session[ -]?(timer|expir|refresh)/i.test(bye.note ?? "")
    )
      continue;
    refreshes ??= new EventIndex(
      events,
      (e) => e.kind === "request" && (e.method === "INVITE" || e.method === "UPDATE"),
    );
    const refresh = refreshes.lastUpTo(bye.callId, undefined, bye.tsMs, true);
    const since = refresh ? bye.tsMs - refresh.tsMs : 0;
    // The refresher did send it, again and again, and nothing answered.
    const silent = refresh && unanswered.find((t) => t.request?.line === refresh.line)?.request;
    // No refresh at all since the call's own INVITE: the side that does not refresh sends the BYE
    // (RFC 4028 §10), so the side the BYE went to is the refresher that never sent one.
    const initial = refresh && !refreshes.lastUpTo(bye.callId, undefined, refresh.tsMs, true);
    const refresher = !silent && initial && refresh.method === "INVITE" ? bye.to : undefined;
    // The refresh got a final failure: it was sent on time and refused (481: the dialog is gone).
    const refused = refresh && !initial && !silent ? refusal(findings, refresh, bye.tsMs) : undefined;
    const text = refused
      ? refusedText(bye, refresh as TimingEvent, refused, since)
      : silent
        ? `The BYE on line ${bye.line} cites the session timer, but the refresher did send the ${silent.method} on line ${silent.line}${silent.copies ? ` (${silent.copies} times)` : ""}, ${secs(since)} earlier: ${silent.to ?? "the other side"} never answered it, so the session expired.`
        : `The BYE on line ${bye.line} cites the session timer${refresh ? `; the last INVITE/UPDATE was ${secs(since)} earlier (line ${refresh.line})` : ""}: the refresher's re-INVITE or UPDATE did not arrive before Session-Expires${refresher ? `. No refresh followed the call's INVITE, and the side that does not refresh sends the BYE (RFC 4028 §10), so the refresher is on the side the BYE went to (${refresher}), and it never refreshed` : ""}.`;
    const t: TimerFinding = {
      timer: "timer/session-refresh",
      title: refused ? "Session refresh refused" : "Session timer",
      text,
      intervalMs: since,
      evidence: refresh ? [refresh.line, bye.line] : [bye.line],
    };
    if (silent) t.request = silent;
    if (refresher) t.refresher = refresher;
    out.push(t);
  }
  return out;
}

export function timerFindings(catalog: Catalog, found: Finding[], logged: TimingEvent[]): TimerFinding[] {
  const { findings, events } = onLogClock(
    found,
    logged.filter((e) => Number.isFinite(e.tsMs)),
  );
  const timeouts = transactionTimeouts(findings, events);
  const unanswered = unansweredRequests(findings, events);
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
