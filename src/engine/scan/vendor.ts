// Mobius, ACS, Exotel, Janus and Twilio (REST, <Dial><Sip> callbacks) detectors: pairs of numbers
// in vendor wording or JSON, the catalog's known Mobius log messages, and SDK/HTTP-client objects
// that carry a status.
import { ACS_PROSE_PAIR, ACS_SUMMARY_SUBCODE, acsProsePair, acsSummary } from "./acs-records.js";
import { ALL_DETECTORS, D } from "./gates.js";
import { all, type Emit, type Hit, hit, put } from "./hit.js";
import { JANUS_SIP_EVENT, janusEvent } from "./janus.js";
import { replyEntry } from "./mobius-http.js";
import { ACTIVE_MOBIUS_URL, mobiusRegistered } from "./mobius-registered.js";
import * as P from "./patterns.js";
import type { ScanIndex } from "./scan-index.js";
import {
  detectTwilioWebhook,
  TWILIO_REST_BODY,
  TWILIO_REST_STATUS,
  twilioRestBody,
  twilioRestStatus,
} from "./twilio-rest.js";

/**
 * Vendor detectors that report every match: [pattern, gate, hit for a match (or null), whether
 * both numbers are members of one object (so a match read across lines needs the line to leave
 * one open)].
 */
const PAIRS: ReadonlyArray<
  readonly [RegExp, number, (m: RegExpExecArray, index: ScanIndex) => Hit | null, boolean]
> = [
  [P.MOBIUS_SDK, D.MOBIUS_SDK, sdkStatus, false],
  [P.MOBIUS_OKHTTP, D.OKHTTP, okhttpBody, false],
  [P.MOBIUS_REQUEST_BODY, D.OKHTTP, okhttpBody, false],
  [P.AXIOS_OBJECT, D.AXIOS, (m) => hit("http", Number(m[1]), null, 0.85, "http-client", true), false],
  [P.SIP_DETAILS, D.DETAILS, (m) => hit("sip", Number(m[1]), null, 0.9, "sip-details", m[0]), false],
  [
    P.Q850_DETAILS,
    D.DETAILS,
    // Q.850 has no cause 0: a leg without a Q.850 cause.
    (m) => (Number(m[1]) === 0 ? null : hit("q850", Number(m[1]), null, 0.9, "q850-details", m[0])),
    false,
  ],
  // Its key ends in "Code", which opens this gate.
  [
    P.TWILIO_DIAL_SIP,
    D.DETAILS,
    (m) => hit("sip", Number(m[1]), null, 0.9, "twilio-dial", true, { method: "INVITE" }),
    false,
  ],
  [P.ACS_PAIR, D.ACS, (m) => hit("acs", Number(m[1]), Number(m[2]), 0.9, "acs", m[0]), true],
  [P.ACS_PAIR_REV, D.ACS, (m) => hit("acs", Number(m[2]), Number(m[1]), 0.9, "acs", m[0]), true],
  [P.EXOTEL, D.EXOTEL, (m) => hit("exotel", Number(m[1]), null, 0.9, "exotel", true), false],
  [P.EXOTEL_REV, D.EXOTEL, (m) => hit("exotel", Number(m[1]), null, 0.9, "exotel", true), false],
  // Both need a "code" word: Janus's `"code":486`, ACSCallSummary's ParticipantEndSubCode.
  [JANUS_SIP_EVENT, D.EXOTEL, janusEvent, false],
  [ACS_SUMMARY_SUBCODE, D.ACS, acsSummary, true],
  // Opened by the anchors of acsPairAnchors(): no "code" word in "Teams shows 503/560503".
  [ACS_PROSE_PAIR, D.ACS, acsProsePair, false],
  // twilio-node's RestException members always include its `code`, which opens this gate.
  [TWILIO_REST_STATUS, D.DETAILS, twilioRestStatus, false],
  // The web SDK's active Mobius URL, then its "Registration successful": a 2xx from that cluster.
  [ACTIVE_MOBIUS_URL, D.MOBIUS_ERR, mobiusRegistered, false],
];

/** A mobius-error value: 1xx only (an SDK's "Error code found : 503" repeats the HTTP status). */
function mobiusError(value: string | undefined): number | null {
  const n = value ? Number(value) : 0;
  return n >= 100 && n <= 199 ? n : null;
}

/**
 * "Status code: -> 403" and the "Error code found : 101" after it. A mobius-error is 1xx: "Error
 * code found : 503" only repeats the status, which then stands alone, in the phase its line names
 * ("registration: Status code: -> 503").
 */
function sdkStatus(m: RegExpExecArray, index: ScanIndex): Hit {
  const sub = mobiusError(m[2]);
  if (sub !== null) return hit("mobius", Number(m[1]), sub, 0.9, "mobius-sdk", true);
  const before = m.input.slice(m.input.lastIndexOf("\n", m.index) + 1, m.index);
  return hit("mobius", Number(m[1]), null, 0.9, "mobius-sdk", true, { phase: lastPhase(index, before) });
}

/** Global copies of the phase regexes, to find their last match. */
const PHASE_ALL = new WeakMap<RegExp, RegExp>();

/**
 * The phase named last before the status: the SDK's module ("registration: Status code: -> 503",
 * "call: Call setup failed. Status code: -> 404"), not its logger's tag (`[webex-calling]`).
 */
function lastPhase(index: ScanIndex, text: string): string | undefined {
  let best: string | undefined;
  let at = -1;
  for (const p of index.mobius.phases) {
    let re = PHASE_ALL.get(p.re);
    if (!re) {
      re = new RegExp(p.re.source, "gi");
      PHASE_ALL.set(p.re, re);
    }
    re.lastIndex = 0;
    for (let k = re.exec(text); k !== null; k = re.exec(text)) {
      if (k.index > at) {
        at = k.index;
        best = p.phase;
      }
    }
  }
  return best;
}

/**
 * `<-- 403 … mobius … "errorCode":112` (or a console's `POST https://mobius…/device 403` with the
 * body below): status and mobius-error. A body whose errorCode is no mobius-error (those are 1xx;
 * `"errorCode":503` repeats the status) gives the Mobius status alone, in the phase the URL's path
 * names, when the catalog has it.
 */
function okhttpBody(m: RegExpExecArray, index: ScanIndex): Hit | null {
  const status = Number(m[1]);
  const err = Number(m[2]);
  if (err >= 100 && err <= 199) return hit("mobius", status, err, 0.85, "mobius-json", true);
  if (!index.mobius.codes.has(status)) return null;
  const e = replyEntry(index, status, m[0]);
  // Above the 0.85 of a phrase that place() reads as the same Mobius status on the status line.
  return hit(
    "mobius",
    status,
    null,
    0.9,
    "mobius-json",
    true,
    e ? { phase: e.phase, entryId: e.id } : undefined,
  );
}

/**
 * Can two members of one object lie on both sides of `lineEnd`? Only when the line leaves an
 * object open: it ends with `{`, `,`, `[`, `(` or `:` (pretty-printed JSON, a console object).
 */
function continuesObject(segment: string, lineEnd: number): boolean {
  let k = lineEnd - 1;
  while (
    k >= 0 &&
    (segment.charCodeAt(k) === 32 || segment.charCodeAt(k) === 9 || segment.charCodeAt(k) === 13)
  )
    k--;
  const c = segment.charCodeAt(k);
  return c === 123 || c === 44 || c === 91 || c === 40 || c === 58;
}

/** The characters [from, to) of a JSON object's status and mobius-error, read as one Mobius pair. */
export interface PairSpan {
  from: number;
  to: number;
}

/** The JSON mobius-error of `segment`: its `mobius-error` key, or an SDK body's 1xx `errorCode`. */
function jsonMobiusError(segment: string): RegExpExecArray | null {
  return (
    P.MOBIUS_JSON.exec(segment) ??
    (P.MOBIUS_SDK_CONTEXT.test(segment) ? P.MOBIUS_BODY_ERROR.exec(segment) : null)
  );
}

/**
 * Mobius, ACS and Exotel shapes: pairs of numbers in vendor-specific wording or JSON. `lineEnd`:
 * where the scanned line ends when `segment` joins the lines after it. Returns the span of a JSON
 * status and mobius-error read as one pair: an HTTP client's reading of that status is the pair's.
 */
export function detectVendor(
  segment: string,
  index: ScanIndex,
  emit: Emit,
  gates = ALL_DETECTORS,
  lineEnd = Number.POSITIVE_INFINITY,
): PairSpan | undefined {
  let span: PairSpan | undefined;
  let mobiusPair = false;
  /** mobius-error values without a status before them, and where they are. */
  let lone: RegExpExecArray[] | undefined;
  if (gates & D.MOBIUS_ERR)
    all(P.MOBIUS_ERR, segment, (m) => {
      if (m[1] === undefined) {
        lone ??= [];
        lone.push(m);
        return;
      }
      mobiusPair = true;
      put(emit, hit("mobius", Number(m[1]), Number(m[2]), 0.98, "mobius", true), m);
    });
  if (!mobiusPair) {
    if (gates & D.MOBIUS_ERR)
      all(P.MOBIUS_PHASE, segment, (m) =>
        put(emit, hit("mobius", Number(m[2]), null, 0.95, "mobius", true, { phase: m[1]?.toLowerCase() }), m),
      );
    const j = gates & D.MOBIUS_JSON ? jsonMobiusError(segment) : null;
    let s = j ? P.MOBIUS_JSON_STATUS.exec(segment) : null;
    // A body's errorCode is a Mobius error only next to an error status.
    if (s && j?.[0].startsWith('"errorCode"') && Number(s[1]) < 400) s = null;
    const from = j && s ? Math.min(j.index, s.index) : 0;
    const to = j && s ? Math.max(j.index + j[0].length, s.index + s[0].length) : 0;
    if (j && s && (to <= lineEnd || continuesObject(segment, lineEnd))) {
      mobiusPair = true;
      const h = hit("mobius", Number(s[1]), Number(j[1]), 0.9, "mobius-json", true);
      h.len = to - from;
      emit(h, from);
      span = { from, to };
    } else if (gates & D.RESPONSE_STATUS) {
      all(P.RESPONSE_STATUS, segment, (m) =>
        put(emit, hit("mobius", Number(m[1]), null, 0.8, "mobius-status", true), m),
      );
    }
  }
  // "mobius-error: 112" alone: the catalog knows the status it comes with.
  if (lone && !mobiusPair)
    for (const m of lone) {
      const sub = Number(m[2]);
      const code = index.mobiusStatusOf.get(sub);
      if (code !== undefined) put(emit, hit("mobius", code, sub, 0.9, "mobius", true), m);
    }
  for (const p of gates & D.MESSAGES && index.messageRe?.test(segment) ? index.messages : []) {
    const first = p.parts[0] ?? "";
    const at = segment.indexOf(first);
    if (at < 0) continue;
    if (!containsInOrder(segment, p.parts, at + first.length)) continue;
    const e = p.entry;
    const h = hit(e.namespace, e.code ?? 0, e.subcode, 0.97, "log-message", true, {
      dependency: p.dependency,
      entryId: e.id,
    });
    h.len = first.length;
    emit(h, at);
    break;
  }
  for (const [re, gate, make, object] of PAIRS) {
    if (!(gates & gate)) continue;
    all(re, segment, (m) => {
      if (object && m.index + m[0].length > lineEnd && !continuesObject(segment, lineEnd)) return;
      const h = make(m, index);
      // A hit that set its own span (the code inside a longer match) is reported there.
      if (h && h.len > 0) emit(h, h.at);
      else if (h) put(emit, h, m);
    });
  }
  // Twilio's alert records of a failed webhook: they always hold an error code, which opens this gate.
  if (gates & D.DETAILS) detectTwilioWebhook(segment, emit, lineEnd);
  // Twilio's pretty-printed error body, read from its "code" line: its status is on a later line.
  if (gates & D.DETAILS && lineEnd < segment.length && segment.includes("twilio.com/docs/errors/"))
    all(TWILIO_REST_BODY, segment, (m) => {
      const h = twilioRestBody(m, lineEnd);
      if (h) emit(h, h.at);
    });
  return span;
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
