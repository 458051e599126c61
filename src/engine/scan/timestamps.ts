// Timestamps at the head of a log line, turned into milliseconds for ordering and intervals:
// ISO and RFC 1123 dates, syslog/Asterisk/ctime dates (with or without a year), bare clock times.

/** Milliseconds of one day: stamps below it are a time of day with no date. */
export const DAY_MS = 86_400_000;
/**
 * The year a dated stamp without a year ("May  2 02:00:00") is placed in. A leap year, so 29 Feb
 * exists; stamps of one log order by month, day and time within it.
 */
export const YEARLESS_YEAR = 2000;

/**
 * The fraction of a second: after "." or ",", or milliseconds after a ":" (Linphone's
 * "15:00:00:101"), exactly three digits then.
 */
const FRACTION = "(?:(?:[.,]|:(?=\\d{3}(?![\\d:])))(\\d{1,6}))?";
const ISO = new RegExp(
  `\\b(\\d{4})([-/])(\\d\\d)\\2(\\d\\d)[T ](\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(Z|[+-]\\d\\d:?\\d\\d)?`,
);
const RFC1123 =
  /\b[A-Z][a-z]{2}, (\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d)(?:\.(\d{1,6}))? (GMT|UTC|[+-]\d{4})/;
/**
 * Syslog ("May  2 02:00:00", after an optional <PRI>), Asterisk ("[May  2 01:00:00]") and ctime
 * ("Mon May  2 02:00:00 2024"); the year may follow the day, or the time after a weekday.
 */
const MONTH_DAY = new RegExp(
  `^(?:<\\d{1,3}>|\\[)?((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?([A-Z][a-z]{2}) {1,2}(\\d{1,2})(?: (\\d{4}))? (\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(?: (\\d{4})(?![\\d:]))?`,
);
/** A time of day; a ":" may end it ("… at 12:30:00.950002:"), not a fourth number ("10:20:30:40"). */
const CLOCK = new RegExp(`(?<![\\d:.])(\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(?!\\d|:\\d)`);
/**
 * The time field of a JSON log line, wherever it is: an ISO string ("timestamp":"2024-05-14T…"), or
 * epoch milliseconds or seconds ("time":1715700000123 in pino and jambonz, "ts":1715700000.123).
 */
const JSON_TIME = /"(?:@?timestamp|time|ts)"\s*:\s*(?:"([^"]{6,40})"|(\d{10}(?:\.\d{1,9})?|\d{13})(?![\d.]))/;
const EPOCH = /^(?:\d{10}(?:\.\d{1,9})?|\d{13})$/;

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
/** Days before each month in a leap year. */
const DAYS_BEFORE = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
const YEARLESS_START = Date.UTC(YEARLESS_YEAR, 0, 1);

function frac(s: string | undefined): number {
  if (!s) return 0;
  // Up to milliseconds the digits are the answer (the float formula rounds to the same integer).
  if (s.length <= 3) return Number(s) * (s.length === 1 ? 100 : s.length === 2 ? 10 : 1);
  return Math.round(Number(`0.${s}`) * 1000);
}

/** Date.parse results: a trace repeats the same second on many lines. */
const parsed = new Map<string | number, number>();
function remember(key: string | number, ms: number): void {
  if (parsed.size >= 4096) parsed.clear();
  parsed.set(key, ms);
}
function dateParse(s: string): number {
  let ms = parsed.get(s);
  if (ms === undefined) {
    ms = Date.parse(s);
    remember(s, ms);
  }
  return ms;
}

/** YYYY-MM-DD?HH:MM:SS as the number YYYYMMDDHHMMSS. */
function isoDigits(t: string): number {
  let n = 0;
  for (let i = 0; i < 19; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
  }
  return n;
}

function clockMs(h: string, m: string, s: string, f: string | undefined): number {
  return (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000 + frac(f);
}

/** Midnight (UTC) of a month-day date, in its year or in YEARLESS_YEAR; NaN for no such date. */
function dayStart(month: number, day: number, year: string | undefined): number {
  if (day < 1 || day > 31) return Number.NaN;
  if (year) return Date.UTC(Number(year), month, day);
  return YEARLESS_START + (DAYS_BEFORE[month] ?? 0) * DAY_MS + (day - 1) * DAY_MS;
}

/** Milliseconds usable for ordering and measuring intervals; absolute when the date is known. */
export function parseTimestamp(line: string): { text: string; ms: number } | undefined {
  const head = line.slice(0, 80);
  const iso = ISO.exec(head);
  if (iso) {
    const text = iso[0];
    const zone = iso[9];
    // Keyed by the digits of the date and time (UTC) or by date, time and zone, which is cheaper
    // than by the string Date.parse gets.
    const key = !zone || zone === "Z" ? isoDigits(text) : text.slice(0, 19) + zone;
    let ms = parsed.get(key);
    if (ms === undefined) {
      const offset = zone ? zone.replace(/^([+-]\d\d)(\d\d)$/, "$1:$2") : "Z";
      ms = Date.parse(`${iso[1]}-${iso[3]}-${iso[4]}T${iso[5]}:${iso[6]}:${iso[7]}${offset}`);
      remember(key, ms);
    }
    if (!Number.isNaN(ms)) return { text, ms: ms + frac(iso[8]) };
  }
  const web = RFC1123.exec(head);
  if (web) {
    const ms = dateParse(`${web[1]} ${web[3] === "UTC" ? "GMT" : web[3]}`);
    if (!Number.isNaN(ms)) return { text: web[0], ms: ms + frac(web[2]) };
  }
  const md = MONTH_DAY.exec(head);
  if (md) {
    const month = MONTHS.indexOf(md[2] ?? "");
    // A number after the time is a year only in ctime's weekday form; else it is the log's own.
    const year = md[4] ?? (md[1] ? md[9] : undefined);
    const tail = md[1] ? undefined : md[9];
    const day = month % 3 === 0 ? dayStart(month / 3, Number(md[3]), year) : Number.NaN;
    if (!Number.isNaN(day)) {
      let text = md[0].replace(/^(?:<\d{1,3}>|\[)/, "");
      if (tail) text = text.slice(0, -tail.length - 1);
      return { text, ms: day + clockMs(md[5] ?? "", md[6] ?? "", md[7] ?? "", md[8]) };
    }
  }
  const clock = CLOCK.exec(head);
  if (clock) return { text: clock[0], ms: clockMs(clock[1] ?? "", clock[2] ?? "", clock[3] ?? "", clock[4]) };
  return line.includes('"') ? jsonTime(line) : undefined;
}

/** The time a JSON line's time field holds, when the line's head has none. */
function jsonTime(line: string): { text: string; ms: number } | undefined {
  const m = JSON_TIME.exec(line);
  if (!m) return undefined;
  const value = m[1] ?? m[2] ?? "";
  // A string holds no '"', so parsing it does not come back here.
  if (!EPOCH.test(value)) return m[1] ? parseTimestamp(m[1]) : undefined;
  // Ten digits are seconds (maybe with a fraction), thirteen milliseconds.
  const ms = value.length === 13 && !value.includes(".") ? Number(value) : Math.round(Number(value) * 1000);
  return { text: new Date(ms).toISOString(), ms };
}

/** Whether a stamp's text names a date but no year ("May  2 02:00:00"). */
export function isYearless(text: string | undefined): boolean {
  return text !== undefined && /^(?:[A-Z][a-z]{2} )?[A-Z][a-z]{2} {1,2}\d/.test(text) && !/\d{4}/.test(text);
}
