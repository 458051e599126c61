// The T1 a request's own retransmissions show. RFC 3261 §17.1.1.2 sends the first retransmission
// T1 after the request and doubles the interval each time (Timer A for an INVITE; Timer E for other
// requests, §17.1.2.2, doubles up to T2 and then stays there), and Timer B/F is 64×T1. A log whose
// copies go out 1, 2, 4, 8 s apart therefore has T1 = 1 s and Timer B at 64 s, not the 32 s of the
// default T1; saying 32 s would have the reader expect a 408 half a minute before it comes.
import { RFC3261, seconds } from "./timer-base.js";

/** How far each gap may stray from the exact doubling: a stack's timer and a log's stamps jitter. */
const JITTER = 0.15;
/** At least two gaps (three copies): one gap alone shows no doubling. */
const MIN_GAPS = 2;

const within = (ms: number, expected: number) => Math.abs(ms - expected) <= expected * JITTER;

/**
 * The T1 the send times of one request show, rounded to 50 ms (configured T1 values are round), or
 * undefined unless the gaps between them follow the exact pattern: the first gap T1, each next one
 * twice the one before (±15 %). For a request other than INVITE the interval may stop growing (at
 * T2) and then stays the same.
 */
export function observedT1(sentAtMs: readonly number[], invite: boolean): number | undefined {
  const gaps: number[] = [];
  for (let k = 1; k < sentAtMs.length; k++) gaps.push((sentAtMs[k] as number) - (sentAtMs[k - 1] as number));
  if (gaps.length < MIN_GAPS || !gaps.every((g) => Number.isFinite(g) && g > 0)) return undefined;
  let expected = gaps[0] as number;
  /** How many gaps doubled (the first counts): the copies T1, 2×T1, 4×T1 … after the first. */
  let doubled = 1;
  for (let k = 1; k < gaps.length; k++) {
    const g = gaps[k] as number;
    if (doubled === k && within(g, expected * 2)) {
      expected *= 2;
      doubled++;
    } else if (!invite && doubled >= MIN_GAPS && within(g, gaps[k - 1] as number)) {
      // Timer E reached T2: the interval stays the same from here on.
    } else return undefined;
  }
  // The doubling run spans (2^n − 1)×T1: measured over the whole run, one late stamp hardly moves it.
  const span = (sentAtMs[doubled] as number) - (sentAtMs[0] as number);
  return Math.round(span / (2 ** doubled - 1) / 50) * 50;
}

/** Whether an observed T1 is the RFC 3261 default within the jitter allowed (no need to say it). */
export function isDefaultT1(t1: number): boolean {
  return within(t1, RFC3261.t1);
}

/** Why a no-response note gives Timer B/F from the log's own T1: "the copies here went 1 s apart
 *  at first, then twice as far each time, so T1 is 1 s, not the default 500 ms". */
export function observedT1Words(t1: number): string {
  return `the copies here went ${seconds(t1)} apart at first, then twice as far each time, so T1 is ${seconds(t1)}, not the default 500 ms`;
}
