// Timestamps at the head of a log line, turned into milliseconds for ordering and intervals:
// ISO and RFC 1123 dates, syslog/Asterisk/ctime dates (with or without a year), sipdump's epoch,
// bare clock times and JSON time fields; product stamps (3CX, Ribbon, Apache) in stamp-forms.ts.

import { clockMs, FRACTION, frac, MONTHS, ribbon, slashDate } from "./stamp-forms.js";
import { unquoted } from "./text-lines.js";

/** Milliseconds of one day: stamps below it are a time of day with no date. */
export const DAY_MS = 86_400_000;
/**
 * The year a dated stamp without a year ("May  2 02:00:00") is placed in. A leap year, so 29 Feb
 * exists; stamps of one log order by month, day and time within it.
 */
export const YEARLESS_YEAR = 2000;

/**
 * ISO dates with a time after "T" or a space, or after a tab or a run of spaces: SIPp's error log
 * writes "2024-03-05<TAB>03:20:01.123456<TAB>1709608801.123456" (older SIPp "…<TAB>10:02:11:418").
 */
const ISO = new RegExp(
  `\\b(\\d{4})([-/])(\\d\\d)\\2(\\d\\d)(?:T|[ \\t]{1,8})(\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(Z|[+-]\\d\\d:?\\d\\d)?`,
);
/** The longest ISO stamp: date, time, six fraction digits and a "+hh:mm" zone. */
const ISO_MAX = 33;
const RFC1123 =
  /\b[A-Z][a-z]{2}, (\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d)(?:\.(\d{1,6}))? (GMT|UTC|[+-]\d{4})/;
/**
 * Syslog ("May  2 02:00:00", after an optional <PRI>), Asterisk ("[May  2 01:00:00]"), Cisco IOS
 * debugs ("*Mar  5 03:20:01.200:", the "*" or "." saying the clock is not synchronised, maybe after
 * the sequence number "023412: ") and ctime ("Mon May  2 02:00:00 2024"); the year may follow the
 * day, or the time after a weekday.
 */
const MONTH_DAY = new RegExp(
  `^(?:<\\d{1,3}>|\\[|\\d{1,10}: [*.]?|[*.])?((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?([A-Z][a-z]{2}) {1,2}(\\d{1,2})(?: (\\d{4}))? (\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(?: (\\d{4})(?![\\d:]))?`,
);
/** What MONTH_DAY allows before the month, which is no part of the stamp's text. */
const LEAD = /^(?:<\d{1,3}>|\[|\d{1,10}: [*.]?|[*.])/;
/** A time of day; a ":" may end it ("… at 12:30:00.950002:"), not a fourth number ("10:20:30:40"). */
const CLOCK = new RegExp(`(?<![\\d:.])(\\d\\d):(\\d\\d):(\\d\\d)${FRACTION}(?!\\d|:\\d)`, "g");
/** A duration written like a clock ("dur 00:00:00" of Cisco's call history, "CallDuration=00:01:05"). */
const DURATION_BEFORE = /dur(?:ation)?[ =:]{0,2}$/i;
/**
 * The date Cisco IOS and AudioCodes write after a time of day, zone first: "*03:20:01.123 UTC Tue
 * Mar 5 2024" (show call history), "23:59:59.200  UTC Mon Mar 04 2024" (an AudioCodes CDR).
 */
const DATE_AFTER =
  /^ {1,2}[A-Z]{2,5} (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) {1,2}(\d{1,2}) ((?:19|20)\d\d)(?!\d)/;
/**
 * The time field of a JSON log line, wherever it is: an ISO string ("timestamp":"2024-05-14T…",
 * "event_timestamp", Twilio's "date_created", Telnyx's "occurred_at", the FreeSWITCH uuid_dump json form's
 * "Event-Date-Local"), or epoch milliseconds or seconds
 * ("time":1715700000123 in pino and jambonz, Homer's "create_date", "ts":1715700000.123).
 */
const JSON_TIME =
  /"(?:@?timestamp|event_timestamp|time|ts|create_date|date_created|created_at|occurred_at|Event-Date-Local)"\s*:\s*(?:"([^"]{6,40})"|(\d{10}(?:\.\d{1,9})?|\d{13})(?![\d.]))/;
/** sipdump's own line: "time: 1709310600.112233". */
const SIPDUMP_TIME = /^time: (\d{10}(?:\.\d{1,9})?)\s*$/;
const EPOCH = /^(?:\d{10}(?:\.\d{1,9})?|\d{13})$/;

/** Days before each month in a leap year. */
const DAYS_BEFORE = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
const YEARLESS_START = Date.UTC(YEARLESS_YEAR, 0, 1);

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

/** Midnight (UTC) of a month-day date, in its year or in YEARLESS_YEAR; NaN for no such date. */
function dayStart(month: number, day: number, year: string | undefined): number {
  if (day < 1 || day > 31) return Number.NaN;
  if (year) return Date.UTC(Number(year), month, day);
  return YEARLESS_START + (DAYS_BEFORE[month] ?? 0) * DAY_MS + (day - 1) * DAY_MS;
}

const isDigitAt = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
};
/** The two digits at t[i, i + 2) as a number, or -1 when either is no digit. */
function twoDigits(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The last day leadingIso() worked out, as YYYYMMDD, and its midnight (UTC). */
let lastDay = -1;
let lastDayMs = 0;

/**
 * The usual stamp, "2024-05-01T10:00:01.001Z" (or with a space, no fraction, no zone) at the very
 * start of a line, read without the ISO pattern and giving what it would give; anything else (a
 * zone offset, "/" dates, seven fraction digits) is left to the pattern. Its time is worked out
 * from the midnight of its day, which a trace shares across many lines.
 */
function leadingIso(line: string): { text: string; ms: number } | undefined {
  if (line.length < 19 || line.charCodeAt(4) !== 45 || line.charCodeAt(7) !== 45) return undefined;
  const t = line.charCodeAt(10);
  if ((t !== 84 && t !== 32) || line.charCodeAt(13) !== 58 || line.charCodeAt(16) !== 58) return undefined;
  const century = twoDigits(line, 0);
  const yy = twoDigits(line, 2);
  const month = twoDigits(line, 5);
  const day = twoDigits(line, 8);
  const h = twoDigits(line, 11);
  const m = twoDigits(line, 14);
  const sec = twoDigits(line, 17);
  if ((century | yy | month | day | h | m | sec) < 0) return undefined;
  let end = 19;
  let fraction = 0;
  const sep = line.charCodeAt(19);
  if (sep === 46 || sep === 44) {
    let j = 20;
    let v = 0;
    for (let c = line.charCodeAt(j); c >= 48 && c <= 57; c = line.charCodeAt(++j)) v = v * 10 + c - 48;
    const n = j - 20;
    if (n < 1 || n > 6 || (line.charCodeAt(j) === 46 && isDigitAt(line, j + 1))) return undefined;
    // Up to milliseconds the digits are the answer; finer ones are rounded as frac() does.
    fraction = n === 1 ? v * 100 : n === 2 ? v * 10 : n === 3 ? v : frac(line.slice(20, j));
    end = j;
  } else if (sep === 58 || isDigitAt(line, 19)) return undefined;
  const z = line.charCodeAt(end);
  if (z === 90) end++;
  else if (z === 43 || z === 45) return undefined;
  const text = line.slice(0, end);
  const year = century * 100 + yy;
  let ms: number;
  if (year >= 1970 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && h <= 23 && m <= 59 && sec <= 59) {
    const ymd = year * 10000 + month * 100 + day;
    if (ymd !== lastDay) {
      lastDay = ymd;
      lastDayMs = Date.UTC(year, month - 1, day);
    }
    ms = lastDayMs + ((h * 60 + m) * 60 + sec) * 1000;
  } else {
    // Out of the plain range (a year before 1970, hour 24, second 60): Date.parse settles it.
    ms = dateParse(`${text.slice(0, 10)}T${text.slice(11, 19)}Z`);
  }
  return Number.isNaN(ms) ? undefined : { text, ms: ms + fraction };
}

/**
 * Milliseconds usable for ordering and measuring intervals; absolute when the date is known. A
 * line pasted as a chat quote ("> Mar  5 02:50:01 proxy1 …") has its stamp after the marker.
 */
export function parseTimestamp(quoted: string): { text: string; ms: number } | undefined {
  const line = unquoted(quoted);
  const lead = leadingIso(line);
  if (lead) return lead;
  const head = line.slice(0, 80);
  let iso = ISO.exec(head);
  // A stamp the head cuts short ("…T10:15:20" of a JSON field's "…T10:15:20.150Z") is read whole.
  if (iso && iso.index + ISO_MAX > head.length && line.length > head.length)
    iso = ISO.exec(line.slice(0, iso.index + ISO_MAX));
  if (iso) {
    // A tab or a run of spaces between date and time is shown as one space ("T" and one space stay).
    const digit = iso[0].charCodeAt(11);
    const one = iso[0].charCodeAt(10) !== 9 && digit >= 48 && digit <= 57;
    const text = one ? iso[0] : spaced(iso[0]);
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
      let text = md[0].replace(LEAD, "");
      if (tail) text = text.slice(0, -tail.length - 1);
      return { text, ms: day + clockMs(md[5] ?? "", md[6] ?? "", md[7] ?? "", md[8]) };
    }
  }
  // Cheap literal checks first: most lines have none of these forms.
  const other = head.includes("/") ? slashDate(head) : head.charCodeAt(0) <= 57 ? ribbon(head) : undefined;
  if (other) return other;
  const clock = clockTime(line, head);
  if (clock) return clock;
  if (line.startsWith("time: ")) {
    const m = SIPDUMP_TIME.exec(line);
    if (m?.[1]) return epoch(m[1]);
  }
  if (line.includes('"')) return jsonTime(line);
  // An unquoted CSV row (a FreeSWITCH CDR) may put its first date past the head.
  if (line.length > 80 && line.includes(",")) {
    const iso = ISO.exec(line.slice(0, 240));
    return iso ? parseTimestamp(line.slice(iso.index, iso.index + 40)) : undefined;
  }
  return undefined;
}

/**
 * The first time of day in `head` that is no duration, with the date written after it when there is
 * one. The text stays the time as written; a date makes its milliseconds absolute, so rows either
 * side of midnight keep their order.
 */
function clockTime(line: string, head: string): { text: string; ms: number } | undefined {
  CLOCK.lastIndex = 0;
  for (let m = CLOCK.exec(head); m !== null; m = CLOCK.exec(head)) {
    if (DURATION_BEFORE.test(head.slice(Math.max(0, m.index - 9), m.index))) continue;
    const ms = clockMs(m[1] ?? "", m[2] ?? "", m[3] ?? "", m[4]);
    const end = m.index + m[0].length;
    const date = line.charCodeAt(end) === 32 ? DATE_AFTER.exec(line.slice(end, end + 32)) : null;
    const month = date ? MONTHS.indexOf(date[1] ?? "") : -1;
    const day = month % 3 === 0 ? dayStart(month / 3, Number(date?.[2]), date?.[3]) : Number.NaN;
    // The date after the time is shown with it ("23:59:59.200 UTC Mon Mar 04 2024"), blanks made one.
    if (Number.isNaN(day) || !date) return { text: m[0], ms };
    return { text: `${m[0]} ${date[0].trim().replace(/\s+/g, " ")}`, ms: day + ms };
  }
  return undefined;
}

/** "2024-03-05\t03:20:01.123456" as "2024-03-05 03:20:01.123456". */
function spaced(text: string): string {
  return `${text.slice(0, 10)} ${text.slice(10).trimStart()}`;
}

/** Epoch seconds (maybe with a fraction) or milliseconds as a stamp. */
function epoch(value: string): { text: string; ms: number } {
  // Ten digits are seconds (maybe with a fraction), thirteen milliseconds.
  const ms = value.length === 13 && !value.includes(".") ? Number(value) : Math.round(Number(value) * 1000);
  return { text: new Date(ms).toISOString(), ms };
}

/** The time a JSON time field on `line` holds ("occurred_at": "…"), and no other stamp on it. */
export function jsonFieldTime(line: string): { text: string; ms: number } | undefined {
  return line.includes('"') ? jsonTime(line) : undefined;
}

/** The time a JSON line's time field holds, when the line's head has none. */
function jsonTime(line: string): { text: string; ms: number } | undefined {
  const m = JSON_TIME.exec(line);
  if (!m) return undefined;
  const value = m[1] ?? m[2] ?? "";
  // A string holds no '"', so parsing it does not come back here.
  if (!EPOCH.test(value)) return m[1] ? parseTimestamp(m[1]) : undefined;
  return epoch(value);
}

/** Whether a stamp's text names a date but no year ("May  2 02:00:00"). */
export function isYearless(text: string | undefined): boolean {
  if (text === undefined) return false;
  // Every analysed finding asks: an ISO or clock stamp starts with a digit and is ruled out at once.
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90 && YEARLESS.test(text) && !FOUR_DIGITS.test(text);
}
const YEARLESS = /^(?:[A-Z][a-z]{2} )?[A-Z][a-z]{2} {1,2}\d/;
const FOUR_DIGITS = /\d{4}/;
