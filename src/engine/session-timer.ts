// A BYE that cites the session timer (RFC 4028): whether the refresh never came, came and got no
// answer, or came and was refused, and which side should have refreshed.
import { sentBy } from "./hops.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import { secs } from "./timer-windows.js";
import type { TimerFinding } from "./timing.js";
import { EventIndex } from "./timing-index.js";

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

export function sessionTimer(
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
