// What kind of timing event one log line is (a SIP request with its destination, a stale digest
// challenge, a voicemail step, a keepalive or a missed one): read apart from how EventLog keeps
// them, so the per-line recording stays small.
import { cubeGuids, dialledTail, requestHeaders } from "./call-marks.js";
import { sipHeaders } from "./context.js";
import { copy } from "./detach.js";
import { referTarget } from "./refer-to.js";
import { FORWARD_LITERAL, forwardEvent } from "./relay-forward.js";
import { relayedRequest } from "./relay-lines.js";
import { uriHost } from "./stated-timeouts.js";
import { lineAt, nextLines, prevLineStart } from "./text-lines.js";
import type { TimingEvent } from "./timing-event.js";
import { callKey, failedLegs, voicemailLine } from "./voicemail.js";

/** The packet line above a request that names where it went: "U 10.0.0.5:5060 -> 198.51.100.2:5060"
 *  or tcpdump's "IP 10.0.0.5.5060 > 198.51.100.2.5060:". */
const ARROW_TARGET = /-{1,3}>\s*\[?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f:]*:[0-9a-f:]+)\]?(?::(\d{2,5}))?/i;
const TCPDUMP_TARGET = /\bIP6? \S+ > ((?:\d{1,3}\.){3}\d{1,3})\.(\d{1,5}):/;

/** Where the request whose line starts at text[ls] went, read from the packet line above it. */
function packetTarget(text: string, ls: number): string | undefined {
  if (ls === 0) return undefined;
  const above = lineAt(text, prevLineStart(text, ls), ls - 1);
  const m = above.includes(">") ? (ARROW_TARGET.exec(above) ?? TCPDUMP_TARGET.exec(above)) : null;
  return m?.[1] ? (m[2] ? `${m[1]}:${m[2]}` : m[1]) : undefined;
}

const REQUEST_LINE =
  /\b(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|UPDATE|PRACK|SUBSCRIBE|NOTIFY|REFER|INFO|MESSAGE) (?:sips?|tel):\S+ SIP\/2\.0\.?\s*$/;
/** The host of a request line's Request-URI: "INVITE sip:14155550123@sip.telnyx.com:5060 SIP/2.0". */
const URI_HOST = / (?:sips?|tel):(?:[^@\s]*@)?(\[[^\]\s]+\]|[^:;>\s]+)\S* SIP\/2\.0/;
const ONE_LINE_CANCEL = /\bCANCEL (?:sips?|tel):\S+ SIP\/2\.0 \[/;
/** pjsip's line for a request it sends: "TX 1109 bytes Request msg INVITE/cseq=201 (tdta0x55) to UDP 203.0.113.60:5060:". */
const PJSIP_REQUEST =
  /\bTX \d+ bytes Request msg ([A-Z]+)\/cseq=(\d+) \([^)]*\) to (?:(UDP)|TCP|TLS|WSS?) ([^\s:]+:\d+|\[[^\]]+\]:\d+)/;
/** pjsip's client transaction for a request it sends (tdta: data to transmit; rdata is one received). */
const PJSIP_TSX_CREATED =
  /\b(tsx0x[0-9a-f]+)\b.*Transaction created for Request msg ([A-Z]+)\/cseq=(\d+) \(tdta/;
const SENDING = /\bSending (?:\d+ )?([A-Z]+) to (sips?:[^\s;>]+)/;
/** A Via, a packet line or a URI that puts a request on TCP, TLS or a WebSocket. */
const RELIABLE_VIA = /^SIP\/2\.0\/(?:TCP|TLS|WSS?|SCTP)\b/i;
const RELIABLE_URI = /;transport=(?:tcp|tls|wss?|sctp)\b/i;
/** How far below a request line its first Via may start. */
const VIA_SPAN = 1200;

/** Whether the request whose line `trimmed` ends at text[le] went over a reliable transport. */
function reliable(text: string, trimmed: string, le: number): boolean {
  if (RELIABLE_URI.test(trimmed)) return true;
  // The first Via of the message, within its headers. The search stays within them: a request
  // logged without headers would otherwise search the rest of the block, once per request.
  const via = text.slice(le, le + VIA_SPAN + 7).indexOf("SIP/2.0/");
  return via >= 0 && RELIABLE_VIA.test(text.slice(le + via, le + via + 12));
}
/** The voicemail step on `line` (text[ls…]), with the call it ran in and, for FreeSWITCH, the
 *  B-legs whose failure sent that call there. */
function voicemailStep(
  text: string,
  line: string,
  ls: number,
  step: string,
): Omit<TimingEvent, "tsMs" | "line" | "yearless"> {
  const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = { kind: "voicemail", note: step };
  const key = callKey(line);
  // Copied: the event outlives its input block (see detach.ts).
  if (key.uuid) key.uuid = copy(key.uuid);
  if (key.call || key.thread || key.uuid) ev.call = key;
  if (key.uuid) {
    const above: string[] = [];
    for (let s = ls, n = 0; s > 0 && n < 60; n++) {
      const p = prevLineStart(text, s);
      above.unshift(lineAt(text, p, s - 1));
      s = p;
    }
    const legs = failedLegs(key.uuid, above);
    if (legs.length > 0) ev.legs = legs.map(copy);
  }
  return ev;
}
/** A 401/407 status line. */
const STALE_STATUS = /(?:^|\s)SIP\/2\.0 40[17] /;
const CHALLENGE_HEADER = /^\s*(?:WWW|Proxy)-Authenticate\s*:/i;
const STALE_TRUE = /\bstale\s*=\s*"?true\b/i;

/**
 * Whether the 401/407 whose status line ends at text[le] carries a challenge with stale=true
 * (RFC 3261 §22.4, RFC 7616 §3.3): the server accepted the credentials but the nonce they were
 * computed with had expired, so the client should retry with the new nonce without asking anyone.
 */
function staleChallenge(text: string, le: number): boolean {
  for (const l of nextLines(text, le, 30)) {
    if (l.trim() === "" || l.startsWith("SIP/2.0 ")) return false;
    if (CHALLENGE_HEADER.test(l) && STALE_TRUE.test(l)) return true;
  }
  return false;
}
const KEEPALIVE = /keep-?alive/i;
/** A keepalive line that reports one failing ("Keepalive failed with status 500", "5 keepalives
 *  missed"): no heartbeat. */
const KEEPALIVE_FAILED =
  /\b(?:fail(?:ed|ure|s)?|miss(?:ed|ing)?|errors?|time[ds]?[ -]?out|timed out|not sent|unanswered|no response)\b/i;
const REASON_HEADER = /^\s*Reason\s*:/i;

/** The event `line` (text[ls, le), its "\n" at text[le]) records, without its time and line number. */
export function timingEvent(
  text: string,
  line: string,
  ls: number,
  le: number,
  maskNumbers = true,
): Omit<TimingEvent, "tsMs" | "line" | "yearless"> | null {
  const trimmed = line.trimEnd();
  // A PBX handing the call to voicemail: how a call that rang no one into an answer ended.
  if (line.includes("oice") || line.includes("Recording the message")) {
    const step = voicemailLine(line);
    if (step) return voicemailStep(text, line, ls, step);
  }
  // Asterisk forwarding a call: the number the outbound leg dials from now on (relay-order.ts).
  if (line.includes(FORWARD_LITERAL)) return forwardEvent(line);
  // A digest challenge that says only the nonce expired (stale=true): the credentials were right.
  if (line.includes("SIP/2.0 40") && STALE_STATUS.test(line) && staleChallenge(text, le))
    return { kind: "stale-challenge" };
  // ngrep shows each line's "\r" as a dot: "CANCEL sip:… SIP/2.0."
  if (trimmed.endsWith("SIP/2.0") || trimmed.endsWith("SIP/2.0.")) {
    const m = REQUEST_LINE.exec(trimmed);
    if (!m?.[1]) return null;
    const headers = sipHeaders(text, le, 39);
    const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = {
      kind: "request",
      method: m[1],
      callId: headers.callId,
    };
    if (headers.cseq !== undefined) ev.cseq = headers.cseq;
    const to = headers.host && headers.direction === "out" ? headers.host : packetTarget(text, ls);
    if (to) ev.to = to;
    else {
      const uri = URI_HOST.exec(trimmed)?.[1];
      if (uri) ev.uri = uri;
    }
    if (reliable(text, trimmed, le)) ev.reliable = true;
    if (m[1] === "INVITE") {
      // What tells two calls through a B2BUA apart (b2bua-relay.ts): CUBE's GUID, the number dialled.
      const below = requestHeaders(text, le);
      const guids = cubeGuids(text, ls, below);
      if (guids) ev.guids = guids;
      const dialled = dialledTail(trimmed, below);
      if (dialled) ev.dialled = dialled;
    }
    // A REFER names its transfer target: a failed transfer says whom it was meant to reach.
    if (m[1] === "REFER") {
      const target = referTarget(text, le, maskNumbers);
      if (target) ev.referTo = target;
    }
    if (m[1] === "BYE" || m[1] === "CANCEL" || m[1] === "NOTIFY") {
      // Who hung up (or, for a NOTIFY, who reported a transfer's outcome): the packet line names
      // the sender of a request the log's system received.
      if (headers.host && headers.direction === "in") ev.from = headers.host;
      // With no transport line at all (a message logged in a JSON record), its top Via names the
      // hop that sent it.
      else if (!headers.host && headers.via) ev.from = headers.via;
    }
    if (m[1] === "BYE" || m[1] === "CANCEL") {
      let below = nextLines(text, le, 29);
      // A CANCEL's own headers end at the blank line: a Reason below it is another message's.
      if (m[1] === "CANCEL") {
        const end = below.findIndex((l) => l.trim() === "");
        if (end >= 0) below = below.slice(0, end);
      }
      const reason = below.find((l) => REASON_HEADER.test(l));
      if (reason) ev.note = reason.trim().slice(0, 160);
    }
    return ev;
  }
  // AudioCodes writes a request on one line with its own stamp after it ("send --> CANCEL sip:…
  // SIP/2.0 [Time:01-03@20:20:15.000]"): that CANCEL still says what the 487 after it is.
  if (line.includes("CANCEL ") && ONE_LINE_CANCEL.test(line)) return { kind: "request", method: "CANCEL" };
  if (line.includes("Request msg ")) {
    const p = PJSIP_REQUEST.exec(line);
    if (p?.[1]) {
      const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = {
        kind: "request",
        method: p[1],
        cseq: Number(p[2]),
        to: p[4],
      };
      if (p[3] !== "UDP") ev.reliable = true;
      return ev;
    }
    const c = PJSIP_TSX_CREATED.exec(line);
    if (c?.[2]) {
      const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = {
        kind: "request",
        method: c[2],
        cseq: Number(c[3]),
        tsx: c[1],
      };
      // pjsua says where it sends the request on the line above: "Sending 1 REGISTER to sip:…".
      const above = ls > 0 ? lineAt(text, prevLineStart(text, ls), ls - 1) : "";
      const sending = above.includes("ending") ? SENDING.exec(above) : null;
      const to = sending?.[1] === c[2] && sending[2] ? uriHost(sending[2]) : undefined;
      if (to) ev.to = to;
      return ev;
    }
  }
  // A proxy script's "relaying INVITE sip:…": the request a 408 after it answers, and where it went.
  if (line.includes("elay")) {
    const relayed = relayedRequest(line);
    if (relayed) return relayed;
  }
  if (!line.includes("eep") || !KEEPALIVE.test(line)) return null;
  const status = MISS_STATUS.exec(line) ?? STATUS_PHRASE.exec(line);
  // A keepalive method's "Status code: -> 503" is a failed keepalive too, not a heartbeat.
  const refused = status !== null && Number(status[1]) >= 400;
  if (!refused && !KEEPALIVE_FAILED.test(line)) return { kind: "keepalive" };
  return WEBEX.test(line) ? keepaliveMiss(line, status ? Number(status[1]) : undefined) : null;
}

/** Failed keepalives are read only on Webex lines: a SIP trunk's "OPTIONS keepalive timed out" is
 *  no Mobius registration keepalive. */
const WEBEX = /webex|mobius/i;
/** The miss count a client logs: "Keep-alive missed 3 times", "5 keepalives missed", "count 2". */
const MISS_COUNT =
  /\bmissed (\d{1,3}) times?\b|\b(\d{1,3}) (?:consecutive )?keep-?alives? (?:were )?missed\b|\bcount:? (\d{1,3})\b/i;
/** The status the failed keepalive got: "Status -> 503", "with status 500". */
const MISS_STATUS = /\bstatus(?: code)?:?\s*(?:->\s*)?([1-6]\d\d)(?!\d)/i;

/** A failure status with its reason phrase: "503 Service Unavailable" (not a stamp's ",512"). */
const STATUS_PHRASE = /(?<![\w.,])([4-6]\d\d) [A-Z][a-z]/;

/** A failed Webex keepalive, with its miss count and status when the line gives them. */
function keepaliveMiss(
  line: string,
  status: number | undefined,
): Omit<TimingEvent, "tsMs" | "line" | "yearless"> {
  const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = { kind: "keepalive-miss" };
  const c = MISS_COUNT.exec(line);
  const n = c ? Number(c[1] ?? c[2] ?? c[3]) : 0;
  if (n > 0) ev.missed = n;
  if (status !== undefined) ev.status = status;
  return ev;
}
