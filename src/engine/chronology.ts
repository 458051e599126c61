// Findings in time order. Dated stamps order as they are; a time of day joins the day of the last
// date seen, and moves to the next day when the clock jumps back by more than half a day
// (a log that crosses midnight with time-only stamps). Lines without a stamp keep their place.

import type { Finding } from "./scan/scanner.js";
import { DAY_MS, isYearless } from "./scan/timestamps.js";

const HALF_DAY = DAY_MS / 2;
/** A dated stamp without a year that jumps back this far has moved into the next year. */
const HALF_YEAR = 183 * DAY_MS;
const YEAR = 366 * DAY_MS;

/** Time order where timestamps exist; a line without one inherits the last one seen. */
export function chronological(findings: Finding[]): Finding[] {
  let last = Number.NEGATIVE_INFINITY;
  // Midnight of the day time-of-day stamps belong to (0 until a date is seen).
  let day = 0;
  // Years added to dated stamps without a year after a December-to-January jump.
  let years = 0;
  const keyed = findings.map((f) => {
    if (f.tsMs !== undefined) {
      let t: number;
      if (f.tsMs >= DAY_MS) {
        t = f.tsMs + (years > 0 && isYearless(f.timestamp) ? years : 0);
        if (t < last - HALF_YEAR && isYearless(f.timestamp)) {
          years += YEAR;
          t += YEAR;
        }
        day = t - (t % DAY_MS);
      } else {
        t = day + f.tsMs;
        if (t < last - HALF_DAY) {
          day += DAY_MS;
          t += DAY_MS;
        }
      }
      // A stamp without sub-seconds is no evidence of being earlier within its own second.
      const precision = /[.,]\d/.test(f.timestamp ?? "") ? 1 : 1000;
      last = t < last && last - t < precision ? last : t;
    }
    return { f, t: last };
  });
  keyed.sort((a, b) => a.t - b.t || a.f.line - b.f.line);
  return keyed.map((k) => k.f);
}
