// Pasted SIP header, request and SDP lines (Expires: 600, CSeq: 102 INVITE, INVITE sip:… SIP/2.0,
// Warning: 399 …, m=audio …): what the line and its numbers are, since those numbers are lifetimes,
// counts, users, ports, payload types or warn-codes, not response codes.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import { diagnosticsHeaderResult } from "./explain-diagnostics.js";
import { unknownAnswer } from "./explain-no-entry.js";
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
  "User-Agent": {
    says: "the software of the client that sent the message; it names a product, not a result",
  },
  Server: { says: "the software of the server that answered; it names a product, not a result" },
  From: { says: "the caller's address; numbers in it are a user, a phone number or a port" },
  To: { says: "the called party's address; numbers in it are a user, a phone number or a port" },
  "Call-ID": { says: "the identifier that ties the messages of one call together; it means nothing itself" },
  Route: { says: "the proxies the request must pass; numbers in it are addresses or ports" },
  "Record-Route": {
    says: "the proxies that stay on the path of later requests in the call; numbers in it are addresses or ports",
  },
  Allow: { says: "the methods the sender accepts" },
  Supported: { says: "the SIP extensions the sender supports (100rel, timer, replaces…)" },
  Require: {
    says: "the SIP extensions the receiver must support; one it lacks is answered 420 Bad Extension",
    related: ["sip/420"],
  },
  "Content-Type": { says: "the type of the message body (application/sdp for an offer or answer)" },
  "P-Asserted-Identity": {
    says: "the caller identity a trusted network asserts; numbers in it are a user or a phone number",
  },
  Diversion: { says: "who forwarded the call, and why; numbers in it are a user or a phone number" },
  port: {
    says: "a port number (SIP's default is 5060 over UDP or TCP and 5061 over TLS); ports are never response codes",
  },
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
  if (parsed.request) {
    const note = `"${echo(`${header} ${value}`, 60)}" is a SIP ${header} request line, not a code — paste the response to it, or the whole trace.`;
    return unknownAnswer({ query, parsed }, note);
  }
  if (header === "Warning") return warningResult(c, query, parsed);
  if (header === "ms-diagnostics") return diagnosticsHeaderResult(query, parsed);
  if (header === "packet") return packetResult(query, parsed);
  if (header === "Reason") return answeredElsewhere(c, query, parsed);
  const about = HEADER_MEANING[header] ?? { says: "an SDP line; its numbers are not codes" };
  const sdp = header.endsWith("=");
  const line = echo(`${header}${sdp ? "" : header === "port" ? " " : ": "}${value}`, 60);
  const n = /^\d{1,9}$/.test(value) ? Number(value) : null;
  const duration = about.seconds && n !== null ? ` (${lifetime(n)})` : "";
  const timers =
    about.timers && n !== null ? ` To see the timers it sets, try \`timers ${about.timers}=${n}\`.` : "";
  const what = sdp || header === "port" ? "is" : "is a SIP header, not a code:";
  const says = about.says.includes("{d}") ? about.says.replace("{d}", duration) : `${about.says}${duration}`;
  const note = `"${line}" ${what} ${says}.${timers}`;
  const suggestions = (about.related ?? [])
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  return unknownAnswer({ query, parsed }, note, suggestions);
}

/**
 * A packet header line whose message the scanner found no code in ("<--- Received SIP response
 * (482 bytes) from …"): the number is the size of the message, and the code is in the start line
 * below it.
 */
function packetResult(query: string, parsed: ParsedQuery & { type: "header" }): ExplainResult {
  const size = /(\d{1,6})\s+bytes/i.exec(parsed.value)?.[1];
  const note =
    `"${echo(parsed.value, 60)}" is a packet header line: ${size ? `${size} bytes is the size of the message` : "it gives the message's size"}, not a code. ` +
    "A response's code is in the status line below it (SIP/2.0 …); paste that line, or the whole message.";
  return unknownAnswer({ query, parsed }, note);
}

/** RFC 3261 §20.43 warn-codes (380 and 381: RFC 5630); 3xx, never responses. */
const WARN_CODES: Readonly<Record<number, string>> = {
  300: "Incompatible network protocol",
  301: "Incompatible network address formats",
  302: "Incompatible transport protocol",
  303: "Incompatible bandwidth units",
  304: "Media type not available",
  305: "Incompatible media format",
  306: "Attribute not understood",
  307: "Session description parameter not understood",
  330: "Multicast not available",
  331: "Unicast not available",
  370: "Insufficient bandwidth",
  380: "SIPS Not Allowed",
  381: "SIPS Required",
  399: "Miscellaneous warning",
};
/** warn-code, warn-agent and the quoted warn-text: `305 10.0.0.1 "Incompatible media format"`. */
const WARNING_RE = /^(\d{3})\s+(\S+)(?:\s+"([^"]*)"?)?/;

/**
 * "Warning: 305 10.0.0.1 \"Incompatible media format\"": a warn-code, which is no response code
 * (RFC 3261 §20.43). It says what the session description lacked; 399's text is the explanation.
 * The response it came with is the code to look up.
 */
function warningResult(c: Catalog, query: string, parsed: ParsedQuery & { type: "header" }): ExplainResult {
  const m = WARNING_RE.exec(parsed.value);
  const code = m ? Number(m[1]) : null;
  const name = code === null ? undefined : WARN_CODES[code];
  const by = m?.[2] ? ` from ${echo(m[2], 40)}` : "";
  const text = m?.[3]?.trim() ? echo(m[3].trim(), 80) : "";
  const what =
    code === null
      ? "it carries a warn-code, a host and a text"
      : code === 399
        ? `warn-code 399 is "${name}": the text is the explanation${text ? `: "${text}"` : ""}`
        : name
          ? `warn-code ${code} is "${name}"${text && text.toLowerCase() !== name.toLowerCase() ? `; the text says "${text}"` : ""}`
          : `warn-code ${code} is not one RFC 3261 lists${text ? `; the text is the explanation: "${text}"` : ""}`;
  // The media and session description warnings come with 488 or 606.
  const media = code !== null && code >= 300 && code <= 370;
  const note =
    `Warning ${code ?? ""}${by} is a SIP Warning header (RFC 3261 §20.43), not a response code: ${what}. ` +
    `Look up the response it came with${media ? " (often 488 or 606)" : ""}.`;
  const suggestions = (media ? ["sip/488", "sip/606"] : [])
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  return unknownAnswer({ query, parsed }, note, suggestions);
}

/**
 * "Reason: SIP;cause=200;text=\"Call completed elsewhere\"" (RFC 3326): a CANCEL (or BYE) telling
 * the phones still ringing that another device or branch answered. Nothing failed; the Q.850 cause
 * the same event carries on the PSTN side, 26 (non-selected user clearing), is the card to show.
 */
function answeredElsewhere(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "header" },
): ExplainResult {
  const note =
    "A Reason header with SIP;cause=200 (RFC 3326) comes on the CANCEL " +
    "that stops the phones still ringing because the call was answered on another device or branch " +
    '("Call completed elsewhere"). Nothing failed; those phones should not count it as a missed call.';
  const entry = c.byId.get("q850/26");
  if (!entry) return unknownAnswer({ query, parsed }, note);
  return {
    query,
    parsed,
    kind: "found",
    results: [entry],
    others: [],
    classEntry: null,
    note,
    suggestions: [],
  };
}
