// The base timers T1/T2/T4 with their RFC 3261 and IMS (3GPP TS 24.229) defaults, and how a timer
// value is written for people ("500 ms", "1.5 s", "32 s").

export type Base = { t1: number; t2: number; t4: number };
export const RFC3261: Base = { t1: 500, t2: 4000, t4: 5000 };
export const IMS: Base = { t1: 2000, t2: 16_000, t4: 17_000 };

/** "500 ms", "10.5 ms", "1250 ms", "1.5 s", "60.7 s", "1768 s": one decimal at most. */
export function seconds(ms: number): string {
  const tenths = Math.round(ms * 10) / 10;
  if (tenths < 1000 || (tenths < 10_000 && tenths % 100 !== 0)) return `${tenths} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}
