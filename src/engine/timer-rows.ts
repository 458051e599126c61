// The transaction timers (RFC 3261 §17 and Table 4, RFC 6026 for L/M) worked out from T1/T2/T4:
// each timer's UDP and TCP value, with its catalog wording adjusted to match.
import type { Catalog } from "../catalog/indexes.js";
import { type Base, type Profile, TIMER_D_UDP } from "./timer-base.js";
import { WORDING } from "./timer-wording.js";
import type { TimerRow } from "./timers.js";

/** How each transaction timer derives from the base timers: [UDP, TCP] in ms. */
export const DERIVE: Record<string, (b: Base, profile: Profile) => [number | null, number | null]> = {
  "timer/t1": (b) => [b.t1, b.t1],
  "timer/t2": (b) => [b.t2, b.t2],
  "timer/t4": (b) => [b.t4, b.t4],
  "timer/a": (b) => [b.t1, null],
  "timer/b": (b) => [64 * b.t1, 64 * b.t1],
  "timer/c": () => [180_000, 180_000],
  "timer/d": (_b, profile) => [TIMER_D_UDP[profile], 0],
  "timer/e": (b) => [b.t1, null],
  "timer/f": (b) => [64 * b.t1, 64 * b.t1],
  "timer/g": (b) => [b.t1, null],
  "timer/h": (b) => [64 * b.t1, 64 * b.t1],
  "timer/i": (b) => [b.t4, 0],
  "timer/j": (b) => [64 * b.t1, 0],
  "timer/k": (b) => [b.t4, 0],
  "timer/l": (b) => [64 * b.t1, 64 * b.t1],
  "timer/m": (b) => [64 * b.t1, 64 * b.t1],
};
/** Transaction timers worth 64×T1: what a timeout of N seconds points at when T1 is not 500 ms.
 *  Timer D is not one: its value is fixed (TIMER_D_UDP). */
export const SIXTY_FOUR_T1 = new Set(["timer/b", "timer/f", "timer/h", "timer/j", "timer/l", "timer/m"]);

export function rowsFor(catalog: Catalog, base: Base, profile: Profile = "rfc3261"): TimerRow[] {
  const rows: TimerRow[] = [];
  for (const [id, derive] of Object.entries(DERIVE)) {
    const entry = catalog.byId.get(id);
    if (!entry) continue;
    const [udpMs, tcpMs] = derive(base, profile);
    const row: TimerRow = { entry, udpMs, tcpMs };
    for (const field of ["formula", "firesWhen"] as const) {
      let text = entry.timer?.[field];
      if (text === undefined) continue;
      for (const w of WORDING[id] ?? [])
        if (w.field === field) text = text.split(w.text).join(w.value(base, profile));
      row[field] = text;
    }
    rows.push(row);
  }
  return rows;
}
