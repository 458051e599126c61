// Findings in time order. Dated stamps order as they are; a time of day joins the day of the last
// date seen, and moves to the next day when the clock jumps back by more than half a day
// (a log that crosses midnight with time-only stamps). Lines without a stamp keep their place.

import type { Finding, TimingEvent } from "./scan/scanner.js";
import { DAY_MS, isYearless } from "./scan/timestamps.js";

const HALF_DAY = DAY_MS / 2;
/** The detector of a PBX's dial result (scan/causes.ts). */
const DIAL_STATUS = "dial-status";
/** A dated stamp without a year that jumps back this far has moved into the next year. */
const HALF_YEAR = 183 * DAY_MS;
const YEAR = 366 * DAY_MS;
/** A stamp's fraction of a second ("10:00:01.250", "10:00:01,250"). */
const SUB_SECONDS = /[.,]\d/;

/**
 * One running timeline for stamps read in line order: a time of day is placed on the day of the
 * last date seen (or the day after, past midnight); a date without a year ("Mar 12 10:25:13" in a
 * syslog line next to an ISO-stamped trace) is placed in the year of the dated stamps around it,
 * and after a December-to-January jump in the following year.
 */
export class LogClock {
  private last = Number.NEGATIVE_INFINITY;
  /** Midnight of the day time-of-day stamps belong to (0 until a date is seen). */
  private day = 0;
  /** Years added to dated stamps without a year, while no stamp has named one. */
  private years = 0;

  /** `year`: the year the log's first stamp with a year names, for yearless stamps before it. */
  constructor(private year?: number) {}

  /**
   * A clock for stamps in line order. Time-of-day stamps before the first date (FreeSWITCH's
   * siptrace "at 17:40:00.000100:" above dated console lines) belong to that date's day, or to the
   * day before when their clock reads later than the date's: on the epoch day they would sit
   * decades before the dated lines and no interval between the two could be measured.
   */
  static of(stamps: Iterable<{ ms: number; yearless: boolean }>): LogClock {
    let year: number | undefined;
    let firstDated: { ms: number; yearless: boolean } | undefined;
    let firstClock: number | undefined;
    for (const s of stamps) {
      if (s.ms < DAY_MS) {
        if (!firstDated && firstClock === undefined) firstClock = s.ms;
        continue;
      }
      firstDated ??= s;
      if (!s.yearless) {
        year = new Date(s.ms).getUTCFullYear();
        break;
      }
    }
    const clock = new LogClock(year);
    if (firstDated && firstClock !== undefined) {
      const t = firstDated.yearless && year !== undefined ? inYear(firstDated.ms, year) : firstDated.ms;
      const tod = t % DAY_MS;
      clock.day = t - tod - (firstClock > tod ? DAY_MS : 0);
    }
    return clock;
  }

  /** [start, end) of `year`, so that stamps in the same year do not each work it out again. */
  private yearFrom = 0;
  private yearTo = 0;

  private setYear(ms: number): void {
    const year = new Date(ms).getUTCFullYear();
    this.year = year;
    this.yearFrom = Date.UTC(year, 0, 1);
    this.yearTo = Date.UTC(year + 1, 0, 1);
  }

  place(ms: number, yearless: boolean): number {
    let t: number;
    if (ms >= DAY_MS) {
      if (!yearless) {
        t = ms;
        if (ms < this.yearFrom || ms >= this.yearTo) this.setYear(ms);
      } else if (this.year !== undefined) {
        t = inYear(ms, this.year);
        if (t < this.last - HALF_YEAR) {
          t = inYear(ms, ++this.year);
          this.yearTo = 0;
        }
      } else {
        t = ms + this.years;
        if (t < this.last - HALF_YEAR) {
          this.years += YEAR;
          t += YEAR;
        }
      }
      this.day = t - (t % DAY_MS);
    } else {
      t = this.day + ms;
      if (t < this.last - HALF_DAY) {
        this.day += DAY_MS;
        t += DAY_MS;
      }
    }
    this.last = t;
    return t;
  }
}

/** A yearless stamp (placed in YEARLESS_YEAR) moved to the same month, day and time of `year`. */
function inYear(ms: number, year: number): number {
  const d = new Date(ms);
  return Date.UTC(
    year,
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/**
 * The times of two findings comparable with each other: a date without a year ("Mar  5 03:20:01"
 * in an SBC trace) is placed in the year of the other's dated stamp (an Asterisk log of the same
 * call pasted above it), else the two would be decades apart.
 */
export function comparableTimes(a: Finding, b: Finding): [number, number] {
  const ta = a.tsMs as number;
  const tb = b.tsMs as number;
  const ya = isYearless(a.timestamp);
  if (ya === isYearless(b.timestamp) || ta < DAY_MS || tb < DAY_MS) return [ta, tb];
  return ya
    ? [inYear(ta, new Date(tb).getUTCFullYear()), tb]
    : [ta, inYear(tb, new Date(ta).getUTCFullYear())];
}

/** Time order where timestamps exist; a line without one inherits the last one seen. */
export function chronological(findings: Finding[]): Finding[] {
  const yearless = findings.map((f) => f.tsMs !== undefined && isYearless(f.timestamp));
  const stamps: Array<{ ms: number; yearless: boolean }> = [];
  findings.forEach((f, i) => {
    if (f.tsMs !== undefined) stamps.push({ ms: f.tsMs, yearless: yearless[i] === true });
  });
  const clock = LogClock.of(stamps);
  let last = Number.NEGATIVE_INFINITY;
  const keyed = findings.map((f, i) => {
    if (f.tsMs !== undefined) {
      const t = clock.place(f.tsMs, yearless[i] === true);
      // A stamp without sub-seconds covers its whole second: it is no evidence of being earlier
      // than a millisecond stamp of that second, so it keeps its place in the log. A PBX's dial
      // status (Asterisk's "is circuit-busy", DIALSTATUS) reports the answer its dialed leg got:
      // within its second it goes after that answer in an SBC trace pasted below it.
      const whole = !SUB_SECONDS.test(f.timestamp ?? "");
      const key = whole && f.detector === DIAL_STATUS ? t + 999 : t;
      last = key < last && last - key < (whole ? 1000 : 1) ? last : key;
    }
    return { f, t: last };
  });
  keyed.sort((a, b) => a.t - b.t || a.f.line - b.f.line);
  return keyed.map((k) => k.f);
}

/**
 * Findings and timing events with their times on the one timeline of the log, so an interval that
 * crosses midnight in a log of time-only stamps is measured forward, not as minus a day.
 */
export function onLogClock(
  findings: Finding[],
  events: TimingEvent[],
): { findings: Finding[]; events: TimingEvent[] } {
  const stamped: Array<{ line: number; ms: number; yearless: boolean; i: number; event: boolean }> = [];
  findings.forEach((f, i) => {
    if (f.tsMs !== undefined)
      stamped.push({ line: f.line, ms: f.tsMs, yearless: isYearless(f.timestamp), i, event: false });
  });
  events.forEach((e, i) => {
    stamped.push({ line: e.line, ms: e.tsMs, yearless: e.yearless === true, i, event: true });
  });
  // Events of a line come before its findings: a request line and the response below it.
  stamped.sort((a, b) => a.line - b.line || Number(b.event) - Number(a.event));
  const clock = LogClock.of(stamped);
  const placedFindings = findings.slice();
  const placedEvents = events.slice();
  for (const s of stamped) {
    const t = clock.place(s.ms, s.yearless);
    if (t === s.ms) continue;
    if (s.event) {
      const e = events[s.i] as TimingEvent;
      // The last copy of a retransmitted request moves with its first.
      placedEvents[s.i] =
        e.lastTsMs === undefined ? { ...e, tsMs: t } : { ...e, tsMs: t, lastTsMs: e.lastTsMs + (t - s.ms) };
    } else placedFindings[s.i] = { ...(findings[s.i] as Finding), tsMs: t };
  }
  return { findings: placedFindings, events: placedEvents };
}
