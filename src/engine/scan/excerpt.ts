// A finding's excerpt: its line, redacted, cut to EXCERPT characters around the code.
import { copy } from "./detach.js";
import type { Hit } from "./hit.js";
import { type RedactOptions, redact, redactRange, secretSpans } from "./redact.js";
import { stampLength } from "./repeats.js";

const EXCERPT = 160;

/**
 * Whether texts seen after a leading timestamp had nothing to redact, with phone numbers masked
 * (`masked`) or not: a trace repeats "SIP/2.0 180 Ringing" under many stamps, and is checked once.
 */
const clean = { masked: new Map<string, boolean>(), plain: new Map<string, boolean>() };
const MAX_CLEAN = 512;
/** Whether text[0, end) has a run of seven digits: the one part of a stamp (a long fraction) a
 *  phone rule could read. */
function longRun(text: string, end: number): boolean {
  let run = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run === 7) return true;
  }
  return false;
}

/**
 * Whether redacting `line` leaves it as it is. A leading timestamp is followed by a letter (see
 * stampLength), so no secret or number runs across its end: the text after it is checked alone,
 * once per distinct text.
 */
function nothingToRedact(line: string, opts: RedactOptions): boolean {
  const stamp = stampLength(line);
  if (stamp === 0 || longRun(line, stamp)) return redact(line, opts) === line;
  const rest = line.slice(stamp);
  const seen = (opts.maskPhoneNumbers ?? true) ? clean.masked : clean.plain;
  let known = seen.get(rest);
  if (known === undefined) {
    if (seen.size >= MAX_CLEAN) seen.clear();
    known = redact(rest, opts) === rest;
    seen.set(copy(rest), known);
  }
  return known;
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
  if (line.length <= EXCERPT && nothingToRedact(line, opts)) return line;
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
