// Removes secrets from any text before it is echoed: credentials, digest parameters, tokens,
// API keys, passwords (under any key that ends in a secret word: sip_password, auth_pass, ha1),
// cookies, ICE passwords, SRTP keys, credentials in URLs, sip: URIs and webhook paths; optionally
// masks the middle of phone numbers. Secrets are found as spans of the original text, so a
// shortened excerpt can be cut anywhere without showing part of one.

import { callIdCell, maskNumbers, mayHoldNumber } from "./phone.js";
import { hinted, RULES } from "./redact-rules.js";

export interface RedactOptions {
  maskPhoneNumbers?: boolean;
}

const MARK = "[redacted]";
/** What a secret is replaced by; a question holding it must not search its word. */
export const REDACTION_MARK = MARK;

/**
 * Room around a range for a number that overlaps it (15 digits) and the words that make it one
 * (the longest: an ISDN debug's "Calling Party Number i = 0x2183, '").
 */
const MARGIN = 64;

/** The last text whose spans were worked out: a line's findings all ask about the same line. */
const NONE: ReadonlyArray<readonly [number, number]> = Object.freeze([]);
let lastText: string | undefined;
let lastSpans = NONE;

/** [start, end) of every secret in `text`, sorted and merged. */
export function secretSpans(text: string): ReadonlyArray<readonly [number, number]> {
  if (text === lastText) return lastSpans;
  lastText = text;
  if (!hinted(text)) {
    lastSpans = NONE;
    return NONE;
  }
  const spans: Array<[number, number]> = [];
  for (const re of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const start = m.index + (m[1]?.length ?? 0);
      if (m.index + m[0].length > start) spans.push([start, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push(s);
  }
  lastSpans = merged;
  return merged;
}

/**
 * `text.slice(from, to)` with every secret that touches it replaced, even one that starts before
 * `from`, and phone numbers masked (masking keeps lengths, so it can run on a margin around the
 * range first). A quoted value keeps its quotes, so the excerpt still reads as the header it was.
 */
export function redactRange(text: string, from: number, to: number, opts: RedactOptions = {}): string {
  const lo = Math.max(0, from - MARGIN);
  let region = text.slice(lo, Math.min(text.length, to + MARGIN));
  if (opts.maskPhoneNumbers ?? true) region = maskNumbers(region, callIdCell(text) - lo);
  let out = "";
  let at = from;
  for (const [s, e] of secretSpans(text)) {
    if (e <= from || s >= to) continue;
    out += region.slice(at - lo, Math.max(at, s) - lo);
    const quoted = s >= from && e - s >= 2 && text[s] === '"' && text[e - 1] === '"';
    out += quoted ? `"${MARK}"` : MARK;
    at = Math.min(e, to);
  }
  return out + region.slice(at - lo, to - lo);
}

export function redact(text: string, opts: RedactOptions = {}): string {
  // Most short fields (a Call-ID, a reason phrase) hold neither a secret nor a phone number.
  if (!hinted(text) && !((opts.maskPhoneNumbers ?? true) && mayHoldNumber(text))) return text;
  return redactRange(text, 0, text.length, opts);
}

/** `text` with every secret value taken out (for searching a typed question, not for showing). */
export function dropSecrets(text: string): string {
  let out = "";
  let at = 0;
  for (const [s, e] of secretSpans(text)) {
    out += `${text.slice(at, s)} `;
    at = e;
  }
  return at === 0 ? text : out + text.slice(at);
}
