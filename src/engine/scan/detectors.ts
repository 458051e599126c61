// Per-segment detectors: each recognises one way a code shows up in a log (a SIP status line, a
// pjsip summary, a Reason header, a Mobius error line, an ACS callEndReason, an HTTP client error…).
// Every regex here is linear: no nested quantifiers, bounded gaps.
import type { Namespace } from "../../catalog/schema.js";
import { normalizeText } from "../../catalog/text.js";
import { phraseConfirms, type ScanIndex } from "./scan-index.js";

export interface Hit {
  namespace: Namespace;
  code: number;
  subcode: number | null;
  /** Position of the match inside the segment, for de-duplication and excerpts. */
  at: number;
  confidence: number;
  detector: string;
  method?: string;
  reason?: string;
  dependency?: string;
  entryId?: string;
  phase?: string;
}

/** Header lines whose numbers are values, never response codes. Reason and status lines are exempt. */
const VALUE_HEADER =
  /^\s*(?:CSeq|Content-Length|l|Max-Forwards|Expires|Session-Expires|x|Min-SE|Min-Expires|Retry-After|RSeq|RAck|Via|v|Call-ID|i|From|f|To|t|Contact|m|Route|Record-Route|Warning|Allow|Supported|k|Require|Content-Type|c|Accept|Date|Timestamp|P-[\w-]+|X-[\w-]+|Subject|Event|o|Subscription-State|Refer-To|Referred-By|Priority|Privacy|Identity|WWW-Authenticate|Proxy-Authenticate|Authorization|Proxy-Authorization|Organization|Call-Info|Alert-Info|Session-ID|Allow-Events|u|Accept-Contact)\s*:/i;
const SDP_LINE = /^\s*[a-z]=\S/;
export function isQuietLine(line: string): boolean {
  return SDP_LINE.test(line) || (VALUE_HEADER.test(line) && !/SIP\/2\.0\s+\d{3}/.test(line));
}

const HTTP_CONTEXT =
  /https?:\/\/|\bHTTP\/\d|\bHTTP \d|axios|okhttp|fetch|XMLHttpRequest|Client Error|Server Error|HttpClient|statusCode|statusText|<--|\bREST\b|\bAPI\b|CXAPI|CPAPI|webex-calling|retrofit/i;
/** Words that put a bare number in a SIP conversation (trunks, carriers, SIP stacks). */
const SIP_CONTEXT = /\bSIP\b|INVITE|REGISTER|\bBYE\b|trunk|carrier|\bSBC\b|\bPBX\b|proxy|\bUA[SC]?\b|sips?:/i;

type Emit = (h: Omit<Hit, "at"> & { at?: number }, at: number) => void;

/** A hit without its position; `emit` adds where it was found. */
function hit(
  namespace: Namespace,
  code: number,
  subcode: number | null,
  confidence: number,
  detector: string,
  extra: Partial<Pick<Hit, "method" | "reason" | "dependency" | "entryId" | "phase">> = {},
): Omit<Hit, "at"> {
  return { namespace, code, subcode, confidence, detector, ...extra };
}

function all(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

const SIP_STATUS = /SIP\/2\.0[ \t]+([1-6]\d\d)(?!\d)(?:[ \t]+([^\r\n]{1,60}))?/g;
const PJSIP = /Response msg (\d{3})\/([A-Z]+)\/cseq=\d+/g;
const REASON =
  /\bReason\s*:\s*"?(SIP|Q\.850)\s*;\s*cause\s*=\s*"?(\d{1,3})(?!\d)(?:[^\r\n]{0,40}?text\s*=\s*"([^"\r\n]{0,60})")?/gi;
const MOBIUS_ERR = /Error code\s*:\s*(\d{3})\s*:?\s*[A-Z][A-Z ]{0,30}?\s*,\s*mobius-error\s*:\s*(\d{2,4})/g;
const MOBIUS_PHASE = /\b(Registration|Unregistration|Call)\s*:\s*Error code\s*:\s*(\d{3})(?!\d)/g;
const MOBIUS_JSON = /"mobius[-_]?[eE]rror"\s*:\s*"?(\d{2,4})/;
/** webex-js-sdk calling client: "Status code: -> 403" then "Error code found : 101" a line or two later. */
const MOBIUS_SDK =
  /\bStatus(?: code)?\s*:?\s*->\s*(\d{3})(?!\d)(?:[^\n]{0,900}?Error code found\s*:\s*(\d{2,4}))?/g;
/** An HTTP client talking to Mobius, with the mobius error code in the response body. */
const MOBIUS_OKHTTP = /<--[ \t]+(\d{3})(?!\d)[^\n]{0,200}?mobius[^\n]{0,800}?"errorCode"\s*:\s*(\d{2,4})/g;
const MOBIUS_JSON_STATUS = /"(?:statusCode|status|response_status|httpStatus)"\s*:\s*"?(\d{3})(?!\d)/;
const RESPONSE_STATUS = /\bresponse_status"?\s*[:=]\s*"?(\d{3})(?!\d)/g;
const ACS_PAIR =
  /(?<![a-z])_?code\W{1,4}(\d{1,3})(?!\d)[^\n]{0,40}?(?<![a-z])_?sub[-_]?code\W{1,4}(\d{1,6})(?!\d)/gi;
const ACS_PAIR_REV =
  /(?<![a-z])_?sub[-_]?code\W{1,4}(\d{1,6})(?!\d)[^\n]{0,40}?(?<![a-z])_?code\W{1,4}(\d{1,3})(?!\d)/gi;
/** ACS Call Automation resultInformation carries the SIP and Q.850 details of a PSTN leg. */
const SIP_DETAILS = /SipDetails\W{1,8}code\W{1,4}(\d{3})(?!\d)/gi;
const Q850_DETAILS = /Q850Details\W{1,8}code\W{1,4}(\d{1,3})(?!\d)/gi;
const EXOTEL = /error_data[^\n]{0,160}?"code"\s*:\s*"?(1\d{3})(?!\d)/g;
const EXOTEL_REV = /"code"\s*:\s*"?(1\d{3})(?!\d)[^\n]{0,160}?"http_code"/g;
const CAUSE_NUM =
  /\b(?:HANGUPCAUSE|hangup[_-]?cause(?:[_-]?q850)?|Q\.?850[ _-]?cause|q850[_-]?cause|isdn[_-]?cause)"?\s*[:=(]?\s*"?(\d{1,3})(?![\d.])/gi;
const AMI_CAUSE = /\bCause\s*:\s*(\d{1,3})(?![\d.]|:\d)/gi;
const HTTP_STATUS_LINE = /\bHTTP(?:\/\d(?:\.\d)?)?[ \t]+([1-5]\d\d)(?![\d.]|:\d)/g;
/** Access logs (nginx, Apache, ingress): `"GET /path HTTP/1.1" 429 162`. */
const ACCESS_LOG = /HTTP\/\d(?:\.\d)?" ([1-5]\d\d) (?:\d+|-)/g;
const AXIOS_OBJECT = /\bstatus\W{1,4}([1-5]\d\d)(?!\d)[^\n]{0,30}?statusText/g;
const HTTP_CLIENT =
  /(?:<--[ \t]+|status code[ \t]+|HttpClientErrorException\$\w+:[ \t]*|HttpServerErrorException\$\w+:[ \t]*|\bstatus(?:Code)?["']?\s*[:=]\s*)([1-5]\d\d)(?![\d.])/gi;
const PY_HTTP = /\b([45]\d\d) (?:Client|Server) Error\b/g;
const PHRASED = /(?<![\w.:/=-])([1-6]\d\d)[ \t]+"?(?=[A-Za-z])/g;
const KEYWORD =
  /\b(?:got|gets|getting|receiv(?:e|ed|es|ing)|return(?:s|ed|ing)?|respond(?:s|ed|ing)?(?: with)?|answer(?:s|ed)?(?: with)?|repl(?:y|ied|ies)(?: with)?|send(?:s|ing)?|sent|reject(?:s|ed|ing)? with|fail(?:s|ed|ing)? with|response(?: code)?|reply code|status(?: code)?|sip[_ ]?(?:status|code|response)(?:[_ ]?code)?|resp(?:onse)?[_ ]?code|final response|(?:error|cause|result) code)\b["']?[ \t]*[:=]?[ \t]*(?:an?|the|back|a SIP|SIP|with)?[ \t]*"?([1-6]\d\d)(?![\d.:%/]|[ \t]*(?:ms|msec|s\b|sec|seconds|bytes|byte|B\b|kb|KB|%|x\b))/gi;

/** chan_sip and friends sometimes log only the reason phrase: `Received response: "Forbidden"`. */
const QUOTED_PHRASE = /\b[Rr]eceived response:\s*"([A-Za-z][A-Za-z' -]{2,40})"/g;
/** Stack log statements that print a SIP status code in their own words. */
const SOFIA_STATE = /entering state \[\w+\]\[([1-6]\d\d)\]/g;
const SIP_WORD = /\bSIP(?:[- ]|\s+(?:cause|code|status|response|error)\s*:?\s*)([1-6]\d\d)(?![\d.]|:\d)/gi;
const BRACKETED = /\b(?:response|reply|status|code)\s*\[([1-6]\d\d)\]/gi;
/** key=value / key: value pairs whose key names a response code (Kamailio/OpenSIPS tm, pjsip, SDKs). */
const KEY_VALUE =
  /(?<![\w"'-])(?:code|new_code|T_code|T_reply_code|last_recv|reply_code|status|uas|uac\[\d+\]|registrationStateCode|reason|resp_code|final_code|lastStatusCode|last_status_code)\s*[=:]\s*([1-6]\d\d)(?![\d.%]|:\d)/g;
/** Keys that only ever hold a SIP status, quoted JSON keys included. */
const SIP_KEY =
  /\b(?:sip_status|sipStatus|sip_code|sipCode|sip_status_code|sipStatusCode|dial_sip_status|sipResponseCode|sip_response_code|final_sip_code)["']?\s*[=:]\s*"?([1-6]\d\d)(?![\d.]|:\d)/g;
/** "picked branch 0, code 487", "completed with code: 408". */
const CODE_PHRASE = /\b(?:branch \d+, code|with code:?|final code:?)\s+([1-6]\d\d)(?![\d.]|:\d)/g;
const PROSE_BEFORE =
  /\b(?:sends?|sending|sent|got|gets|getting|returns?|returned|returning|answers?|answered|responds?|responded|rejects?|rejected|declines?|declined|Fehler|error|failure|after|code used is|comes back|came back|says|said|gives?|gave|with a|with an|a final|final)\s+(?:a |an |the |with |back )?([1-6]\d\d)(?![\d.%/]|:\d)(?!\s*(?:ms|msec|s\b|sec|seconds?|minutes?|min\b|bytes?|kb|KB|MB|%|x\b|users?|calls?|participants?|devices?|channels?|lines?|requests?|messages?|packets?|times?))/gi;
const PROSE_AFTER =
  /(?<![\w.:/=#+,-])(?<!(?:can't|cannot|couldn't|not|never) (?:generate|send|relay|forward) )([1-6]\d\d)(?=\s+(?:final response|response|error|reply|on (?:re-?)?INVITE|on REGISTER|from (?:the |our |their )?(?:trunk|carrier|provider|SBC|PBX|proxy|server|far end)|back from|instead)\b)/gi;

/** Q.850 causes stop at 127; stacks that print a SIP status as the "cause" mean the SIP code. */
function causeNamespace(code: number): Namespace {
  return code > 127 && code <= 699 ? "sip" : "q850";
}

/** Detectors whose first group is the code: [pattern, namespace ("cause": decided by value), confidence, name]. */
const SINGLE_CODE: ReadonlyArray<readonly [RegExp, Namespace | "cause", number, string]> = [
  [CAUSE_NUM, "cause", 0.85, "cause-number"],
  [AMI_CAUSE, "cause", 0.7, "ami-cause"],
  [HTTP_STATUS_LINE, "http", 0.95, "http-status"],
  [ACCESS_LOG, "http", 0.9, "access-log"],
  [PY_HTTP, "http", 0.9, "http-client"],
  [SOFIA_STATE, "sip", 0.9, "sofia-state"],
  [SIP_WORD, "sip", 0.85, "sip-word"],
  [SIP_KEY, "sip", 0.9, "sip-key"],
];

export function detect(segment: string, index: ScanIndex, emit: Emit): void {
  const httpCtx = HTTP_CONTEXT.test(segment);
  all(SIP_STATUS, segment, (m) =>
    emit(hit("sip", Number(m[1]), null, 0.99, "sip-status", { reason: m[2]?.trim() }), m.index),
  );
  all(PJSIP, segment, (m) => emit(hit("sip", Number(m[1]), null, 0.95, "pjsip", { method: m[2] }), m.index));
  all(REASON, segment, (m) => {
    const ns = m[1]?.toUpperCase() === "SIP" ? "sip" : "q850";
    emit(hit(ns, Number(m[2]), null, 0.95, "reason", { reason: m[3] }), m.index);
  });
  detectVendor(segment, index, emit);
  if (index.causeNameRe) {
    all(index.causeNameRe, segment, (m) => {
      const code = index.causeNames.get(m[1] ?? "");
      if (code !== undefined) emit(hit("q850", code, null, 0.9, "cause-name"), m.index);
    });
  }
  for (const [re, ns, confidence, detector] of SINGLE_CODE) {
    all(re, segment, (m) => {
      const code = Number(m[1]);
      emit(hit(ns === "cause" ? causeNamespace(code) : ns, code, null, confidence, detector), m.index);
    });
  }
  if (httpCtx) {
    all(HTTP_CLIENT, segment, (m) => emit(hit("http", Number(m[1]), null, 0.85, "http-client"), m.index));
  }
  all(QUOTED_PHRASE, segment, (m) => {
    const code = index.sipByPhrase.get(normalizeText(m[1] ?? ""));
    if (code !== undefined) emit(hit("sip", code, null, 0.8, "phrase-only"), m.index);
  });
  const kvNs = httpCtx && !SIP_CONTEXT.test(segment) ? "http" : "sip";
  for (const re of [BRACKETED, KEY_VALUE, CODE_PHRASE]) {
    all(re, segment, (m) => emit(hit(kvNs, Number(m[1]), null, 0.8, "stack-statement"), m.index));
  }
  detectLoose(segment, index, httpCtx, emit);
}

/** Mobius, ACS and Exotel shapes: pairs of numbers in vendor-specific wording or JSON. */
export function detectVendor(segment: string, index: ScanIndex, emit: Emit): void {
  let mobiusPair = false;
  all(MOBIUS_ERR, segment, (m) => {
    mobiusPair = true;
    emit(hit("mobius", Number(m[1]), Number(m[2]), 0.98, "mobius"), m.index);
  });
  if (!mobiusPair) {
    all(MOBIUS_PHASE, segment, (m) =>
      emit(hit("mobius", Number(m[2]), null, 0.95, "mobius", { phase: m[1]?.toLowerCase() }), m.index),
    );
    const j = MOBIUS_JSON.exec(segment);
    const s = j ? MOBIUS_JSON_STATUS.exec(segment) : null;
    if (j && s) {
      emit(hit("mobius", Number(s[1]), Number(j[1]), 0.9, "mobius-json"), j.index);
    } else {
      all(RESPONSE_STATUS, segment, (m) =>
        emit(hit("mobius", Number(m[1]), null, 0.8, "mobius-status"), m.index),
      );
    }
  }
  for (const p of index.messageRe?.test(segment) ? index.messages : []) {
    const first = p.parts[0] ?? "";
    const at = segment.indexOf(first);
    if (at < 0) continue;
    if (!containsInOrder(segment, p.parts, at + first.length)) continue;
    const e = p.entry;
    emit(
      hit(e.namespace, e.code ?? 0, e.subcode, 0.97, "log-message", {
        dependency: p.dependency,
        entryId: e.id,
      }),
      at,
    );
    break;
  }
  all(MOBIUS_SDK, segment, (m) =>
    emit(hit("mobius", Number(m[1]), m[2] ? Number(m[2]) : null, 0.9, "mobius-sdk"), m.index),
  );
  all(MOBIUS_OKHTTP, segment, (m) =>
    emit(hit("mobius", Number(m[1]), Number(m[2]), 0.85, "mobius-json"), m.index),
  );
  all(AXIOS_OBJECT, segment, (m) => emit(hit("http", Number(m[1]), null, 0.85, "http-client"), m.index));
  all(SIP_DETAILS, segment, (m) => emit(hit("sip", Number(m[1]), null, 0.9, "sip-details"), m.index));
  all(Q850_DETAILS, segment, (m) => emit(hit("q850", Number(m[1]), null, 0.9, "q850-details"), m.index));
  const acs = (code: string | undefined, sub: string | undefined, at: number) =>
    emit(hit("acs", Number(code), Number(sub), 0.9, "acs"), at);
  all(ACS_PAIR, segment, (m) => acs(m[1], m[2], m.index));
  all(ACS_PAIR_REV, segment, (m) => acs(m[2], m[1], m.index));
  const exotel = (code: string | undefined, at: number) =>
    emit(hit("exotel", Number(code), null, 0.9, "exotel"), at);
  all(EXOTEL, segment, (m) => exotel(m[1], m.index));
  all(EXOTEL_REV, segment, (m) => exotel(m[1], m.index));
}

/** Numbers in prose and stack logs, accepted only with a reason phrase or a reply-like keyword. */
function detectLoose(segment: string, index: ScanIndex, httpCtx: boolean, emit: Emit): void {
  const ns = httpCtx && !SIP_CONTEXT.test(segment) ? "http" : "sip";
  all(PHRASED, segment, (m) => {
    const code = Number(m[1]);
    const after = segment.slice(m.index + m[0].length);
    if (phraseConfirms(index, ns, code, after)) {
      emit(hit(ns, code, null, 0.85, "phrase", { reason: after.slice(0, 40).trim() }), m.index);
    }
  });
  for (const re of [PROSE_BEFORE, PROSE_AFTER]) {
    all(re, segment, (m) => {
      const code = Number(m[1]);
      if (!index.catalog.byId.has(`${ns}/${code}`)) return;
      emit(hit(ns, code, null, 0.6, "keyword"), m.index + m[0].indexOf(m[1] ?? ""));
    });
  }
  all(KEYWORD, segment, (m) => {
    const code = Number(m[1]);
    if (ns === "http" && code >= 600) return;
    emit(hit(ns, code, null, 0.7, "keyword"), m.index + m[0].length - 3);
  });
}

/** True when every part after the first occurs in `s`, in order, from `from` on. */
function containsInOrder(s: string, parts: readonly string[], from: number): boolean {
  let pos = from;
  for (const part of parts.slice(1)) {
    const at = s.indexOf(part, pos);
    if (at < 0) return false;
    pos = at + part.length;
  }
  return true;
}
