// The order of a number's meanings within the Mobius and ACS families: the general entry first,
// or, where there is none, the Microsoft PSTN subcode that repeats the code (403/510403).
import type { Entry, Namespace } from "../catalog/schema.js";

/**
 * The order of a code's meanings when no subcode was given: the general entry (no subcode, or 0)
 * first, then by subcode. Where there is no general entry, a Microsoft PSTN subcode that repeats
 * the code (403/510403) is the closest thing to one, and leads: the lowest subcode may be a
 * product's own refusal (403/5828 is Rooms only, which Teams and most ACS calls never use).
 */
export function bySubcodeFor(code: number, entries: readonly Entry[]): (a: Entry, b: Entry) => number {
  const general = entries.some((e) => e.subcode === null || e.subcode === 0);
  const echoes = (e: Entry) =>
    !general && e.subcode !== null && PSTN_ECHO.test(`${e.subcode}`) && e.subcode % 1000 === code;
  return (a, b) => Number(echoes(b)) - Number(echoes(a)) || (a.subcode ?? -1) - (b.subcode ?? -1);
}

/**
 * A bare number's meanings with each Mobius and ACS group in the order `mobius N` and `acs N` give
 * it, so a bare 403 leads its ACS meanings with 403/510403 as `acs 403` does. The families keep
 * their places.
 */
export function familyOrdered(code: number, entries: readonly Entry[]): Entry[] {
  const sorted = new Map<Namespace, Entry[]>();
  for (const ns of ["mobius", "acs"] as const) {
    const group = entries.filter((e) => e.namespace === ns);
    if (group.length > 1) sorted.set(ns, [...group].sort(bySubcodeFor(code, group)));
  }
  if (sorted.size === 0) return [...entries];
  return entries.map((e) => sorted.get(e.namespace)?.shift() ?? e);
}

/** A six-digit Microsoft subcode whose last three digits repeat a SIP code (510403, 560486). */
const PSTN_ECHO = /^5[146]0\d{3}$/;
