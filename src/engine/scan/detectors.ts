// Per-segment detectors: each recognises one way a code shows up in a log (a SIP status line, a
// pjsip summary, a Reason header, a Mobius error line, an ACS callEndReason, an HTTP client error…).
// `gates` (see gates.ts) skips the ones that cannot match; the default runs them all.
import type { Namespace } from "../../catalog/schema.js";
import { normalizeText } from "../../catalog/text.js";
import { actionResultWords, isActionSubcode } from "./acs-records.js";
import { detectAsteriskSip } from "./asterisk-sip.js";
import { detectCauses } from "./causes.js";
import { nameDependencies } from "./dependency.js";
import { detectApiXml } from "./exotel-xml.js";
import { ALL_DETECTORS, D, VENDOR } from "./gates.js";
import { all, type Emit, type Extra, type Hit, hit, put, reasonPhrase } from "./hit.js";
import { statusNamespace } from "./http-status.js";
import { detectLoose, place } from "./loose.js";
import { mobiusReply } from "./mobius-http.js";
import { detectOkHttpFailed } from "./okhttp-failed.js";
import { endsCall, OWN_CAUSE } from "./own-causes.js";
import * as P from "./patterns.js";
import type { ScanIndex } from "./scan-index.js";
import { detectSdkHttpErrors } from "./sdk-http-errors.js";
import { detectStackReplies } from "./stack-replies.js";
import { detectVendor } from "./vendor.js";

export type { Hit } from "./hit.js";
export { withoutClaimed } from "./mobius-http.js";
export { detectVendor } from "./vendor.js";

export function isQuietLine(line: string): boolean {
  return P.SDP_LINE.test(line) || (P.VALUE_HEADER.test(line) && !P.STATUS_IN_HEADER.test(line));
}

/** Q.850 causes stop at 127; stacks that print a SIP status as the "cause" mean the SIP code. */
function causeNamespace(code: number): Namespace {
  return code > 127 && code <= 699 ? "sip" : "q850";
}

/**
 * FreeSWITCH prints its cause number with the name ("Originate Resulted in Error Cause: 609
 * [GATEWAY_DOWN]"). Past 127 that number is FreeSWITCH's own (500 CRASH … 609 GATEWAY_DOWN), no SIP
 * status: the name, read by the cause-name detectors, is the code.
 */
const NAMED_AFTER = /^[ \t]*\[[A-Z][A-Z_]+\]/;
function ownNumber(code: number, segment: string, m: RegExpExecArray): boolean {
  return code > 127 && NAMED_AFTER.test(segment.slice(m.index + m[0].length, m.index + m[0].length + 48));
}

interface SingleCode {
  re: RegExp;
  /** "cause": decided by the value. */
  ns: Namespace | "cause";
  confidence: number;
  detector: string;
  gate: number;
  /** Every match contains a trigger word. */
  proven: boolean;
  /** The code of a match: its first group, unless the pattern says otherwise. */
  read: (m: RegExpExecArray) => number;
  /** What the match says besides the code (the method it answers). */
  extra?: (m: RegExpExecArray) => Extra | undefined;
}
const first = (m: RegExpExecArray) => Number(m[1]);
const single = (
  re: RegExp,
  ns: Namespace | "cause",
  confidence: number,
  detector: string,
  gate: number,
  proven: boolean,
  read = first,
  extra?: (m: RegExpExecArray) => Extra | undefined,
): SingleCode => ({ re, ns, confidence, detector, gate, proven, read, extra });
/** A hex cause in group 1 ("0x22"), or a decimal one in group 2. */
const hexOrDecimal = (m: RegExpExecArray) => (m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]));

/** Registration logs: the response answers a REGISTER. */
const REGISTER = { method: "REGISTER" } as const;
/** Twilio Voice Insights' call summary: its last SIP response answered the call's INVITE. */
const insightsCall = (m: RegExpExecArray): Extra | undefined =>
  /last_sip_response_num/i.test(m[0]) ? { method: "INVITE" } : undefined;

/** FreeSWITCH's sip_invite_failure_status: the final response to the call's INVITE. */
const inviteFailure = (m: RegExpExecArray): Extra | undefined =>
  m[0].includes("invite_failure") ? { method: "INVITE" } : undefined;

/** Detectors whose first group is the code. */
const SINGLE_CODE: readonly SingleCode[] = [
  single(P.CAUSE_NUM, "cause", 0.85, "cause-number", D.CAUSE_NUM, false),
  single(P.AMI_CAUSE, "cause", 0.7, "ami-cause", D.CAUSE_NUM, false),
  single(P.PAREN_CAUSE, "cause", 0.85, "cause-number", D.CAUSE_NUM, false),
  single(P.PROSE_CAUSE, "cause", 0.75, "cause-number", D.CAUSE_NUM, false, hexOrDecimal),
  single(P.HTTP_STATUS_LINE, "http", 0.95, "http-status", D.HTTP_LINE, true),
  single(P.HTTP_REQUEST, "http", 0.9, "http-request", D.HTTP_LINE, true),
  single(P.ACCESS_LOG, "http", 0.9, "access-log", D.ACCESS, true),
  single(P.PY_HTTP, "http", 0.9, "http-client", D.PY_HTTP, true),
  single(P.SOFIA_STATE, "sip", 0.9, "sofia-state", D.SOFIA, true),
  single(P.SIP_WORD, "sip", 0.85, "sip-word", D.SIP_WORD, false),
  // In capitals ("SIPSTATUS=486") a key may hold no trigger word: the match is the proof.
  single(P.SIP_KEY, "sip", 0.9, "sip-key", D.SIP_KEY, false, first, insightsCall),
  single(P.SCRIPT_REPLY, "sip", 0.9, "script-reply", D.SCRIPT, true),
  // Every match holds "fail" or "cause", trigger words.
  single(P.FS_SIP_VARIABLE, "sip", 0.9, "sip-key", D.SIP_KEY, true, first, inviteFailure),
];

export function detect(segment: string, index: ScanIndex, sink: Emit, gates = ALL_DETECTORS): void {
  /** Failures found, for the dependency the line may name as the side that answered. */
  let failures: Hit[] | undefined;
  const emit: Emit = (h, at) => {
    // A Call Automation action's result is named by its event and message (acs-records.ts).
    if (h.namespace === "acs" && isActionSubcode(h.subcode))
      h.reason = actionResultWords(segment, at, h.len, h.code, h.subcode as number);
    if (h.code >= 400 || h.namespace === "mobius") {
      failures ??= [];
      failures.push(h);
    }
    sink(h, at);
  };
  detectAll(segment, index, emit, gates);
  if (failures) nameDependencies(segment, failures);
}

function detectAll(segment: string, index: ScanIndex, emit: Emit, gates: number): void {
  // The contexts are only read when a detector that depends on them runs.
  let httpCtx: boolean | undefined;
  const http = () => (httpCtx ??= P.HTTP_CONTEXT.test(segment) || P.HTTP_METHOD_PATH.test(segment));
  let bareNs: "sip" | "http" | undefined;
  /** The namespace of a bare number: HTTP in an HTTP client's log, SIP otherwise (statusNamespace
   *  then reads a number no HTTP server sends as SIP). */
  const bare = () => (bareNs ??= http() && !P.SIP_CONTEXT.test(segment) ? "http" : "sip");
  if (gates & D.SIP_STATUS)
    all(P.SIP_STATUS, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.99, "sip-status", true, { reason: reasonPhrase(m[2]) }), m),
    );
  if (gates & D.PJSIP) {
    all(P.PJSIP, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.95, SUMMARY, true, { method: m[2] }), m),
    );
    all(P.PJSIP_OUTBOUND_REG, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.95, "pjsip-registration", true, REGISTER), m),
    );
    // "401 received after 3 attempts": refused every time, a final answer (shares PJSIP's gate).
    all(P.AUTH_GAVE_UP, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.9, "auth-failed", true, { method: m[2] }), m),
    );
    // chan_sip's registration results and Asterisk's 404 for an extension its dialplan lacks.
    detectAsteriskSip(segment, emit);
  }
  // pjsip's "[status=170408]", Kamailio's "[REPLY] 486 Busy", Twilio's "response_status_code".
  if (gates & (D.PJSIP | D.SCRIPT | D.RESPONSE_STATUS)) detectStackReplies(segment, emit, gates);
  if (gates & D.REASON)
    all(P.REASON, segment, (m) => {
      const ns = m[1]?.toUpperCase() === "SIP" ? "sip" : "q850";
      // Q.850 has no cause 0.
      if (ns === "q850" && Number(m[2]) === 0) return;
      put(emit, hit(ns, Number(m[2]), null, 0.95, "reason", m[0], { reason: m[3] }), m);
    });
  const pair = gates & VENDOR ? detectVendor(segment, index, emit, gates) : undefined;
  if (index.causeNameRe && gates & D.CAUSE_NAME) {
    all(index.causeNameRe, segment, (m) => {
      const named = index.causeNames.get(m[1] ?? "");
      if (named) put(emit, hit(named.namespace, named.code, null, 0.9, "cause-name", m[0]), m);
      else {
        // FreeSWITCH's own names are read only where they end a call ("Hangup … [GATEWAY_DOWN]").
        const own = index.ownCauses.get(m[1] ?? "");
        if (own && endsCall(segment))
          put(
            emit,
            hit(own.namespace, own.code, null, 0.85, OWN_CAUSE, m[0], { entryId: own.id, reason: m[1] }),
            m,
          );
      }
    });
  }
  for (let i = 0; i < SINGLE_CODE.length; i++) {
    const d = SINGLE_CODE[i] as SingleCode;
    if (!(gates & d.gate)) continue;
    all(d.re, segment, (m) => {
      const code = d.read(m);
      const ns = d.ns === "cause" ? causeNamespace(code) : d.ns;
      if (ns === "q850" && code === 0) return;
      if (d.ns === "cause" && ownNumber(code, segment, m)) return;
      const h = hit(ns, code, null, d.confidence, d.detector, d.proven ? true : m[0], d.extra?.(m));
      // A status from a Mobius URL is Mobius's (mobius-http.ts).
      put(emit, ns === "http" ? mobiusReply(h, segment, index) : h, m);
    });
  }
  // An API's XML error body (Exotel v1, Twilio 2010): `<Status>401</Status>` shares HTTP_LINE's gate.
  if (gates & D.HTTP_LINE) detectApiXml(segment, index, emit);
  if (gates & (D.CAUSE_NUM | D.CAUSE_NAME)) detectCauses(segment, index, emit, gates);
  // OkHttp's `<-- HTTP FAILED: …`: the request got no response at all.
  if (gates & D.OKHTTP) detectOkHttpFailed(segment, emit);
  // "WebexHttpError.TooManyRequests": the status is the error class's name.
  if (gates & D.PY_HTTP) detectSdkHttpErrors(segment, index.httpClassNames, emit);
  if (gates & D.SOFIA) {
    all(P.SOFIA_REG, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.95, "sofia-registration", true, REGISTER), m),
    );
    // "failed (403)" shares the gate: a registration failure too, in Asterisk's words.
    all(P.FAILED_PAREN, segment, (m) => {
      const code = Number(m[1]);
      if (bare() === "http" && code >= 600) return;
      const ns = statusNamespace(bare(), code);
      const extra = P.REGISTRATION.test(segment) ? REGISTER : undefined;
      put(emit, place(hit(ns, code, null, 0.85, "failed-code", m[0], extra), segment, index), m);
    });
  }
  if (gates & D.HTTP_CLIENT && http()) {
    all(P.HTTP_CLIENT, segment, (m) => {
      // `{"statusCode":403,…,"mobius-error":"115"}` is one Mobius error, not also an HTTP 403.
      if (pair && m.index >= pair.from && m.index < pair.to) return;
      // SIP.js and JsSIP log `statusCode: 486` too: a number no HTTP server sends is SIP.
      const code = Number(m[1]);
      const h = hit(statusNamespace("http", code), code, null, 0.85, "http-client", m[0]);
      put(emit, mobiusReply(h, segment, index), m);
    });
  }
  if (gates & D.QUOTED)
    all(P.QUOTED_PHRASE, segment, (m) => {
      const code = index.sipByPhrase.get(normalizeText(m[1] ?? ""));
      if (code !== undefined) put(emit, hit("sip", code, null, 0.8, "phrase-only", true), m);
    });
  for (const [re, gate] of STACK) {
    if (!(gates & gate)) continue;
    all(re, segment, (m) => {
      const code = Number(m[1]);
      // No HTTP status reaches 600.
      if (bare() === "http" && code >= 600) return;
      const ns = statusNamespace(bare(), code);
      const h = place(hit(ns, code, null, 0.8, "stack-statement", m[0]), segment, index);
      if (h.namespace === "sip" && P.REGISTRATION.test(segment)) h.method = REGISTER.method;
      put(emit, h, m);
    });
  }
  if (gates & (D.PHRASED | D.PROSE_BEFORE | D.PROSE_AFTER | D.KEYWORD))
    detectLoose(segment, index, bare, emit, gates);
}

/** Every detector on pieces of a long line, `size` long and overlapping by `overlap`. */
export function detectLong(line: string, index: ScanIndex, size: number, overlap: number): Hit[] {
  const hits: Hit[] = [];
  for (let off = 0; off < line.length; off += size - overlap) {
    const piece = line.slice(off, off + size);
    const last = off + size >= line.length;
    detect(
      piece,
      index,
      (h, at) => {
        // A match that runs into the cut ("subCode": 311|2) may be cut short; the next piece,
        // which starts `overlap` characters earlier, sees it whole.
        if (!last && at + h.len >= piece.length) return;
        h.at = at + off;
        hits.push(h);
      },
      ALL_DETECTORS,
    );
  }
  return hits;
}

/**
 * The detector of a stack's one-line summary of a message that it logs right after (pjsip's
 * "RX 512 bytes Response msg 503/INVITE/cseq=1 … from UDP 10.0.0.9:5060:").
 */
export const SUMMARY = "pjsip";

const STACK = [
  [P.BRACKETED, D.BRACKETED],
  [P.KEY_VALUE, D.KEY_VALUE],
  [P.CODE_PHRASE, D.CODE_PHRASE],
] as const;
