// Which detectors are worth running on a line. Each gate is a necessary condition of its regex
// (a literal the regex cannot match without, or the characters around a three-digit number), so
// skipping a detector whose gate is closed never loses a match; it only saves the regex run.
import { D, W } from "./gate-bits.js";
import { FAILED_LITERAL } from "./okhttp-failed.js";
import { KNOWN_CODE, PHRASED_CODE, type ScanIndex } from "./scan-index.js";
import {
  isSpace,
  isWord,
  KV_KEYS,
  METHODS,
  PAREN_TAILS,
  PLURAL_TAILS,
  SCRIPT_FNS,
  SIP_KEYS,
  TAILS,
} from "./tails.js";

export { ALL_DETECTORS, D, VENDOR, W } from "./gate-bits.js";

// Backward skips over the separators each regex allows between a word and the number.
function skipBlank(s: string, j: number): number {
  while (j >= 0 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j--;
  return j;
}
function skipSpace(s: string, j: number): number {
  while (j >= 0 && isSpace(s.charCodeAt(j))) j--;
  return j;
}
function skipSpaceColon(s: string, j: number): number {
  for (let c = s.charCodeAt(j); j >= 0 && (c === 58 || isSpace(c)); c = s.charCodeAt(--j));
  return j;
}
/** KEYWORD's gap: ["' \t:=]. */
function isKeywordGap(c: number): boolean {
  return c === 32 || c === 9 || c === 34 || c === 39 || c === 58 || c === 61;
}
function skipKeywordGap(s: string, j: number): number {
  while (j >= 0 && isKeywordGap(s.charCodeAt(j))) j--;
  return j;
}
function startsAt(s: string, lit: string, at: number): boolean {
  return at >= 0 && s.startsWith(lit, at);
}

/**
 * HTTP_REQUEST read back from a blank at `e` (the end of its [ \t]+ run): is the token before it
 * a path or URL (at most 502 characters), with a request method before that?
 */
function requestAt(s: string, e: number): boolean {
  const end = skipBlank(s, e);
  if (end === e) return false;
  let t = end;
  for (const stop = end - 503; t >= 0 && t > stop; t--) {
    const c = s.charCodeAt(t);
    if (c === 32 || c === 9) break;
  }
  const c = s.charCodeAt(t + 1);
  if (!(c === 47 || (c === 104 && (s.startsWith("http://", t + 1) || s.startsWith("https://", t + 1)))))
    return false;
  const m = skipBlank(s, t);
  return m < t && METHODS.at(s, m) !== 0;
}

/**
 * requestAt, or a bracketed aside between the request and an arrow ending at or before `e`:
 * "POST https://… (attempt 2) -> 401".
 */
function requestOrAsideAt(s: string, e: number): boolean {
  if (requestAt(s, e)) return true;
  const k = skipBlank(s, e);
  const close = s.charCodeAt(k);
  if (close !== 41 && close !== 93) return false;
  const open = s.lastIndexOf(close === 41 ? "(" : "[", k);
  return open >= 0 && k - open <= 61 && requestAt(s, open - 1);
}

/** HTTP_REQUEST: METHOD[ \t]+URL[ \t]+(?:(aside)?(?:->|=>|→)|failed|failed with|returned)?…CODE at `q`. */
function requestBefore(s: string, q: number): boolean {
  if (requestAt(s, q - 1)) return true;
  // With a separator: "-> 401", "->401", "→ 401", "failed 403", "failed with 403", "returned 404".
  const j = skipBlank(s, q - 1);
  const c = s.charCodeAt(j);
  if (c === 62) {
    const d = s.charCodeAt(j - 1);
    return (d === 45 || d === 61) && requestOrAsideAt(s, j - 2);
  }
  if (c === 0x2192) return requestOrAsideAt(s, j - 1);
  if (j === q - 1 || (c !== 100 && c !== 104)) return false;
  if (startsAt(s, "failed with", j - 10) && requestAt(s, j - 11)) return true;
  if (startsAt(s, "failed", j - 5) && requestAt(s, j - 6)) return true;
  return startsAt(s, "returned", j - 7) && requestAt(s, j - 8);
}

/**
 * SCRIPT_REPLY_TAG (stack-replies.ts, sharing SCRIPT's gate) read back from `j`, the character
 * before the blanks before a code: "[REPLY]", "[reply]", "onreply_route:" or "onreply_route[NAME]:".
 */
function replyTagBefore(s: string, j: number): boolean {
  const c = s.charCodeAt(j);
  if (c === 93)
    return startsAt(s, "[REPLY", j - 6) || startsAt(s, "[Reply", j - 6) || startsAt(s, "[reply", j - 6);
  if (c !== 58) return false;
  let k = j - 1;
  if (s.charCodeAt(k) === 93) {
    const open = s.lastIndexOf("[", k);
    if (open < 0 || k - open > 41) return false;
    k = open - 1;
  }
  return startsAt(s, "onreply_route", k - 12);
}

/** PROSE_AFTER's look-ahead after its \s+, tested in place (sticky). */
const PROSE_AFTER_WORDS =
  /(?:final response|response|error|reply|on (?:re-?)?INVITE|on REGISTER|from (?:the |our |their )?(?:trunk|carrier|provider|SBC|PBX|proxy|server|far end)|back from|instead)\b/iy;

/**
 * Gates opened by the three-digit number at `q` (a [1-6]\d\d run that anchors.ts found), other
 * than those in `have`. Each test restates the characters its regex needs around the number.
 */
function digitGates(s: string, q: number, have: number, index: ScanIndex): number {
  let g = 0;
  const left = q > 0 ? s.charCodeAt(q - 1) : -1;
  const right = q + 3 < s.length ? s.charCodeAt(q + 3) : -1;
  const first = s.charCodeAt(q);
  const code = (first - 48) * 100 + (s.charCodeAt(q + 1) - 48) * 10 + s.charCodeAt(q + 2) - 48;
  const flags = index.codeFlags[code] ?? 0;
  const blankLeft = left === 32 || left === 9;
  if (blankLeft) {
    // SIP\/2\.0[ \t]+CODE and \bHTTP(?:\/\d(?:\.\d)?)?[ \t]+CODE; `"HTTP/1.1" CODE `; "Response msg CODE/".
    const j = skipBlank(s, q - 1);
    if (startsAt(s, "SIP/2.0", j - 6)) g |= D.SIP_STATUS;
    if (
      first <= 53 &&
      (startsAt(s, "HTTP", j - 3) || startsAt(s, "HTTP/", j - 5) || startsAt(s, "HTTP/", j - 7))
    )
      g |= D.HTTP_LINE;
    if (left === 32 && right === 32 && s.charCodeAt(q - 2) === 34) g |= D.ACCESS;
    if (startsAt(s, "Response msg ", q - 13)) g |= D.PJSIP;
    if (replyTagBefore(s, j)) g |= D.SCRIPT;
  }
  // PJSIP_OUTBOUND_REG (shares PJSIP's gate): "response 'CODE' received from"; AUTH_GAVE_UP:
  // "CODE received after N attempts".
  if (left === 39 && right === 39 && startsAt(s, "response '", q - 10)) g |= D.PJSIP;
  if (right === 32 && s.startsWith(" received after ", q + 3)) g |= D.PJSIP;
  // HTTP_REQUEST shares HTTP_LINE's gate.
  if (
    first <= 53 &&
    (blankLeft || left === 62 || left === 0x2192) &&
    !(g & D.HTTP_LINE) &&
    requestBefore(s, q)
  )
    g |= D.HTTP_LINE;
  if (
    (first === 52 || first === 53) &&
    right === 32 &&
    (s.startsWith(" Client Error", q + 3) || s.startsWith(" Server Error", q + 3))
  )
    g |= D.PY_HTTP;
  if (left === 91 && right === 93) {
    // entering state \[\w+\]\[CODE\] and \b(?:response|reply|status|code)\s*\[CODE\]
    if (s.charCodeAt(q - 2) === 93) g |= D.SOFIA;
    // SOFIA_REG (shares SOFIA's gate): "Failed Registration [CODE]", or "Registration Failed with
    // status …[CODE]" and "Failed Registration with status …[CODE]".
    else if (startsAt(s, "Failed Registration ", q - 21) || s.includes(" with status ")) g |= D.SOFIA;
    g |= TAILS.at(s, skipSpace(s, q - 2)) & D.BRACKETED;
  }
  // FAILED_PAREN (shares SOFIA's gate): \b(?:failed|rejected|error|returned)[ \t]*\(CODE\)
  if (left === 40 && right === 41) g |= PAREN_TAILS.at(s, skipBlank(s, q - 2));
  if (left === 58 || blankLeft) {
    // HttpClientErrorException\$\w+:[ \t]*CODE (and the Server one)
    const colon = skipBlank(s, q - 1);
    if (s.charCodeAt(colon) === 58) {
      let k = colon - 1;
      while (k >= 0 && isWord(s.charCodeAt(k))) k--;
      if (k < colon - 1 && s.charCodeAt(k) === 36) g |= D.HTTP_CLIENT;
    }
  }
  if (left === 34 || left === 39 || left === 40 || left === 58 || blankLeft) {
    // SCRIPT_REPLY: FUNCTION(?:[ \t]*\([ \t]*["']?|[ \t]+)CODE, or "reply used:[ \t]*CODE"
    let k = left === 34 || left === 39 ? q - 2 : q - 1;
    k = skipBlank(s, k);
    if (s.charCodeAt(k) === 40) k = skipBlank(s, k - 1);
    if (s.charCodeAt(k) === 58) {
      if (startsAt(s, "reply used", k - 10)) g |= D.SCRIPT;
    } else g |= SCRIPT_FNS.at(s, k);
  }
  {
    // \b(?:variable_)?(?:SIP keys)["']?\s*[=:]\s*["[]?CODE
    let k = left === 34 || left === 91 ? q - 2 : q - 1;
    k = skipSpace(s, k);
    const c = s.charCodeAt(k);
    if (c === 61 || c === 58) {
      k = skipSpace(s, k - 1);
      if (s.charCodeAt(k) === 34 || s.charCodeAt(k) === 39) k--;
      if (k >= 0) g |= SIP_KEYS.at(s, k);
    }
  }
  const j = isSpace(left) ? skipSpace(s, q - 1) : q - 1;
  const sep = j >= 0 ? s.charCodeAt(j) : -1;
  if ((sep === 61 || sep === 58) && !(have & D.KEY_VALUE)) {
    // (?<![\w"'-])KEY\s*[=:]\s*CODE
    const k = skipSpace(s, j - 1);
    if (k >= 0 && (s.charCodeAt(k) === 93 || KV_KEYS.at(s, k))) g |= D.KEY_VALUE;
  }
  const leftWord =
    left >= 0 && (isWord(left) || left === 46 || left === 58 || left === 47 || left === 61 || left === 45);
  // PHRASED: (?<![\w.:/=-])CODE[ \t]+"?(?=[A-Za-z]), and a reason phrase of the code starting
  // with that letter (phrases are normalised to lower case).
  if (!leftWord && (right === 32 || right === 9) && flags & PHRASED_CODE) {
    let k = q + 4;
    while (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9) k++;
    if (s.charCodeAt(k) === 34) k++;
    const letter = (s.charCodeAt(k) | 0x20) - 97;
    if (letter >= 0 && letter < 26 && (index.phraseLetters[code] ?? 0) & (1 << letter)) g |= D.PHRASED;
  }
  // PROSE_AFTER: (?<![\w.:/=#+,-])CODE(?=\s+(?:final|response|error|reply|on|from|back|instead)…)
  if (flags & KNOWN_CODE && !leftWord && left !== 35 && left !== 43 && left !== 44 && isSpace(right)) {
    let k = q + 4;
    while (k < s.length && isSpace(s.charCodeAt(k))) k++;
    PROSE_AFTER_WORDS.lastIndex = k;
    if (PROSE_AFTER_WORDS.test(s)) g |= D.PROSE_AFTER;
  }
  // PLURAL (run with PROSE_BEFORE): a word from its list, [ \t]+, then CODEs.
  if ((right | 0x20) === 115 && (left === 32 || left === 9) && flags & KNOWN_CODE)
    g |= PLURAL_TAILS.at(s, skipBlank(s, q - 1)) & D.PROSE_BEFORE;
  // The word before the number: PROSE_BEFORE skips \s, SIP_WORD [\s:], KEYWORD ["' \t:=]; a
  // KEYWORD article may also touch the number ("the404").
  if (isWord(left)) return g | (TAILS.at(s, q - 1) & D.KEYWORD);
  if (j === q - 1 && !isKeywordGap(left)) return g;
  const atSpace = TAILS.at(s, j);
  if (j !== q - 1 && flags & KNOWN_CODE) g |= atSpace & D.PROSE_BEFORE;
  if (left === 58 || isSpace(left)) {
    const k = sep === 58 ? skipSpaceColon(s, j) : j;
    g |= (k === j ? atSpace : TAILS.at(s, k)) & D.SIP_WORD;
  }
  if (isKeywordGap(left)) {
    const k = skipKeywordGap(s, q - 1);
    g |= (k === j ? atSpace : TAILS.at(s, k)) & D.KEYWORD;
  }
  return g;
}

/** Whether "<--" touches a [1-6]\d\d code somewhere on line `s`. */
function arrowCode(s: string): boolean {
  for (let i = s.indexOf("<--"); i >= 0; i = s.indexOf("<--", i + 3)) {
    const c = s.charCodeAt(i + 3);
    if (c >= 49 && c <= 54 && isDigit(s.charCodeAt(i + 4)) && isDigit(s.charCodeAt(i + 5))) return true;
  }
  return false;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The detectors to run on line `s`: `words` are the W anchors found in it, `named` the detector
 * bits of the named anchors (cause names, log messages, …), `digits` where its three-digit numbers
 * start. A detector whose gate stays closed cannot match on this line.
 */
export function lineGates(
  s: string,
  words: number,
  named: number,
  digits: readonly number[],
  nDigits: number,
  index: ScanIndex,
): number {
  let g = named;
  if (words & W.CAUSE) g |= D.REASON | D.CAUSE_NUM;
  if (words & W.CODE) {
    g |= D.DETAILS | D.ACS;
    if (s.includes("Error code")) g |= D.MOBIUS_ERR;
    if (s.includes('"code"')) g |= D.EXOTEL;
    // MOBIUS_BODY_ERROR (MOBIUS_JSON's gate): "errorCode" on a webex-calling or Mobius line.
    if (s.includes('"errorCode"') && (words & W.MOBIUS || s.includes("webex-calling"))) g |= D.MOBIUS_JSON;
    if (nDigits > 0 && s.includes("code")) g |= D.CODE_PHRASE;
  }
  if (words & W.STATUS) {
    if (s.includes("response_status")) g |= D.RESPONSE_STATUS;
    // pjsip's "[status=1704xx]", with or without brackets (stack-replies.ts), shares PJSIP's gate.
    if (s.includes("status=170")) g |= D.PJSIP;
    if (s.includes("Status")) g |= D.MOBIUS_SDK;
    if (s.includes("statusText")) g |= D.AXIOS;
    if (s.includes("<Status>")) g |= D.HTTP_LINE; // An API's XML error body (exotel-xml.ts).
    if (nDigits > 0) g |= D.HTTP_CLIENT;
  }
  if (words & W.MOBIUS) {
    // MOBIUS_ERR's mobius-error (MOBIUS_PHASE needs "Error code", above).
    g |= D.MOBIUS_ERR;
    if (s.includes('"mobius')) g |= D.MOBIUS_JSON;
    // MOBIUS_OKHTTP: "<--" … mobius … "errorCode"; MOBIUS_REQUEST_BODY: "POST https://…mobius…
    // 403" … "errorCode" (both need the word "code").
    if (words & W.CODE && (words & W.ARROW || s.includes("http"))) g |= D.OKHTTP;
  }
  // A ladder's arrow touching its code (`|<--503 Service Una-|`), which the digit anchors skip as
  // joined to the dash: PHRASED reads it.
  if (words & W.ARROW && !(g & D.PHRASED) && arrowCode(s)) g |= D.PHRASED;
  // OkHttp's `<-- HTTP FAILED: …`, a request with no response (okhttp-failed.ts), shares OKHTTP's gate.
  if (words & W.ARROW && s.includes(FAILED_LITERAL)) g |= D.OKHTTP;
  if (nDigits === 0) return g;
  // HTTP_CLIENT's other forms: "<--[ \t]+CODE" here, "Exception$Name: CODE" in digitGates.
  if (words & W.ARROW) g |= D.HTTP_CLIENT;
  for (let i = 0; i < nDigits; i++) g |= digitGates(s, digits[i] ?? 0, g, index);
  return g;
}
