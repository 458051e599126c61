// What surrounds a hit: the timestamp of its line, the host and direction it names, and for a SIP
// status line the headers that follow it (CSeq method, Call-ID, Via, Server/User-Agent).
import { lineHost, messageSource } from "./hosts.js";
import { lineCallId, lineRequest } from "./line-keys.js";
import { isDiagnosticsHeader } from "./ms-diagnostics.js";
import { isSpace } from "./tails.js";
import { quoteEnd, unquoted } from "./text-lines.js";

export { lineHost } from "./hosts.js";
export { parseTimestamp } from "./timestamps.js";

export interface Surroundings {
  timestamp?: string;
  tsMs?: number;
  host?: string;
  direction?: "in" | "out" | "local";
  method?: string;
  /** The CSeq number: a response to INVITE above an answered one in the same call is a re-INVITE. */
  cseq?: number;
  callId?: string;
  agent?: string;
  via?: string;
  /** Teams Direct Routing's ms-diagnostics header value (a Microsoft subcode and reason). */
  diagnostics?: string;
  /** A Retry-After header's seconds (how long the sender asks to be left alone). */
  retryAfter?: number;
  /** For a status or request line: how many header lines follow it without a break (a blank
   *  line, the next message, a line that is no header). */
  lines?: number;
  /** The address in the message's Contact URI. */
  contact?: string;
  /** The first c= address of the message's SDP body (read only when asked for). */
  sdpAddress?: string;
  /** The transport line above the message is an SBC's or voice gateway's. */
  sbc?: true;
}

/**
 * Transport words about the logged message itself: "RX …", "received 503 from …", "TX …",
 * "sending 486 …", "Incoming SIP message". "inbound"/"outbound" alone name a call's or a trunk's
 * direction ("outbound call", "direction":"outbound", sip/outbound.go), not who sent a response;
 * "send INVITE"/"sent REGISTER"/pjsua's "Error sending re-INVITE" is about a request.
 */
const INBOUND =
  /\b(RX|recv|received|receiving|<--|<-|got)\b|<---|\b(?:incoming|inbound)\s+(?:SIP\s+)?(?:message|msg|packet|response|reply)\b/i;
const OUTBOUND =
  /\b(TX|-->|->)\b|--->|\b(?:send|sending|sent)\b(?!\s+(?:an?\s+|the\s+)?(?:re-?)?(?:INVITE|REGISTER|OPTIONS|BYE|CANCEL|ACK|PRACK|UPDATE|INFO|MESSAGE|SUBSCRIBE|NOTIFY|REFER|PUBLISH|request)\b)|\b(?:outgoing|outbound)\s+(?:SIP\s+)?(?:message|msg|packet|response|reply)\b/i;
/**
 * The log's own system made the response up: it says so, or a transaction timer ran out
 * ("transaction timed out", "Timer B expired", "Timeout timer event", Kamailio's fake_reply and its
 * failure_route's t_branch_timeout(), true when the branch got no reply in time). An
 * account, token or retry timer that expired says nothing about who sent the response.
 */
const LOCAL =
  /\blocal(?:ly)?\b|\bgenerated\b|\bfake_reply\b|\bt_branch_timeout\b|\btimeout timer\b|\b(?:transaction|tsx|request|INVITE|timer [A-M])\b[^\n]{0,24}?\b(?:(?<!request )timeout|timed out|expired?|fired)\b|\btimer [BF]\b/i;

/**
 * A word every match of LOCAL, INBOUND or OUTBOUND contains, as one flat alternation: twice as fast
 * as the three together, and a line with none of these words names no direction.
 */
const ANY_DIRECTION =
  /\b(?:local(?:ly)?|generated|fake_reply|t_branch_timeout|timeout|timed out|expired?|fired|timer [BF]|RX|recv|received|receiving|got|TX|send|sending|sent|incoming|inbound|outgoing|outbound)\b|<-|->/i;

/** A Surroundings with every field present, so all of them share one shape. */
export function emptySurroundings(): Surroundings {
  return {
    timestamp: undefined,
    tsMs: undefined,
    host: undefined,
    direction: undefined,
    method: undefined,
    cseq: undefined,
    callId: undefined,
    agent: undefined,
    via: undefined,
    diagnostics: undefined,
    retryAfter: undefined,
    lines: undefined,
    contact: undefined,
    sdpAddress: undefined,
    sbc: undefined,
  };
}

/** A JSON log's CSeq field (sipgo, jambonz): "cseq":"1 INVITE". */
const JSON_CSEQ = /"cseq"\s*:\s*"(\d+)\s+([A-Za-z]+)"/i;

export function lineSurroundings(line: string): Surroundings {
  const out = emptySurroundings();
  const host = lineHost(line);
  if (host) out.host = host;
  out.direction = lineDirection(line);
  const cseq = line.includes('"') ? JSON_CSEQ.exec(line) : null;
  if (cseq) {
    out.cseq = Number(cseq[1]);
    out.method = (cseq[2] as string).toUpperCase();
  } else {
    const request = lineRequest(line);
    if (request) {
      out.method = request.method;
      if (request.cseq !== undefined) out.cseq = request.cseq;
    }
  }
  const callId = lineCallId(line);
  if (callId) out.callId = callId;
  return out;
}

/** The direction a line's own words give the message it logs, if any. */
export function lineDirection(line: string): "in" | "out" | "local" | undefined {
  // Most lines name no direction: one search rules all three out.
  if (!ANY_DIRECTION.test(line)) return undefined;
  if (LOCAL.test(line)) return "local";
  if (INBOUND.test(line)) return "in";
  if (OUTBOUND.test(line)) return "out";
  return undefined;
}

const CSEQ_METHOD = /(\d+)\s+([A-Z]+)/;
const RETRY_SECONDS = /^(\d{1,9})(?![\d.])/;
const VIA_HOST = /SIP\/2\.0\/\w+\s+([^;\s]+)/i;
const NEXT_MESSAGE = /SIP\/2\.0 \d{3}|^[A-Z]+ sips?:\S+ SIP\/2\.0/;
/** The host of a Contact URI: "<sip:1001@192.168.1.50:5060>", "sip:[2001:db8::1]:5060". */
const CONTACT_HOST = /sips?:(?:[^@>;\s]*@)?(\[[^\]\s]+\]|[^:;>\s]+)/i;
/** An SDP line ("v=0", "c=IN IP4 192.168.1.50"); its connection line gives the media address. */
const SDP_LINE = /^\s*[a-z]=/;
const SDP_CONNECTION = /^\s*c=IN IP[46] ([^\s/]+)/;
/** Whether text[from, to) holds a \r, \u2028 or \u2029 (a value with one is no header value). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * Headers of the SIP message whose first line ends at text[le] ("\n"), read until a blank line
 * or the next message, at most `max` lines ("\r" of CRLF dropped). With `source`, also the host
 * that sent it (or that it was sent to) when a transport line just above names it: `host` and
 * `direction` ("in": it came from host; "out": it went to host).
 */
export function sipHeaders(text: string, le: number, max: number, source = true, sdp = false): Surroundings {
  const out = emptySurroundings();
  if (source) {
    const from = messageSource(text, text.lastIndexOf("\n", le - 1) + 1);
    if (from) {
      if (from.host) out.host = from.host;
      out.direction = from.direction;
      if (from.sbc) out.sbc = true;
    }
  }
  // `ngrep -W byline` prints each line's CR as "." (a status line "SIP/2.0 503 Busy.", a header
  // "Retry-After: 300."): in such a message that dot is no part of a value, and a line holding only
  // "." is the blank line before the body.
  const crAt = le > 0 && text.charCodeAt(le - 1) === 13 ? le - 2 : le - 1;
  const byline = crAt >= 0 && text.charCodeAt(crAt) === 46;
  let start = le + 1;
  out.lines = 0;
  let sip = -2;
  // Whether the headers ended at the blank line before a body its Content-Type says is SDP.
  let body = false;
  let hasSdp = false;
  for (let k = 0; k < max; k++) {
    const e = text.indexOf("\n", start);
    if (e < 0) break;
    const end = e > start && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
    const ls = start;
    start = e + 1;
    // Read in place: only the headers kept below are cut out of the text. A line with nothing but
    // blanks and chat quote markers (">") ends the headers, and so does the next message.
    let j = ls;
    for (let c = text.charCodeAt(j); j < end && (c === 62 || isSpace(c)); ) c = text.charCodeAt(++j);
    if (j === end || (byline && j === end - 1 && text.charCodeAt(j) === 46)) {
      body = hasSdp;
      break;
    }
    let i = ls;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    // Past chat quote markers, nested ones too ("> > CSeq: 1 INVITE").
    i = quoteEnd(text, i);
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    // The next "SIP/2.0" is searched for once, not again from every header line before it.
    if (sip !== -1 && sip < ls) sip = text.indexOf("SIP/2.0", ls);
    if (sip >= 0 && sip < end && NEXT_MESSAGE.test(text.slice(i, end))) break;
    // /^([A-Za-z-]+)\s*:\s*(.*)$/ from i; `.` stops at \r, \u2028 and \u2029.
    const nameStart = i;
    for (let c = text.charCodeAt(i); i < end && (c === 45 || ((c | 0x20) >= 97 && (c | 0x20) <= 122)); ) {
      c = text.charCodeAt(++i);
    }
    if (i === nameStart) continue;
    const nameEnd = i;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 58) continue;
    i++;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (hasLineBreak(text, i, end)) continue;
    // The message's header lines run on up to the first line that is none.
    if (out.lines === k) out.lines = k + 1;
    const c0 = text.charCodeAt(nameStart) | 0x20;
    // Only Call-ID (i), CSeq, ms-diagnostics, Retry-After, Server, User-Agent and Via (v) are read.
    if (c0 !== 99 && c0 !== 105 && c0 !== 109 && c0 !== 114 && c0 !== 115 && c0 !== 117 && c0 !== 118)
      continue;
    // Only names of these lengths are read (i, v, via, cseq, server, call-id, retry-after,
    // user-agent, ms-diagnostics…): others are skipped before any string is cut out.
    const len = nameEnd - nameStart;
    if (len !== 1 && len !== 3 && len !== 4 && len !== 6 && len !== 7 && len < 10) continue;
    const name = text.slice(nameStart, nameEnd).toLowerCase();
    const raw = text.slice(i, end).trim();
    const value = byline && raw.endsWith(".") ? raw.slice(0, -1) : raw;
    if (name === "cseq") {
      if (!cseqAt(text, i, end, out)) {
        const m = CSEQ_METHOD.exec(value);
        if (m) {
          out.method = m[2];
          out.cseq = Number(m[1]);
        }
      }
    } else if ((name === "call-id" || name === "i") && !out.callId) out.callId = value.slice(0, 120);
    else if ((name === "via" || name === "v") && !out.via) out.via = VIA_HOST.exec(value)?.[1];
    else if ((name === "server" || name === "user-agent") && !out.agent) out.agent = value.slice(0, 80);
    else if (isDiagnosticsHeader(name) && !out.diagnostics) out.diagnostics = value.slice(0, 200);
    else if ((name === "contact" || name === "m") && !out.contact)
      out.contact = CONTACT_HOST.exec(value)?.[1];
    else if (sdp && (name === "content-type" || name === "c")) hasSdp = /\bsdp\b/i.test(value);
    else if (name === "retry-after" && out.retryAfter === undefined) {
      // "Retry-After: 300", "Retry-After: 18000;duration=3600", "Retry-After: 120 (I'm in a meeting)"
      const m = RETRY_SECONDS.exec(value);
      if (m) out.retryAfter = Number(m[1]);
    }
  }
  if (body) out.sdpAddress = sdpAddress(text, start);
  return out;
}

/**
 * The usual CSeq value at text[i, end), "102 INVITE" (digits, blanks, an upper-case method), read
 * in place into `out`; false for any other shape, which CSEQ_METHOD reads.
 */
function cseqAt(text: string, i: number, end: number, out: Surroundings): boolean {
  let n = 0;
  const from = i;
  for (let c = text.charCodeAt(i); i < end && c >= 48 && c <= 57; c = text.charCodeAt(++i))
    n = n * 10 + c - 48;
  if (i === from || i - from > 15 || !isSpace(text.charCodeAt(i))) return false;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  const m = i;
  for (let c = text.charCodeAt(i); i < end && c >= 65 && c <= 90; c = text.charCodeAt(++i));
  if (i === m) return false;
  out.method = text.slice(m, i);
  out.cseq = n;
  return true;
}

/** The first c= address of the SDP body whose first line starts at text[start], if it has one. */
function sdpAddress(text: string, start: number): string | undefined {
  for (let k = 0; k < 24; k++) {
    const e = text.indexOf("\n", start);
    const l = unquoted(text.slice(start, e < 0 ? undefined : e));
    if (!SDP_LINE.test(l)) return undefined;
    const m = SDP_CONNECTION.exec(l);
    // ngrep -W byline ends the line with "." (its CR); no address does.
    if (m) return (m[1] as string).replace(/\.$/, "");
    if (e < 0) return undefined;
    start = e + 1;
  }
  return undefined;
}
