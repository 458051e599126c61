// Removes secrets from any text before it is echoed: credentials, digest parameters, tokens,
// API keys, passwords (under any key that ends in a secret word: sip_password, auth_pass, ha1),
// cookies, ICE passwords, SRTP keys, credentials in URLs, sip: URIs and webhook paths; optionally
// masks the middle of phone numbers. Secrets are found as spans of the original text, so a
// shortened excerpt can be cut anywhere without showing part of one.

import { callIdCell, maskNumbers, mayHoldNumber } from "./phone.js";

export interface RedactOptions {
  maskPhoneNumbers?: boolean;
}

const MARK = "[redacted]";
/** What a secret is replaced by; a question holding it must not search its word. */
export const REDACTION_MARK = MARK;

/**
 * Each rule's first capture group is the part that stays (the header name, the `key=`); the rest
 * of the match is the secret. A digest parameter keeps its quotes around the mark.
 */
const RULES: RegExp[] = [
  // Whole credential and cookie headers: everything after the header name goes.
  /\b((?:Proxy-)?Authorization\s*:\s*)[^\r\n]+/gi,
  /\b((?:Set-)?Cookie\s*:\s*)[^\r\n]+/gi,
  // Digest parameters wherever they appear (WWW-Authenticate challenges, logs of them).
  // A short bare number is no digest value: `response=486` is a status and stays readable.
  /\b((?:nonce|cnonce|response|opaque)\s*=\s*)(?:"[^"\r\n]*"|(?!\d{1,6}\b)[^\s,;]+)/gi,
  /\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g,
  /()\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g,
  /()\bxox[abprs]-[A-Za-z0-9-]+/g,
  /()\bxapp-[A-Za-z0-9-]+/g,
  // Cloud and code-host keys that are recognisable on their own (AWS key ids, GitHub, Google, Stripe).
  /()\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /()\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g,
  /()\bAIza[0-9A-Za-z_-]{35}/g,
  /()\b[sr]k_live_[0-9A-Za-z]{16,}/g,
  // XML configuration (a FreeSWITCH gateway): <param name="password" value="…"/>.
  /(<param\s+name=["'][\w.-]*(?:password|passwd|secret|pass|pwd|token|key|ha1b?)["']\s+value=["'])[^"']*/gi,
  // A key counts when its last part (after `_`, `-` or `.`) is a secret word: sip_password,
  // DB_PASSWORD, auth_pass, x-api-key, subscriber ha1/ha1b; or, in camelCase, sipPassword. An
  // HTML entity (`&amp;` in a log copied from a web page) or an "&" that starts no next parameter is
  // part of the value, not its end.
  /(["']?(?<![A-Za-z0-9])(?:api[_-]?key|api[_-]?token|access[_-]?key|accesskey|account[_-]?key|shared[_-]?access[_-]?key|private[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|secret|md5secret|client[_-]?secret|password|passwd|passphrase|pass|pwd|sip[_-]?secret|credentials?|ha1(?:b|_sha256|_sha512t256)?)\b["']?\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|(?:&(?:amp|lt|gt|quot|apos|#39|#x27);|&(?![\w.-]+=)|[^\s,;&}])+)/gi,
  /((?<=[a-z0-9])(?:Password|Passwd|Passphrase|Pass|Pwd|Secret|Token|ApiKey|AccessKey|PrivateKey|SecretKey|Credentials?|Ha1b?)\b["']?\s*[:=]\s*)(?:"[^"\r\n]*"|'[^'\r\n]*'|(?:&(?:amp|lt|gt|quot|apos|#39|#x27);|&(?![\w.-]+=)|[^\s,;&}])+)/g,
  // Signatures in URLs: Azure SAS, S3 and GCS presigned URLs, CloudFront signed URLs.
  /(\b(?:sig|X-(?:Amz|Goog)-Signature|Signature)=)[^&\s"'<>]+/gi,
  // A password written in prose: "with password 'kamP4ss'", "secret \"x\"".
  /(\b(?:password|passwd|pwd|secret)\s+)(?:'[^'\r\n]*'|"[^"\r\n]*")/gi,
  /(a=ice-pwd:)\S+/g,
  // SDES-SRTP master keys: a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:<key>|2^20|1:32
  /(\binline:)[^\s|"']+/gi,
  // user:password@ and :password@ in URLs (redis://:secret@host); the user part may be an API key.
  // The password may hold `@`: everything up to the last `@` before the path is taken.
  /(\/\/)[^:/\s]*:[^\s/]*(?=@)/g,
  // sip:alice:password@host (the user stays); the password ends at the last `@` of the URI.
  /(\bsips?:[^\s:@;<>"]*:)[^\s<>"]*(?=@)/gi,
  // Incoming-webhook URLs carry their secret in the path.
  /(\bhooks\.slack\.com\/(?:services|workflows|triggers)\/)[^\s"'<>)]+/gi,
  /(\.webhook\.office\.com\/webhookb2\/)[^\s"'<>)]+/gi,
];

/**
 * Cheap tests run first: text that names no credential-like thing skips the rules entirely. Words
 * in any case, and the case-exact prefixes apart (one case-insensitive pattern for all of them is
 * twice as slow, and this runs on every echoed line).
 */
const HINT_WORDS =
  /auth|cookie|nonce|response|opaque|bearer|key|token|secret|pass|pwd|credential|ha1|sig=|signature|inline:|hook/i;
const HINT_PREFIXES =
  /eyJ|xox|xapp|AKIA|ASIA|gh[pousr]_|github_pat|AIza|k_live_|:\/\/[^\s/@]*@|(?:sips?|SIPS?):[^\s:@;<>"]*:[^\s<>"]*@/;
const hinted = (text: string): boolean => HINT_WORDS.test(text) || HINT_PREFIXES.test(text);

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
