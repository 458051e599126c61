// A Reason header inside a BYE or CANCEL says why the call was torn down; it is no response anyone
// got. Which Reason findings those are, who hung up, and how the summary words it.
import type { Catalog } from "../catalog/indexes.js";
import { hostRole } from "./scan/hosts.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import type { TimerFinding } from "./timing.js";
import { label } from "./verdict.js";

/** A BYE's or CANCEL's Reason header sits at most this many lines below its request line. */
const REASON_LINES = 30;

/** A Reason header inside a BYE or CANCEL: why the call was torn down, not a response anyone got. */
export interface Hangup {
  request: TimingEvent;
  /** The timer that explains the hang-up (session timer, Timer H), when the trace shows it. */
  timer?: TimerFinding;
  /** The same Reason in a retransmitted copy of the request: one hang-up, counted once. */
  copy?: true;
}

/**
 * Reason findings inside a BYE or CANCEL, with their request: the last request before the finding
 * is a BYE or CANCEL with a Reason, a few lines above it, and no SIP response was found between.
 * A request sent again (the scanner counts the copies on its first one) repeats its Reason in every
 * copy: those are the same hang-up. One walk over findings (line order) and requests.
 */
export function hangupsOf(
  findings: Finding[],
  events: TimingEvent[],
  timers: TimerFinding[],
): Map<Finding, Hangup> {
  const out = new Map<Finding, Hangup>();
  if (!findings.some((f) => f.detector === "reason")) return out;
  const requests = events.filter((e) => e.kind === "request").sort((a, b) => a.line - b.line);
  let k = 0;
  let request: TimingEvent | undefined;
  let response = -1;
  // The Reason texts of the request's first copy, and how many times each was seen.
  let seen = new Map<string, number>();
  for (const f of findings) {
    // "<=": a SIP message opened from a JSON string keeps one line number for all its lines.
    while (k < requests.length && (requests[k] as TimingEvent).line <= f.line) {
      request = requests[k++];
      seen = new Map();
    }
    if (f.detector !== "reason") {
      if (f.namespace === "sip") response = f.line;
      continue;
    }
    const r = request;
    if (!r || (r.method !== "BYE" && r.method !== "CANCEL") || !r.note) continue;
    const times = seen.get(f.text) ?? 0;
    const copy = times > 0 && times < (r.copies ?? 1);
    if (!copy && (f.line - r.line > REASON_LINES || response > r.line)) continue;
    seen.set(f.text, times + 1);
    const timer = timers.find(
      (t) => (t.timer === "timer/session-refresh" || t.timer === "timer/h") && t.evidence.at(-1) === r.line,
    );
    const h: Hangup = timer ? { request: r, timer } : { request: r };
    if (copy) h.copy = true;
    out.set(f, h);
  }
  for (const [f, h] of out) placeAtRequest(f, h, findings);
  return out;
}

/**
 * Gives a Reason finding its request's time, Call-ID and host where the scanner could not read
 * them from the header line itself: the BYE's sender (or where it was sent) and when.
 */
function placeAtRequest(f: Finding, h: Hangup, findings: Finding[]): void {
  const r = h.request;
  if (f.callId === undefined && r.callId !== undefined) f.callId = r.callId;
  // The request's stamp as the log wrote it (its sub-seconds and, when it has one, its date): a
  // time of day alone stays one, placed on the log's day like every other stamp of the log.
  if (f.tsMs === undefined && Number.isFinite(r.tsMs) && r.stamp !== undefined) {
    f.tsMs = r.tsMs;
    f.timestamp = r.stamp;
  }
  if (f.host) return;
  const sender = hangupSender(f, h, findings);
  if (sender) {
    f.host = sender;
    f.direction = "in";
  } else if (r.to) {
    f.host = r.to;
    f.direction = "out";
  }
}

/** A correlation id in the Reason's text= (Microsoft Teams: text="<guid>;Call ended by user"). */
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** "SIP 408 Session Timer Expired": the code with the Reason's own text when it gives one. A text
 *  that carries a correlation id is a vendor's note, not a description: the code's title stays. */
export function reasonLabel(catalog: Catalog, f: Finding): string {
  const base = label(catalog, f);
  const title = f.id ? catalog.byId.get(f.id)?.title : undefined;
  if (!f.reason || !title || !base.endsWith(title) || GUID.test(f.reason)) return base;
  return base.slice(0, base.length - title.length) + f.reason;
}

/** Who sent the BYE/CANCEL: the host its Reason line names as sender, the transport line above the
 *  request, the requester (top Via) of the response to it, or for Timer H the side whose 200 OK went unacknowledged. */
function hangupSender(f: Finding, h: Hangup, findings: Finding[]): string | undefined {
  if (f.host && hostRole(f.text, f.host, f.direction) === "sender") return f.host;
  const { request } = h;
  if (request.from) return request.from;
  const at = findings.indexOf(f);
  for (let i = at + 1; i < findings.length && i < at + 50; i++) {
    const g = findings[i] as Finding;
    if (g.line - f.line > 200) break;
    if (g.method === request.method && g.via && (!g.callId || !request.callId || g.callId === request.callId))
      return g.via;
  }
  if (h.timer?.timer === "timer/h") {
    const ok = findings.find((g) => g.line === h.timer?.evidence[0]);
    if (ok?.host && hostRole(ok.text, ok.host, ok.direction) !== "receiver") return ok.host;
  }
  return undefined;
}

/** What the first failure says when it is a hang-up reason: its title, summary sentence and
 *  failing component. */
export function hangupFailure(
  catalog: Catalog,
  f: Finding,
  h: Hangup,
  findings: Finding[],
): { label: string; sentence: string; component: string | null } {
  const method = h.request.method ?? "BYE";
  const sender = hangupSender(f, h, findings);
  const to = !sender && h.request.to ? ` to ${h.request.to}` : "";
  const who = sender ? `${method} from ${sender}` : `${method}${to} on line ${h.request.line}`;
  const reason = `Reason ${reasonLabel(catalog, f)}`;
  const said = `The first failure is the hang-up: the ${method} on line ${h.request.line}${sender ? ` from ${sender}` : to} gives ${reason} (line ${f.line}), the reason the call was torn down, not a response to the ${method}`;
  const silent = h.timer?.request;
  if (h.timer?.timer === "timer/session-refresh" && silent) {
    const to = silent.to ?? "the other side";
    return {
      label: `${who}: ${reason} (session timer: the ${silent.method} refresh got no answer)`,
      sentence: `${said}; the session timer ran out: the refresher did send the ${silent.method} on line ${silent.line}, and ${to} never answered it.`,
      component: `${to}, which never answered the refresher's ${silent.method} on line ${silent.line}`,
    };
  }
  if (h.timer?.timer === "timer/session-refresh")
    return {
      label: `${who}: ${reason} (session timer: the refresh never arrived)`,
      sentence: `${said}; the session timer ran out.`,
      // No refresh after the call's INVITE: the side that does not refresh sends the BYE (RFC 4028
      // §10), so the refresher is the side the BYE went to.
      component: h.timer.refresher
        ? `${h.timer.refresher}, the session refresher (the side that does not refresh sends the BYE, RFC 4028 §10), which never sent its re-INVITE or UPDATE`
        : "the session refresher (named by refresher= in the 200 OK), whose re-INVITE or UPDATE never arrived",
    };
  if (h.timer?.timer === "timer/h")
    return {
      label: `${who}: ${reason} (no ACK for the 200 OK: the ACK was lost)`,
      sentence: `${said}; no ACK arrived for the 200 OK on line ${h.timer.evidence[0]}, and the side that sent it gave up after resending it for 64×T1 (RFC 3261 §13.3.1.4, the 2xx counterpart of Timer H).`,
      component: `the ACK's path${sender ? ` to ${sender}` : ""} (NAT, Record-Route or the 200 OK's Contact)`,
    };
  return {
    label: `${who}: ${reason}`,
    sentence: `${said}.`,
    component: sender ? `${sender}, which hung up with this reason` : null,
  };
}
