// A timing event: one SIP request, keepalive, stated timeout or closed connection with its time,
// as the timer-aware analysis reads it, and how a resent copy is noted on the first one.
import type { ReferTarget } from "./refer-to.js";

/**
 * Requests and keepalives with their time: what the timer-aware analysis measures between. A
 * "timeout" is a stack's own statement that a request got no response; a "close" a TCP connection
 * closed (FIN) by the side named in `from`, toward `to`. A "voicemail" is a PBX handing the call to
 * voicemail (`note` names the step). A "stale-challenge" is a 401/407 whose challenge says stale=true.
 * An "answer" is FreeSWITCH's core marking a channel answered (`note`: the line, redacted).
 * A "forward" is Asterisk forwarding a call to a new number (`dialled`: its last 7 digits).
 */
export interface TimingEvent {
  kind:
    | "request"
    | "keepalive"
    | "keepalive-miss"
    | "timeout"
    | "close"
    | "voicemail"
    | "stale-challenge"
    | "answer"
    | "forward";
  method?: string;
  line: number;
  /** NaN for a CANCEL or BYE on a line without a time: they still pair with what follows by line. */
  tsMs: number;
  /** The stamp names a date but no year ("May  2 02:00:00"). */
  yearless?: true;
  /** A BYE's, CANCEL's or NOTIFY's stamp as the log wrote it: its Reason finding, or the status
   *  in its sipfrag body, is shown with it. */
  stamp?: string;
  callId?: string;
  /** The request's CSeq number: a retransmission repeats it. */
  cseq?: number;
  /** Where a request was sent, when the log says ("TX … to UDP 203.0.113.60:5060"). */
  to?: string;
  /** The host of the request's Request-URI, kept when the log names no address it went to. */
  uri?: string;
  /** For a BYE or CANCEL: the Reason header or the line's own words (session timer mentions). */
  note?: string;
  /** How many times the request was sent (retransmissions included) and when the last copy went. */
  copies?: number;
  lastTsMs?: number;
  /** When each copy went, the first included (at most MAX_SENT_TIMES): the gaps show the T1 in use. */
  sentAtMs?: number[];
  /** Sent over a reliable transport (TCP, TLS, WebSocket): sent once, never retransmitted. */
  reliable?: true;
  /** A close: the side that closed the connection. A BYE or CANCEL: the side that sent it, when
   *  the transport line above it says ("recv 610 bytes from udp/[203.0.113.10]:5060"). */
  from?: string;
  /** A timeout: how long the stack says it waited. */
  waitedMs?: number;
  /** pjsip's transaction name, which its timeout line repeats. */
  tsx?: string;
  /** A Webex keepalive that failed: the miss count the client logged ("missed 3 times"), and the
   *  status the keepalive got ("Status -> 503"), when the line says. */
  missed?: number;
  status?: number;
  /** A voicemail step: the call it ran in (Asterisk call id and thread, FreeSWITCH UUID). */
  call?: { call?: string; thread?: string; uuid?: string };
  /** A FreeSWITCH voicemail step: the UUIDs of the B-legs whose failed bridge preceded it. */
  legs?: string[];
  /** An INVITE: the call's GUIDs as Cisco CUBE logs them ("dbg:5A1B2C3D0001" from its debug
   *  header, "hdr:…" from a Cisco-Guid header), each form the same on both legs of one call. */
  guids?: string[];
  /** An INVITE: the last 7 digits of the number its Request-URI dialled; a forward: of the number
   *  the call was forwarded to. Internal, never shown. */
  dialled?: string;
  /** A REFER: the transfer target its Refer-To names. */
  referTo?: ReferTarget;
}

/** Send times kept per request: enough for the doubling gaps of Timer A/E to show. */
const MAX_SENT_TIMES = 12;

/** Notes one more copy of `e` sent at `ms`. */
export function sentAt(e: TimingEvent, ms: number): void {
  e.sentAtMs ??= Number.isFinite(e.tsMs) ? [e.tsMs] : [];
  if (e.sentAtMs.length < MAX_SENT_TIMES) e.sentAtMs.push(ms);
}
