// The base timers T1/T2/T4 with their RFC 3261 and IMS (3GPP TS 24.229) defaults, and how a timer
// value is written for people ("500 ms", "1.5 s", "32 s").

export type Base = { t1: number; t2: number; t4: number };
export const RFC3261: Base = { t1: 500, t2: 4000, t4: 5000 };
export const IMS: Base = { t1: 2000, t2: 16_000, t4: 17_000 };
export type Profile = "rfc3261" | "ims";
/** Timer D on UDP does not follow T1: RFC 3261 fixes it at "at least 32 s" (§17.1.1.2, Table 4)
 *  whatever T1 is, and 3GPP TS 24.229 Table 7.7.1 at "more than 128 s" in IMS. */
export const TIMER_D_UDP: Record<Profile, number> = { rfc3261: 32_000, ims: 128_000 };

/** "500 ms", "10.5 ms", "1250 ms", "1.5 s", "60.7 s", "1768 s": one decimal at most. */
export function seconds(ms: number): string {
  const tenths = Math.round(ms * 10) / 10;
  if (tenths < 1000 || (tenths < 10_000 && tenths % 100 !== 0)) return `${tenths} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}
