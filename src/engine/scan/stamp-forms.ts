// Stamps of particular products, read when a line's head holds no ISO or syslog stamp: US dates
// (3CX), Apache/nginx access-log stamps and Ribbon SBC records; and the clock arithmetic they
// share with the common forms in timestamps.ts.

/**
 * The fraction of a second: after "." or ",", or milliseconds after a ":" (Linphone's
 * "15:00:00:101"), exactly three digits then. Digits followed by ".7" are an address after a
 * CSV comma ("17:30:10,10.0.0.8"), not a fraction.
 */
export const FRACTION = "(?:(?:[.,]|:(?=\\d{3}(?![\\d:])))(\\d{1,6})(?!\\d|\\.\\d))?";

/** Month abbreviations, three letters each: a month's index is its position divided by 3. */
export const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/** A US date with a time: 3CX's "03/01/2024 12:41:10.415" (day first when the first number is over 12). */
const SLASH_DATE = new RegExp(
  `(?<![\\d/.])(\\d\\d)/(\\d\\d)/((?:19|20)\\d\\d)[ T](\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(?![\\d:])`,
);
/** Ribbon/Sonus SBC: "137 03012024 110501.123456:1.01.00…" (MMDDYYYY HHMMSS.ffffff after a record type). */
const RIBBON =
  /^(?:\d{1,4} )?(0[1-9]|1[0-2])([0-3]\d)((?:19|20)\d\d) ([01]\d|2[0-3])([0-5]\d)([0-5]\d)\.(\d{1,6}):/;
/** Apache/nginx access logs: "[01/Mar/2024:15:30:00 +0000]". */
const APACHE = /\[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? ([+-])(\d\d)(\d\d)\]/;

/** Milliseconds of a fraction of a second's digits ("5" → 500, "123456" → 123). */
export function frac(s: string | undefined): number {
  if (!s) return 0;
  // Up to milliseconds the digits are the answer (the float formula rounds to the same integer).
  if (s.length <= 3) return Number(s) * (s.length === 1 ? 100 : s.length === 2 ? 10 : 1);
  return Math.round(Number(`0.${s}`) * 1000);
}

/** Milliseconds since midnight of a time of day. */
export function clockMs(h: string, m: string, s: string, f: string | undefined): number {
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000 + frac(f);
}

/** A 3CX US date or an Apache access-log stamp in `head`. */
export function slashDate(head: string): { text: string; ms: number } | undefined {
  const us = SLASH_DATE.exec(head);
  if (us) {
    const a = Number(us[1]);
    const b = Number(us[2]);
    // Month first, as 3CX and US locales write it, unless the first number cannot be a month.
    const [month, day] = a > 12 ? [b, a] : [a, b];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return {
        text: us[0],
        ms: Date.UTC(Number(us[3]), month - 1, day) + clockMs(us[4] ?? "", us[5] ?? "", us[6] ?? "", us[7]),
      };
  }
  const web = head.includes("[") ? APACHE.exec(head) : null;
  if (!web) return undefined;
  const month = MONTHS.indexOf(web[2] ?? "");
  if (month % 3 !== 0) return undefined;
  const offset = (Number(web[9]) * 60 + Number(web[10])) * 60_000 * (web[8] === "-" ? -1 : 1);
  const ms =
    Date.UTC(Number(web[3]), month / 3, Number(web[1])) +
    clockMs(web[4] ?? "", web[5] ?? "", web[6] ?? "", web[7]) -
    offset;
  return Number.isNaN(ms) ? undefined : { text: web[0].slice(1, -1), ms };
}

/** A Ribbon SBC stamp at the start of `head`. */
export function ribbon(head: string): { text: string; ms: number } | undefined {
  const m = RIBBON.exec(head);
  if (!m) return undefined;
  const day = Number(m[2]);
  if (day < 1 || day > 31) return undefined;
  const ms =
    Date.UTC(Number(m[3]), Number(m[1]) - 1, day) + clockMs(m[4] ?? "", m[5] ?? "", m[6] ?? "", m[7]);
  return { text: `${m[1]}${m[2]}${m[3]} ${m[4]}${m[5]}${m[6]}.${m[7]}`, ms };
}
