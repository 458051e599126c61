// What a 487 or a losing branch's refusal is matched against: the log's CANCELs (logged, or shown
// only by their answer), FreeSWITCH channels that were cancelled or ran out of ring time, the
// INVITEs another branch answered, and the 408s a proxy sent with its CANCEL.
import { OWN_CAUSE } from "./scan/own-causes.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** A branch the log itself says was answered elsewhere (3CX: "Request Terminated (answered elsewhere)"). */
export const ELSEWHERE_TEXT = /\b(?:answered|completed) elsewhere\b/i;
/** A FreeSWITCH channel name ("sofia/internal/201@10.0.0.60:5060"). */
const CHANNEL = /\b(?:sofia|loopback|verto|freetdm|rtc|skinny)\/[^\s[\]]+/;
/** The channel UUID a FreeSWITCH line starts with; the excerpt may have cut its head ("…516a91f39"). */
const LEADING_UUID =
  /^(?:…[0-9a-f-]*?([0-9a-f]{8})|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}([0-9a-f]{8}))\s/i;
/**
 * FreeSWITCH ends a leg itself with a 2xx cause of its own when another leg answered (LOSE_RACE)
 * or the call was picked up (PICKED_OFF): it cancelled that leg, so the leg's 487 is no failure.
 */
export function endsOwnLeg(f: Finding): boolean {
  return f.detector === OWN_CAUSE && f.code >= 200 && f.code < 300;
}

/**
 * A leg FreeSWITCH hung up with NO_ANSWER (Q.850 19) when its ring time ran out: FreeSWITCH sent
 * the CANCEL, so the leg's 487 follows from the no-answer, which stays the failure.
 */
function ringTimedOut(f: Finding): boolean {
  return f.code === 19 && f.text.includes("NO_ANSWER") && CHANNEL.test(f.text);
}

/** What a 487 or a losing branch's refusal is matched against: the log's CANCELs by Call-ID, its
 *  ORIGINATOR_CANCELs by channel, and its answered INVITEs by Call-ID and CSeq. */
export interface CancelIndex {
  byCall: Map<string, TimingEvent[]>;
  byChannel: Map<string, Finding[]>;
  /** 2xx responses to INVITEs by Call-ID (one per CSeq). */
  answered: Map<string, Finding[]>;
  /** 408s by Call-ID: a CANCEL next to one was sent by a proxy that gave up, not by the caller. */
  timeouts: Map<string, Finding[]>;
}

/** The keys a FreeSWITCH line names its channel by: its name and the tail of its UUID. */
export function channelKeys(text: string): string[] {
  const keys: string[] = [];
  const name = CHANNEL.exec(text)?.[0];
  if (name) keys.push(name);
  const uuid = LEADING_UUID.exec(text);
  const tail = uuid?.[1] ?? uuid?.[2];
  if (tail) keys.push(`uuid:${tail.toLowerCase()}`);
  return keys;
}

/** A one-line log's 200 OK to a CANCEL and the 487 after it are this close (lines; ms with times). */
export const ANSWERED_LINES = 5;
export const ANSWERED_MS = 2000;

/**
 * The CANCEL a one-line log shows only by its answer (Kamailio acc's "method=CANCEL;…;code=200",
 * AudioCodes' "recv <-- SIP/2.0 200 OK" right after "send --> CANCEL …"): the request went out
 * before that 2xx, in the same call. Keyed by Call-ID, or "" for one without.
 */
/** The CANCELs cancelAnswers() stood in for: their line is their answer's. */
export const byAnswer = new WeakSet<TimingEvent>();

function cancelAnswers(findings: Finding[]): TimingEvent[] {
  const out: TimingEvent[] = [];
  for (const f of findings) {
    if (f.namespace !== "sip" || f.code < 200 || f.code >= 300) continue;
    // Kamailio's tm answers a CANCEL "200 canceling", whatever else the line says.
    if (f.method !== "CANCEL" && !(f.method === undefined && f.reason === "canceling")) continue;
    const e: TimingEvent = { kind: "request", method: "CANCEL", line: f.line, tsMs: f.tsMs ?? Number.NaN };
    if (f.callId) e.callId = f.callId;
    byAnswer.add(e);
    out.push(e);
  }
  return out;
}

export function cancelIndex(events: TimingEvent[], findings: Finding[]): CancelIndex {
  const byCall = new Map<string, TimingEvent[]>();
  // One without a Call-ID (a one-line log's) is matched by line and time, as its answer would be.
  const requests = events.filter((e) => e.kind === "request" && e.method === "CANCEL");
  // A CANCEL logged as a request keeps its own line; its answer stands in only for one not logged.
  for (const e of [...requests, ...cancelAnswers(findings)]) {
    const key = e.callId ?? "";
    const list = byCall.get(key);
    if (list?.some((c) => c.line < e.line && e.line - c.line <= ANSWERED_LINES)) continue;
    if (list) list.push(e);
    else byCall.set(key, [e]);
  }
  const byChannel = new Map<string, Finding[]>();
  const answered = new Map<string, Finding[]>();
  const timeouts = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.namespace === "q850" && ringTimedOut(f)) {
      for (const k of channelKeys(f.text)) {
        const list = byChannel.get(k);
        if (list) list.push(f);
        else byChannel.set(k, [f]);
      }
    }
    if (f.namespace !== "sip") continue;
    if (f.code === 408 && f.callId && byCall.has(f.callId)) {
      const list = timeouts.get(f.callId);
      if (list) list.push(f);
      else timeouts.set(f.callId, [f]);
    }
    if ((f.code === 487 && f.text.includes("ORIGINATOR_CANCEL")) || endsOwnLeg(f)) {
      for (const k of channelKeys(f.text)) {
        const list = byChannel.get(k);
        if (list) list.push(f);
        else byChannel.set(k, [f]);
      }
    } else if (f.code >= 200 && f.code < 300 && f.method === "INVITE" && f.callId && f.cseq !== undefined) {
      const list = answered.get(f.callId);
      if (!list) answered.set(f.callId, [f]);
      else if (!list.some((a) => a.cseq === f.cseq)) list.push(f);
    }
  }
  return { byCall, byChannel, answered, timeouts };
}
