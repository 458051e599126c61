// Timing events indexed once by Call-ID and method, so the timer analysis asks "the last INVITE of
// this call before 10:00:32" in log time instead of walking every event for every finding.
import type { TimingEvent } from "./scan/scanner.js";

/**
 * Event positions (in log order) with their times, answering order-and-time questions by binary
 * search. Log order and time order can disagree (clock steps, merged logs), so the answers are
 * phrased in log order exactly as a walk over the events would give them.
 */
class TimeList {
  readonly at: number[] = [];
  readonly ts: number[] = [];
  private sufMin: number[] | undefined;
  private preMax: number[] | undefined;
  private sorted: Float64Array | undefined;

  add(i: number, ts: number): void {
    this.at.push(i);
    this.ts.push(ts);
  }

  /** The last position whose time is ≤ limit (< limit when strict), or -1. */
  lastUpTo(limit: number, strict: boolean): number {
    // Suffix minima never decrease, and the last entry in time is where they first exceed the limit.
    if (!this.sufMin) {
      const m = new Array<number>(this.ts.length);
      let min = Number.POSITIVE_INFINITY;
      for (let k = this.ts.length - 1; k >= 0; k--) {
        min = Math.min(min, this.ts[k] as number);
        m[k] = min;
      }
      this.sufMin = m;
    }
    const m = this.sufMin;
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = m[mid] as number;
      if (strict ? v < limit : v <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : (this.at[lo - 1] as number);
  }

  /** The first position whose time is > limit, or -1. */
  firstAfter(limit: number): number {
    // Prefix maxima never decrease; the first one past the limit is the first such entry itself.
    if (!this.preMax) {
      const m = new Array<number>(this.ts.length);
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < this.ts.length; k++) {
        max = Math.max(max, this.ts[k] as number);
        m[k] = max;
      }
      this.preMax = m;
    }
    const m = this.preMax;
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((m[mid] as number) > limit) hi = mid;
      else lo = mid + 1;
    }
    return lo === m.length ? -1 : (this.at[lo] as number);
  }

  /** Whether any time lies in [from, to], wherever it is in the log. */
  anyBetween(from: number, to: number): boolean {
    this.sorted ??= Float64Array.from(this.ts).sort();
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((s[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < s.length && (s[lo] as number) <= to;
  }
}

const ANY = "\u0000any";
const NONE = "\u0000none";
const ALL_METHODS = "*";

/**
 * The events one question is about, grouped so that "same call" (equal Call-IDs, or either side
 * without one) and "this method, if any" are a lookup of at most two lists.
 */
export class EventIndex {
  private readonly lists = new Map<string, TimeList>();

  constructor(
    readonly events: readonly TimingEvent[],
    keep: (e: TimingEvent) => boolean,
  ) {
    events.forEach((e, i) => {
      // A NaN time satisfies no comparison, so it can never be an answer.
      if (!keep(e) || Number.isNaN(e.tsMs)) return;
      const call = e.callId ? e.callId : NONE;
      const method = e.method ?? "";
      for (const c of [call, ANY]) {
        this.list(c, ALL_METHODS).add(i, e.tsMs);
        if (method) this.list(c, method).add(i, e.tsMs);
      }
    });
  }

  private list(call: string, method: string): TimeList {
    const key = `${call}\u0001${method}`;
    let l = this.lists.get(key);
    if (!l) {
      l = new TimeList();
      this.lists.set(key, l);
    }
    return l;
  }

  /** Lists of the events on the same call as `callId` (every event when it is absent). */
  private candidates(callId: string | undefined, method: string | undefined): TimeList[] {
    const m = method ? method : ALL_METHODS;
    const out: TimeList[] = [];
    for (const c of callId ? [callId, NONE] : [ANY]) {
      const l = this.lists.get(`${c}\u0001${m}`);
      if (l) out.push(l);
    }
    return out;
  }

  /** The last event (log order) on the same call, of `method` if given, timed ≤ limit (< when strict). */
  lastUpTo(callId: string | undefined, method: string | undefined, limit: number, strict = false) {
    let best = -1;
    for (const l of this.candidates(callId, method)) best = Math.max(best, l.lastUpTo(limit, strict));
    return best < 0 ? undefined : this.events[best];
  }

  /** The first event (log order) on the same call timed after `limit`. */
  firstAfter(callId: string | undefined, limit: number): TimingEvent | undefined {
    let best = -1;
    for (const l of this.candidates(callId, undefined)) {
      const i = l.firstAfter(limit);
      if (i >= 0 && (best < 0 || i < best)) best = i;
    }
    return best < 0 ? undefined : this.events[best];
  }

  /** Whether an event on the same call is timed within [from, to]. */
  anyBetween(callId: string | undefined, from: number, to: number): boolean {
    return this.candidates(callId, undefined).some((l) => l.anyBetween(from, to));
  }
}
