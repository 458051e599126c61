// Pasted SIP header and SDP lines (Expires: 600, CSeq: 102 INVITE, m=audio …): what the line and
// its numbers are, since those numbers are lifetimes, counts, ports or payload types, not codes.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import type { ParsedQuery } from "./query.js";

/** Plain words for the numbers of SIP headers and SDP lines that people paste as if they were codes. */
const HEADER_MEANING: Readonly<
  Record<string, { says: string; seconds?: boolean; timers?: string; related?: string[] }>
> = {
  Expires: {
    says: "how long a registration or subscription should last, in seconds",
    seconds: true,
    timers: "expires",
    related: ["timer/sip-registration-refresh", "sip/423"],
  },
  "Min-Expires": {
    says: "the shortest registration or subscription lifetime the server accepts, in seconds{d}; it comes with 423 Interval Too Brief",
    seconds: true,
    related: ["sip/423"],
  },
  "Session-Expires": {
    says: "the session timer, how long the call may go without a refresh (re-INVITE or UPDATE) before it is ended, in seconds",
    seconds: true,
    timers: "session-expires",
    related: ["timer/session-expires", "timer/session-refresh"],
  },
  "Min-SE": {
    says: "the shortest session timer the sender accepts, in seconds{d}; it comes with 422 Session Interval Too Small",
    seconds: true,
    timers: "min-se",
    related: ["timer/min-se", "sip/422"],
  },
  "Retry-After": {
    says: "how long to wait before trying again, in seconds{d}; it comes with a response such as 503, 486 or 600, whose code is the one to look up",
    seconds: true,
  },
  CSeq: {
    says: "the request's sequence number and method; the number counts requests, it is not a status code",
  },
  "Content-Length": { says: "the size of the message body in bytes" },
  "Max-Forwards": {
    says: "how many more hops the request may take (usually 70 at the start); at 0 it is answered 483 Too Many Hops",
    related: ["sip/483"],
  },
  RSeq: { says: "the sequence number of a reliable provisional response (100rel, RFC 3262)" },
  RAck: {
    says: "which reliable provisional response a PRACK acknowledges: its RSeq, then the CSeq number and method",
  },
  Contact: {
    says: "the address where the sender can be reached directly; numbers in it are a user or a port",
  },
  Via: { says: "a hop the request passed and where responses go back; numbers in it are ports or versions" },
  "m=": {
    says: "an SDP media line: the media, its port, the transport and the payload types it offers (0 PCMU, 8 PCMA, 101 usually telephone-event)",
  },
  "c=": { says: "an SDP connection line: the address the media is sent to" },
  "o=": { says: "the SDP origin line: user, session id and version, and address" },
  "a=": {
    says: "an SDP attribute line (rtpmap, fmtp, sendrecv, crypto…); its numbers are payload types, ports or parameters",
  },
};

/** "600 s = 10 minutes" for a lifetime in seconds. */
function lifetime(value: number): string {
  if (value < 120) return `${value} s`;
  const unit = value % 3600 === 0 ? [value / 3600, "hour"] : value % 60 === 0 ? [value / 60, "minute"] : null;
  return unit ? `${value} s = ${unit[0]} ${unit[1]}${unit[0] === 1 ? "" : "s"}` : `${value} s`;
}

/**
 * "Expires: 600", "CSeq: 102 INVITE", "m=audio 49170 RTP/AVP 0 8 101": a pasted header or SDP line,
 * whose numbers are lifetimes, counts, ports or payload types. Says what the line is; no code card.
 */
export function headerResult(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "header" },
): ExplainResult {
  const { header, value } = parsed;
  const about = HEADER_MEANING[header] ?? { says: "an SDP line; its numbers are not codes" };
  const sdp = header.endsWith("=");
  const line = echo(`${header}${sdp ? "" : ": "}${value}`, 60);
  const n = /^\d{1,9}$/.test(value) ? Number(value) : null;
  const duration = about.seconds && n !== null ? ` (${lifetime(n)})` : "";
  const timers =
    about.timers && n !== null ? ` To see the timers it sets, try \`timers ${about.timers}=${n}\`.` : "";
  const what = sdp ? "is" : "is a SIP header, not a code:";
  const says = about.says.includes("{d}") ? about.says.replace("{d}", duration) : `${about.says}${duration}`;
  const note = `"${line}" ${what} ${says}.${timers}`;
  const suggestions = (about.related ?? [])
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  return { query, kind: "unknown", parsed, results: [], others: [], classEntry: null, note, suggestions };
}
