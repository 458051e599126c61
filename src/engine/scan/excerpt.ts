// A finding's excerpt: its line, redacted, cut to EXCERPT characters around the code.
import { copy } from "./detach.js";
import type { Hit } from "./hit.js";
import { type RedactOptions, redact, redactRange, secretSpans } from "./redact.js";
import { stampLength } from "./repeats.js";

const EXCERPT = 160;

/**
 * Whether a line's text after its timestamp has nothing to redact, by that text: a trace repeats
 * "SIP/2.0 200 OK" under many stamps. Bounded; the keys are copies, as the map outlives the input.
 */
const cleanRests = new Map<string, boolean>();

/**
 * Whether redacting `line` changes nothing. With a leading stamp followed by blanks and a letter
 * or "[" (no secret and no number can run across that), the stamp and the rest are judged apart,
 * the rest once per text. A table row ("|") is judged whole, as its cells decide what is masked.
 */
function isClean(line: string, opts: RedactOptions): boolean {
  const s = stampLength(line);
  if (s === 0 || line.includes("|")) return redact(line, opts) === line;
  const stamp = line.slice(0, s);
  if (redact(stamp, opts) !== stamp) return redact(line, opts) === line;
  const rest = line.slice(s);
  const key = opts.maskPhoneNumbers === false ? `0${rest}` : `1${rest}`;
  let clean = cleanRests.get(key);
  if (clean === undefined) {
    clean = redact(rest, opts) === rest;
    if (cleanRests.size >= 512) cleanRests.clear();
    cleanRests.set(copy(key), clean);
  }
  return clean;
}

/** Where the digits of `code` are on `line`, at or after `from` (the hit may start before them). */
function codeAt(line: string, from: number, code: number): { at: number; end: number } {
  const digits = `${code}`;
  let i = line.indexOf(digits, from);
  while (i >= 0 && i < from + 400) {
    const before = line.charCodeAt(i - 1);
    const after = line.charCodeAt(i + digits.length);
    if (!(before >= 48 && before <= 57) && !(after >= 48 && after <= 57))
      return { at: i, end: i + digits.length };
    i = line.indexOf(digits, i + 1);
  }
  return { at: from, end: from };
}

/**
 * The line shortened to EXCERPT characters around the hit, worked out on the redacted text (a
 * redacted secret is shorter or longer than what it hides) so that the code itself is always in it.
 */
export function excerptOf(line: string, h: Hit, opts: RedactOptions): string {
  // A short line with nothing to redact is its own excerpt (what the cutting below would give).
  if (line.length <= EXCERPT && isClean(line, opts)) return line;
  const at = Math.min(h.at, line.length);
  const code = codeAt(line, at, h.code);
  const lo = Math.max(0, at - 2 * EXCERPT);
  const hi = Math.min(line.length, code.end + 2 * EXCERPT);
  let red: string;
  let headLength = at - lo;
  let codeEnd = code.end - lo;
  if (secretSpans(line).length === 0) {
    // Masking numbers keeps lengths: with no secret on the line, offsets stay as they are.
    red = redactRange(line, lo, hi, opts);
  } else {
    // Redacted in three pieces cut at the hit and after its code, as parts of the whole line.
    const head = redactRange(line, lo, at, opts);
    const mid = redactRange(line, at, code.end, opts);
    red = head + mid + redactRange(line, code.end, hi, opts);
    headLength = head.length;
    codeEnd = head.length + mid.length;
  }
  let start = Math.max(0, Math.min(headLength - 40, red.length - EXCERPT));
  if (codeEnd > start + EXCERPT) start = codeEnd - EXCERPT;
  const cut = red.slice(start, start + EXCERPT);
  return (
    (lo > 0 || start > 0 ? "…" : "") + cut + (hi < line.length || start + EXCERPT < red.length ? "…" : "")
  );
}
