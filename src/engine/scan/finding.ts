// Turning hits into findings: the catalog id, and the surroundings a finding carries (timestamp,
// method, Call-ID, host, redacted excerpt). Which hits of a line count is same-line.ts's rule.
import type { Catalog } from "../../catalog/indexes.js";
import type { Namespace } from "../../catalog/schema.js";
import { CHAN_UNAVAIL_REASON, DIAL_LOOKBACK, dialledTrunk } from "./chan-unavail.js";
import { knownApi } from "./client-url.js";
import { emptySurroundings, lineSurroundings, type Surroundings } from "./context.js";
import { copy, detach } from "./detach.js";
import type { Hit } from "./detectors.js";
import { excerptOf } from "./excerpt.js";
import { resolveId } from "./finding-id.js";
import { hostRole, namedHost } from "./hosts.js";
import { recordAt, recordTimeAt } from "./json-time.js";
import { replyHost } from "./mobius-http.js";
import { pairDiagnostics, parseDiagnostics } from "./ms-diagnostics.js";
import { noteNat } from "./nat.js";
import { failedRequestHost, OKHTTP_FAILED, REQUEST_LOOKBACK } from "./okhttp-failed.js";
import { OWN_CAUSE } from "./own-causes.js";
import { PBX_REPLY } from "./pbx-refusals.js";
import { type RedactOptions, redact } from "./redact.js";
import { stampLength } from "./repeats.js";
import { SDK_HTTP_ERROR, sdkRequestHost } from "./sdk-http-errors.js";
import { SCRIPT_REPLY_TAGGED } from "./stack-replies.js";
import { TWILIO_WEBHOOK } from "./twilio-rest.js";
import { RETRIEVAL_AGENT, TWILIO_RETRIEVAL } from "./twilio-retrieval.js";
import { TWILIO_UNREACHABLE, UNREACHABLE_AGENT } from "./twilio-unreachable.js";
import { WEBHOOK_AGENT, WEBHOOK_CHECKS, webhookHost } from "./twilio-webhook-host.js";
import { UUID_LEAD } from "./voicemail.js";

export interface Finding {
  namespace: Namespace;
  code: number;
  subcode: number | null;
  /** Catalog id, or null when the code is real but the catalog has no entry for it. */
  id: string | null;
  line: number;
  /** The line the code was found on, redacted and shortened. */
  text: string;
  /** The request method the response answers; "re-INVITE" for an INVITE inside an answered call. */
  method?: string;
  /** The CSeq number of the response's message. */
  cseq?: number;
  callId?: string;
  timestamp?: string;
  tsMs?: number;
  direction?: "in" | "out" | "local";
  host?: string;
  agent?: string;
  via?: string;
  /**
   * For a response logged as received from a peer the log does not name (Cisco's "Received:"):
   * the Request-URI host of the request it answers, the best name the log gives that peer.
   */
  requestUri?: string;
  /** The response's Retry-After, in seconds. */
  retryAfter?: number;
  /** A private (RFC 1918) address in the SDP c= line or Contact of a 2xx from a public host. */
  privateSdp?: string;
  privateContact?: string;
  reason?: string;
  dependency?: string;
  /** For a 404 or 480 a proxy sent itself: the line where its registrar found no contact for the
   *  callee ("'alice' Not found in usrloc"). */
  unregistered?: number;
  /** For FreeSWITCH's CODEC NEGOTIATION ERROR: its session's channel, "external@203.0.113.5" (a call
   *  received on that profile from that host) or "gateway/carrier_a" (a leg placed through it). */
  channel?: string;
  /** For an Asterisk Dial() that ended CHANUNAVAIL: the trunks it dialled ("PJSIP/carrier-trunk"),
   *  joined with "&", then any phones dialled with them, each marked " (phone)". */
  trunk?: string;
  /** For a code in FreeSWITCH channel dumps: set when the two legs of one bridge both ended with it. */
  legs?: string;
  /** The log's own system is an SBC or voice gateway: the transport line above the message is
   *  Cisco's, AudioCodes' or Oracle's. */
  sbc?: true;
  /** For a FreeSWITCH line that starts with its session's UUID: that UUID (the excerpt may cut it). */
  uuid?: string;
  confidence: number;
  detector: string;
}

/** A line that names the request a re-INVITE ("re-INVITE (T.38) rejected: 488"). */
const REINVITE_WORD = /\bre-?INVITE\b/i;
/** The detector of a script's reply (sl_send_reply, t_reply, sl_reply_error's "reply used: 478"). */
/**
 * Detectors of responses the log's own system made up: a Kamailio/OpenSIPS script's reply, a
 * PBX's own refusal (Asterisk's dialplan, a login it refused), a FreeSWITCH cause of its own.
 */
const MADE_LOCALLY = new Set(["script-reply", PBX_REPLY, OWN_CAUSE]);
const NO_HEADERS: Surroundings = emptySurroundings();

/** What the scanner knows about the line beyond its text. */
export interface LineContext {
  catalog: Catalog;
  lineNo: number;
  line: string;
  /** The line's own timestamp, or the nearest one in the three lines before it. */
  time(): { text: string; ms: number } | undefined;
  /** For SIP status lines: the headers of the message that follows. */
  headers(): Surroundings;
  /**
   * How many input lines the next `n` lines end: fewer than `n` when they are pieces of one
   * input line (an opened JSON-escaped message). Absent: `n`.
   */
  inputLines?(n: number): number;
  /** The next `n` lines (fewer at the end of what has been read). */
  below?(n: number): string[];
  /** The `n` lines before (fewer at the start of what is kept), nearest first. */
  above?(n: number): string[];
}

/**
 * What a line's own words say (host, direction, method, Call-ID), read from its text after a
 * leading timestamp, which names none of them: a trace repeats "SIP/2.0 200 OK" under many stamps,
 * so that text is read once. Shared between lines: callers only read it.
 */
const aroundByText = new Map<string, Surroundings>();
function surroundingsOf(line: string): Surroundings {
  const head = line.slice(0, 600);
  // The stamp is read from the whole line, which its cache has seen already.
  const stamp = stampLength(line);
  if (stamp === 0 || head.length - stamp > 120) return lineSurroundings(head);
  const rest = head.slice(stamp);
  let known = aroundByText.get(rest);
  if (!known) {
    if (aroundByText.size >= 512) aroundByText.clear();
    known = lineSurroundings(rest);
    // Copies: the text and what was read from it are cut from the input, which the cache outlives.
    detach(known);
    aroundByText.set(copy(rest), known);
  }
  return known;
}

export function toFinding(ctx: LineContext, h: Hit, opts: RedactOptions): Finding {
  const { line } = ctx;
  const around = surroundingsOf(line);
  const status = h.detector === "sip-status";
  const headers = status ? ctx.headers() : NO_HEADERS;
  // Several records on one line (a JSON list of alerts): each is dated by its own time member.
  const ts = recordTimeAt(line, h.at) ?? ctx.time();
  const excerpt = excerptOf(line, h, opts);
  // Every field is present from the start, so all findings share one shape (the analysis reads
  // each of them many times); JSON leaves out the undefined ones.
  const f: Finding = {
    namespace: h.namespace,
    code: h.code,
    subcode: h.subcode,
    id: resolveId(ctx.catalog, h),
    line: ctx.lineNo,
    text: excerpt,
    method: undefined,
    cseq: undefined,
    callId: undefined,
    timestamp: undefined,
    tsMs: undefined,
    direction: undefined,
    host: undefined,
    agent: undefined,
    via: undefined,
    requestUri: undefined,
    retryAfter: undefined,
    privateSdp: undefined,
    privateContact: undefined,
    reason: undefined,
    dependency: undefined,
    unregistered: undefined,
    channel: undefined,
    trunk: undefined,
    legs: undefined,
    sbc: undefined,
    uuid: undefined,
    confidence: h.confidence,
    detector: h.detector,
  };
  // A FreeSWITCH line starts with its session's UUID: kept whole, since a long line's excerpt cuts it.
  if (line.charCodeAt(8) === 45 || line.charCodeAt(9) === 45) {
    const uuid = UUID_LEAD.exec(line)?.[1];
    if (uuid) f.uuid = uuid.toLowerCase();
  }
  const method =
    h.method ?? headers.method ?? around.method ?? (REINVITE_WORD.test(line) ? "re-INVITE" : undefined);
  if (method) f.method = method;
  const cseq = headers.cseq ?? around.cseq;
  if (cseq !== undefined && Number.isSafeInteger(cseq)) f.cseq = cseq;
  const callId = headers.callId ?? around.callId;
  if (callId) f.callId = redact(callId, opts);
  if (ts) {
    if (ts.text) f.timestamp = ts.text;
    f.tsMs = ts.ms;
  }
  // A Kamailio/OpenSIPS script's reply (sl_send_reply("503", …)) is made up by the log's own system,
  // and so is a response a proxy sends because its next hop failed ("no reply received from X,
  // sending 408", nginx's 502 for its upstream_addr).
  const direction =
    MADE_LOCALLY.has(h.detector) || (around.host && byProxy(line, around.host, h.code))
      ? "local"
      : // An onreply_route's tag logs a reply the proxy received: its $si sent it.
        (around.direction ?? (h.detector === SCRIPT_REPLY_TAGGED ? "in" : undefined));
  if (direction) f.direction = direction;
  if (around.host) f.host = around.host;
  else if (headers.host) {
    // A packet dump: the transport line above the status line names who sent the response.
    f.host = headers.host;
    if (headers.direction && !direction) f.direction = headers.direction;
  } else if (headers.direction && !direction) {
    // Cisco's "Received:"/"Sent:" above the message: which way it went, though no host is named.
    f.direction = headers.direction;
  }
  // A client's status came from the host its request URL names (a Mobius URL: that cluster).
  const cluster = f.host
    ? undefined
    : (replyHost(h.detector, line) ??
      (h.detector === SDK_HTTP_ERROR ? sdkRequestHost(line, ctx.below?.(3)) : undefined));
  if (cluster) {
    f.host = cluster;
    f.direction = "in";
  }
  // Twilio's alert of a failed webhook: the app's own server answered Twilio's request.
  const webhook =
    h.detector === TWILIO_WEBHOOK && !f.host
      ? webhookHost(recordAt(line, h.at) ?? line, ctx.below)
      : undefined;
  if (webhook) {
    f.host = webhook;
    f.direction = "in";
    f.agent = WEBHOOK_AGENT;
    f.method ??= WEBHOOK_CHECKS;
  }
  if (headers.agent) f.agent = redact(headers.agent, opts);
  else if (cluster) {
    // A known platform's API host ("api.exotel.com"): whose API answered, in words.
    const api = knownApi(cluster);
    if (api) f.agent = api;
  }
  if (headers.via) f.via = headers.via;
  if (headers.sbc) f.sbc = true;
  if (headers.retryAfter !== undefined) f.retryAfter = headers.retryAfter;
  if (headers.contact || headers.sdpAddress) noteNat(f, headers);
  if (h.reason) f.reason = redact(h.reason, opts);
  if (h.reason === CHAN_UNAVAIL_REASON) {
    const trunk = dialledTrunk(line, ctx.above?.(DIAL_LOOKBACK) ?? []);
    if (trunk) f.trunk = trunk;
  }
  // OkHttp's `<-- HTTP FAILED` names no host: the request line logged above it does.
  if (h.detector === OKHTTP_FAILED)
    f.host = failedRequestHost(line, ctx.above?.(REQUEST_LOOKBACK) ?? []) ?? f.host;
  if (h.dependency) f.dependency = h.dependency;
  // A pretty-printed 11205 or 11200 record may name its webhook further below than the detector reads.
  else if ((h.detector === TWILIO_UNREACHABLE || h.detector === TWILIO_RETRIEVAL) && ctx.below) {
    const host = webhookHost(line, ctx.below);
    const agent = h.detector === TWILIO_RETRIEVAL ? RETRIEVAL_AGENT : UNREACHABLE_AGENT;
    if (host) f.dependency = `${host} (${agent})`;
  }
  // Teams Direct Routing: Microsoft's subcode in the response's own ms-diagnostics header.
  const diagnostics = headers.diagnostics ? parseDiagnostics(headers.diagnostics) : undefined;
  if (diagnostics) {
    if (diagnostics.reason) diagnostics.reason = redact(diagnostics.reason, opts);
    pairDiagnostics(f, diagnostics, ctx.catalog);
  }
  if (status) {
    lastStatus = f;
    const n = headers.lines ?? 0;
    lastStatusLines = ctx.inputLines ? ctx.inputLines(n) : n;
  }
  return f;
}

/** Codes a proxy answers with itself when the hop it passed the request to fails it. */
const PROXY_CODES = new Set([408, 480, 500, 502, 503, 504]);

/** Whether `host` is the next hop the line says failed the request, so the log's own system made
 *  up the response. */
function byProxy(line: string, host: string, code: number): boolean {
  if (!PROXY_CODES.has(code)) return false;
  const named = namedHost(line.slice(0, 600));
  return named?.host === host && named.role === "upstream";
}

/** The status line's finding toFinding built last, and how many header lines follow it. */
let lastStatus: Finding | undefined;
let lastStatusLines = 0;

/**
 * The last line of the message whose status line `f` was found on, for the finding toFinding
 * has just built (the finding store asks right away); otherwise undefined.
 */
export function messageEnd(f: Finding): number | undefined {
  return f === lastStatus ? f.line + lastStatusLines : undefined;
}

/**
 * Gives `f`, a code found in a header ("Reason: Q.850;cause=34") of the message whose status line's
 * finding is `status`, that message's time and host: the cause is shown when and where its
 * response is.
 */
export function borrowMessage(f: Finding, status: Finding): void {
  if (status.timestamp !== undefined && status.tsMs !== undefined) {
    f.timestamp = status.timestamp;
    f.tsMs = status.tsMs;
  }
  // The header belongs to the message's call: correlations stay within it.
  if (f.callId === undefined && status.callId !== undefined) f.callId = status.callId;
  if (f.host || !status.host) return;
  f.host = status.host;
  const role = hostRole(status.text, status.host, status.direction);
  const direction = role === "sender" ? "in" : role === "receiver" ? "out" : status.direction;
  if (direction) f.direction = direction;
  else delete f.direction;
}
