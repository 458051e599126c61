// Per-segment detectors: each recognises one way a code shows up in a log (a SIP status line, a
// pjsip summary, a Reason header, a Mobius error line, an ACS callEndReason, an HTTP client error…).
// `gates` (see gates.ts) skips the ones that cannot match; the default runs them all.
import type { Namespace } from "../../catalog/schema.js";
import { normalizeText } from "../../catalog/text.js";
import { ALL_DETECTORS, D, VENDOR } from "./gates.js";
import * as P from "./patterns.js";
import { phaseIn, phraseConfirms, type ScanIndex } from "./scan-index.js";

export interface Hit {
  namespace: Namespace;
  code: number;
  subcode: number | null;
  /** Position of the match inside the segment, for de-duplication and excerpts. */
  at: number;
  /** Length of the match (for a pair, from its first number to its second). */
  len: number;
  confidence: number;
  detector: string;
  method?: string;
  reason?: string;
  dependency?: string;
  entryId?: string;
  phase?: string;
  /**
   * Evidence that the line passes the scanner's trigger: true when the pattern always contains a
   * trigger word, or the matched text to test. Internal; never copied into a Finding.
   */
  proof?: true | string;
}

export function isQuietLine(line: string): boolean {
  return P.SDP_LINE.test(line) || (P.VALUE_HEADER.test(line) && !P.STATUS_IN_HEADER.test(line));
}

type Emit = (h: Hit, at: number) => void;
type Extra = Partial<Pick<Hit, "method" | "reason" | "dependency" | "entryId" | "phase">>;

/** A hit; `emit` sets where it was found. Every hit has the same shape, which keeps V8 fast. */
function hit(
  namespace: Namespace,
  code: number,
  subcode: number | null,
  confidence: number,
  detector: string,
  proof: true | string | undefined,
  extra?: Extra,
): Hit {
  return {
    namespace,
    code,
    subcode,
    at: 0,
    len: 0,
    confidence,
    detector,
    method: extra?.method,
    reason: extra?.reason,
    dependency: extra?.dependency,
    entryId: extra?.entryId,
    phase: extra?.phase,
    proof,
  };
}

/** Emits `h` where `m` matched. */
function put(emit: Emit, h: Hit, m: RegExpExecArray): void {
  h.len = m[0].length;
  emit(h, m.index);
}

function all(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** Q.850 causes stop at 127; stacks that print a SIP status as the "cause" mean the SIP code. */
function causeNamespace(code: number): Namespace {
  return code > 127 && code <= 699 ? "sip" : "q850";
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
}
const single = (
  re: RegExp,
  ns: Namespace | "cause",
  confidence: number,
  detector: string,
  gate: number,
  proven: boolean,
): SingleCode => ({ re, ns, confidence, detector, gate, proven });

/** Detectors whose first group is the code. */
const SINGLE_CODE: readonly SingleCode[] = [
  single(P.CAUSE_NUM, "cause", 0.85, "cause-number", D.CAUSE_NUM, false),
  single(P.AMI_CAUSE, "cause", 0.7, "ami-cause", D.CAUSE_NUM, false),
  single(P.PROSE_CAUSE, "cause", 0.75, "cause-number", D.CAUSE_NUM, false),
  single(P.HTTP_STATUS_LINE, "http", 0.95, "http-status", D.HTTP_LINE, false),
  single(P.ACCESS_LOG, "http", 0.9, "access-log", D.ACCESS, true),
  single(P.PY_HTTP, "http", 0.9, "http-client", D.PY_HTTP, true),
  single(P.SOFIA_STATE, "sip", 0.9, "sofia-state", D.SOFIA, true),
  single(P.SIP_WORD, "sip", 0.85, "sip-word", D.SIP_WORD, false),
  single(P.SIP_KEY, "sip", 0.9, "sip-key", D.SIP_KEY, true),
];

export function detect(segment: string, index: ScanIndex, emit: Emit, gates = ALL_DETECTORS): void {
  // The contexts are only read when a detector that depends on them runs.
  let httpCtx: boolean | undefined;
  const http = () => (httpCtx ??= P.HTTP_CONTEXT.test(segment));
  let bareNs: "sip" | "http" | undefined;
  /** The namespace of a bare number: HTTP in an HTTP client's log, SIP otherwise. */
  const bare = () => (bareNs ??= http() && !P.SIP_CONTEXT.test(segment) ? "http" : "sip");
  if (gates & D.SIP_STATUS)
    all(P.SIP_STATUS, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.99, "sip-status", true, { reason: m[2]?.trim() }), m),
    );
  if (gates & D.PJSIP)
    all(P.PJSIP, segment, (m) =>
      put(emit, hit("sip", Number(m[1]), null, 0.95, SUMMARY, true, { method: m[2] }), m),
    );
  if (gates & D.REASON)
    all(P.REASON, segment, (m) => {
      const ns = m[1]?.toUpperCase() === "SIP" ? "sip" : "q850";
      put(emit, hit(ns, Number(m[2]), null, 0.95, "reason", m[0], { reason: m[3] }), m);
    });
  if (gates & VENDOR) detectVendor(segment, index, emit, gates);
  if (index.causeNameRe && gates & D.CAUSE_NAME) {
    all(index.causeNameRe, segment, (m) => {
      const named = index.causeNames.get(m[1] ?? "");
      if (named) put(emit, hit(named.namespace, named.code, null, 0.9, "cause-name", m[0]), m);
    });
  }
  for (let i = 0; i < SINGLE_CODE.length; i++) {
    const d = SINGLE_CODE[i] as SingleCode;
    if (!(gates & d.gate)) continue;
    all(d.re, segment, (m) => {
      const code = Number(m[1]);
      const ns = d.ns === "cause" ? causeNamespace(code) : d.ns;
      put(emit, hit(ns, code, null, d.confidence, d.detector, d.proven ? true : m[0]), m);
    });
  }
  if (gates & D.HTTP_CLIENT && http()) {
    all(P.HTTP_CLIENT, segment, (m) =>
      put(emit, hit("http", Number(m[1]), null, 0.85, "http-client", m[0]), m),
    );
  }
  if (gates & D.QUOTED)
    all(P.QUOTED_PHRASE, segment, (m) => {
      const code = index.sipByPhrase.get(normalizeText(m[1] ?? ""));
      if (code !== undefined) put(emit, hit("sip", code, null, 0.8, "phrase-only", true), m);
    });
  for (const [re, gate] of STACK) {
    if (!(gates & gate)) continue;
    all(re, segment, (m) =>
      put(emit, place(hit(bare(), Number(m[1]), null, 0.8, "stack-statement", m[0]), segment, index), m),
    );
  }
  if (gates & (D.PHRASED | D.PROSE_BEFORE | D.PROSE_AFTER | D.KEYWORD))
    detectLoose(segment, index, bare, emit, gates);
}

/**
 * A bare number on a line that names Mobius (and not SIP) is a Mobius status when the catalog
 * has that status; the line's words give its phase.
 */
function place(h: Hit, segment: string, index: ScanIndex): Hit {
  if (!index.mobius.codes.has(h.code) || !P.MOBIUS_CONTEXT.test(segment) || P.NOT_MOBIUS.test(segment))
    return h;
  h.namespace = index.mobius.namespace;
  h.phase = phaseIn(index.mobius, segment);
  return h;
}

/**
 * The detector of a stack's one-line summary of a message that it logs right after (pjsip's
 * "RX 512 bytes Response msg 503/INVITE/cseq=1 … from UDP 10.0.0.9:5060:").
 */
export const SUMMARY = "pjsip";

/** Detectors that read a bare number and guess from the words around it whether it is SIP or HTTP. */
const GUESSED = new Set(["stack-statement", "keyword", "phrase"]);
const PAIRED = new Set<Namespace>(["mobius", "acs", "exotel"]);

/**
 * The numbers of a vendor pair (ACS "code=410 subcode=3112", Mobius "Error code: 403 : FORBIDDEN,
 * mobius-error: 112") are that pair's: a SIP or HTTP code guessed from the same words is dropped.
 */
export function withoutClaimed(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  let claims: Map<number, Claims> | undefined;
  for (const h of hits) {
    if (!PAIRED.has(h.namespace)) continue;
    claims ??= new Map();
    claim(claims, h.code, h);
    if (h.subcode !== null && h.subcode !== h.code) claim(claims, h.subcode, h);
  }
  if (!claims) return hits;
  for (const c of claims.values()) {
    c.spans.sort((a, b) => a.at - b.at);
    let reach = 0;
    for (const p of c.spans) {
      reach = Math.max(reach, p.at + p.len);
      c.reach.push(reach);
    }
  }
  let out: Hit[] | undefined;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as Hit;
    if (claimed(claims, h)) out ??= hits.slice(0, i);
    else out?.push(h);
  }
  return out ?? hits;
}

/** The vendor pairs that read one number, by position, and how far the first k of them reach. */
interface Claims {
  spans: Hit[];
  reach: number[];
}

function claim(claims: Map<number, Claims>, code: number, h: Hit): void {
  const c = claims.get(code);
  if (c) c.spans.push(h);
  else claims.set(code, { spans: [h], reach: [] });
}

/** Is `h` a guessed SIP/HTTP code whose number a vendor pair reads on the same words? */
function claimed(claims: Map<number, Claims>, h: Hit): boolean {
  if ((h.namespace !== "sip" && h.namespace !== "http") || !GUESSED.has(h.detector)) return false;
  const c = claims.get(h.code);
  if (!c) return false;
  // The pairs that start before h ends (a long line may hold thousands): does one reach into h?
  let lo = 0;
  let hi = c.spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c.spans[mid] as Hit).at < h.at + h.len) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (c.reach[lo - 1] as number) > h.at;
}

const STACK = [
  [P.BRACKETED, D.BRACKETED],
  [P.KEY_VALUE, D.KEY_VALUE],
  [P.CODE_PHRASE, D.CODE_PHRASE],
] as const;

/**
 * Vendor detectors that report every match: [pattern, gate, hit for a match, whether both numbers
 * are members of one object (so a match read across lines needs the line to leave one open)].
 */
const PAIRS: ReadonlyArray<readonly [RegExp, number, (m: RegExpExecArray) => Hit, boolean]> = [
  [
    P.MOBIUS_SDK,
    D.MOBIUS_SDK,
    (m) => hit("mobius", Number(m[1]), m[2] ? Number(m[2]) : null, 0.9, "mobius-sdk", true),
    false,
  ],
  [
    P.MOBIUS_OKHTTP,
    D.OKHTTP,
    (m) => hit("mobius", Number(m[1]), Number(m[2]), 0.85, "mobius-json", true),
    false,
  ],
  [P.AXIOS_OBJECT, D.AXIOS, (m) => hit("http", Number(m[1]), null, 0.85, "http-client", true), false],
  [P.SIP_DETAILS, D.DETAILS, (m) => hit("sip", Number(m[1]), null, 0.9, "sip-details", m[0]), false],
  [P.Q850_DETAILS, D.DETAILS, (m) => hit("q850", Number(m[1]), null, 0.9, "q850-details", m[0]), false],
  [P.ACS_PAIR, D.ACS, (m) => hit("acs", Number(m[1]), Number(m[2]), 0.9, "acs", m[0]), true],
  [P.ACS_PAIR_REV, D.ACS, (m) => hit("acs", Number(m[2]), Number(m[1]), 0.9, "acs", m[0]), true],
  [P.EXOTEL, D.EXOTEL, (m) => hit("exotel", Number(m[1]), null, 0.9, "exotel", true), false],
  [P.EXOTEL_REV, D.EXOTEL, (m) => hit("exotel", Number(m[1]), null, 0.9, "exotel", true), false],
];

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

/**
 * Mobius, ACS and Exotel shapes: pairs of numbers in vendor-specific wording or JSON. `lineEnd`:
 * where the scanned line ends when `segment` joins the lines after it.
 */
export function detectVendor(
  segment: string,
  index: ScanIndex,
  emit: Emit,
  gates = ALL_DETECTORS,
  lineEnd = Number.POSITIVE_INFINITY,
): void {
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
    const j = gates & D.MOBIUS_JSON ? P.MOBIUS_JSON.exec(segment) : null;
    const s = j ? P.MOBIUS_JSON_STATUS.exec(segment) : null;
    const from = j && s ? Math.min(j.index, s.index) : 0;
    const to = j && s ? Math.max(j.index + j[0].length, s.index + s[0].length) : 0;
    if (j && s && (to <= lineEnd || continuesObject(segment, lineEnd))) {
      mobiusPair = true;
      const h = hit("mobius", Number(s[1]), Number(j[1]), 0.9, "mobius-json", true);
      h.len = to - from;
      emit(h, from);
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
      put(emit, make(m), m);
    });
  }
}

/** Numbers in prose and stack logs, accepted only with a reason phrase or a reply-like keyword. */
function detectLoose(
  segment: string,
  index: ScanIndex,
  bare: () => "sip" | "http",
  emit: Emit,
  gates: number,
): void {
  if (gates & D.PHRASED)
    all(P.PHRASED, segment, (m) => {
      const code = Number(m[1]);
      const after = segment.slice(m.index + m[0].length);
      // The namespace costs two context regexes: only worth it when a phrase could confirm.
      if (!phraseConfirms(index, "sip", code, after) && !phraseConfirms(index, "http", code, after)) return;
      const ns = bare();
      if (phraseConfirms(index, ns, code, after)) {
        const reason = after.slice(0, 40).trim();
        put(emit, place(hit(ns, code, null, 0.85, "phrase", undefined, { reason }), segment, index), m);
      }
    });
  for (const [re, gate] of [
    [P.PROSE_BEFORE, D.PROSE_BEFORE],
    [P.PLURAL, D.PROSE_BEFORE],
    [P.PROSE_AFTER, D.PROSE_AFTER],
  ] as const) {
    if (!(gates & gate)) continue;
    all(re, segment, (m) => {
      const ns = bare();
      const code = Number(m[1]);
      if (!index.catalog.byId.has(`${ns}/${code}`)) return;
      const h = place(hit(ns, code, null, 0.6, "keyword", m[0]), segment, index);
      h.len = 3;
      emit(h, m.index + m[0].indexOf(m[1] ?? ""));
    });
  }
  if (gates & D.KEYWORD)
    all(P.KEYWORD, segment, (m) => {
      const ns = bare();
      const code = Number(m[1]);
      if (ns === "http" && code >= 600) return;
      const h = place(hit(ns, code, null, 0.7, "keyword", m[0]), segment, index);
      h.len = 3;
      emit(h, m.index + m[0].length - 3);
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
