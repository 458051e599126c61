// A finding's excerpt: its line, redacted, cut to EXCERPT characters around the code.
import type { Hit } from "./hit.js";
import { type RedactOptions, redact, redactRange, secretSpans } from "./redact.js";

const EXCERPT = 160;

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
  if (line.length <= EXCERPT && redact(line, opts) === line) return line;
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
