// Removes secrets from any text before it is echoed: credentials, digest parameters, tokens,
// API keys, passwords, ICE passwords; optionally masks the middle of phone numbers.

export interface RedactOptions {
  maskPhoneNumbers?: boolean;
}

const MARK = "[redacted]";

const RULES: Array<[RegExp, string]> = [
  // Whole credential headers: everything after the scheme goes.
  [/\b((?:Proxy-)?Authorization\s*:\s*)(?:Digest|Bearer|Basic)?[^\r\n]*/gi, `$1${MARK}`],
  // Digest parameters wherever they appear (WWW-Authenticate challenges, logs of them).
  [/\b(nonce|cnonce|response|opaque)(\s*=\s*)("[^"\r\n]*"|[^\s,;]+)/gi, `$1$2"${MARK}"`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/-]+=*/g, `$1${MARK}`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g, MARK],
  [/\bxox[abprs]-[A-Za-z0-9-]+/g, MARK],
  [/\bxapp-[A-Za-z0-9-]+/g, MARK],
  [
    /(["']?\b(?:api[_-]?key|api[_-]?token|access[_-]?token|auth[_-]?token|token|secret|client[_-]?secret|password|passwd|pwd|sip[_-]?secret)\b["']?\s*[:=]\s*)("[^"\r\n]*"|'[^'\r\n]*'|[^\s,;&}]+)/gi,
    `$1${MARK}`,
  ],
  [/(a=ice-pwd:)\S+/g, `$1${MARK}`],
  [/(\/\/[^:/\s@]+:)[^@\s/]+@/g, `$1${MARK}@`],
];

/** Phone numbers: E.164 or long digit runs in SIP URIs; keep the start and the last two digits. */
const PHONE = /(\+\d{6,15}\b|(?<=sips?:|tel:)\d{7,15}(?=[@;>]))/g;

function maskPhone(num: string): string {
  const keepHead = num.startsWith("+") ? 4 : 3;
  if (num.length <= keepHead + 2) return num;
  return num.slice(0, keepHead) + "•".repeat(num.length - keepHead - 2) + num.slice(-2);
}

/** Cheap test run first: text that names no credential-like thing skips the rules entirely. */
const HINT = /auth|nonce|response|opaque|bearer|eyJ|xox|xapp|key|token|secret|pass|pwd|:\/\/[^\s/@]*@/i;
const LONG_DIGITS = /\d{6}/;

export function redact(text: string, opts: RedactOptions = {}): string {
  let out = text;
  if (HINT.test(out)) for (const [re, replacement] of RULES) out = out.replace(re, replacement);
  if ((opts.maskPhoneNumbers ?? true) && LONG_DIGITS.test(out)) out = out.replace(PHONE, maskPhone);
  return out;
}
