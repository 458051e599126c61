// The session and registration moments in use (RFC 4028 session timers, Webex Calling's
// registration refresh), worked out from the Session-Expires, Min-SE and Expires given or their
// defaults: what the "Session timers" section shows and what a duration is checked against.
import type { Entry } from "../catalog/schema.js";
import { seconds } from "./timer-base.js";

/** RFC 4028 §4 recommends 1800 s as the session interval; §5 makes 90 s the smallest allowed. */
export const DEFAULT_SE = 1_800_000;
export const MIN_SE_FLOOR = 90_000;

export interface SessionValues {
  /** The session interval in use: the accepted Session-Expires given, or the default. */
  sessionExpiresMs: number;
  /** The Min-SE in use: the one given, or RFC 4028's 90 s floor. */
  minSeMs: number;
  /** Whether Session-Expires or Min-SE came from the user rather than RFC 4028's defaults. */
  given: boolean;
}

/** RFC 4028 §10: without a refresh, the side that is not the refresher sends BYE this long into the session. */
export function byeAt(se: number): number {
  return se - Math.min(32_000, se / 3);
}

interface Moment {
  ms: number;
  text: string;
}

/** The refresh, the BYE of an unrefreshed session and its end, for one session interval. */
function sessionMoments(se: number, label: string): Moment[] {
  const bye = byeAt(se);
  return [
    { ms: se / 2, text: `the session refresh at ${seconds(se / 2)} (half of ${label})` },
    {
      ms: bye,
      text: `the BYE of a session nobody refreshed, at ${seconds(bye)} (${label} − ${seconds(se - bye)})`,
    },
    { ms: se, text: `the end of a session nobody refreshed, at ${label}` },
  ];
}

/** Webex Calling's registration refresh at 3/4 of Expires, and the binding's end at Expires. */
function registrationMoments(expires: number): Moment[] {
  return [
    {
      ms: expires * 0.75,
      text: `Webex Calling's registration refresh at ${seconds(expires * 0.75)} (3/4 of Expires ${seconds(expires)})`,
    },
    {
      ms: expires,
      text: `the end of a registration nobody refreshed, at Expires ${seconds(expires)}`,
    },
  ];
}

/**
 * The session and registration moments near `targetMs` for the values in use. Min-SE is never
 * one: it is a floor carried in headers, and nothing fires when it is reached.
 */
export function sessionHits(
  v: SessionValues,
  expiresMs: number | undefined,
  near: (ms: number) => boolean,
): string[] {
  const se = v.sessionExpiresMs;
  const label = `${v.given ? "" : "the default "}Session-Expires ${seconds(se)}`;
  const moments = [...sessionMoments(se, label), ...(expiresMs ? registrationMoments(expiresMs) : [])];
  return moments.filter((m) => near(m.ms)).map((m) => m.text);
}

/**
 * With no Session-Expires given, the moments of a session negotiated at the 90 s floor: calls that
 * drop at 60 s are its BYE. "" when none is near.
 */
export function floorHits(near: (ms: number) => boolean): string {
  const hits = sessionMoments(MIN_SE_FLOOR, "Session-Expires 90 s")
    .filter((m) => near(m.ms))
    .map((m) => m.text);
  if (hits.length === 0) return "";
  // 90 s is also where people read Min-SE: it is the floor carried in headers, not a timer.
  const floor = near(MIN_SE_FLOOR) ? " Min-SE 90 s is that floor, carried in headers; it never fires." : "";
  return `With Session-Expires 90 s, the smallest RFC 4028 allows: ${hits.join(", ")}. Such a session is refreshed at 45 s; without the refresh, BYE comes at about 60 s and the session is dead at 90 s.${floor}`;
}

/** The catalog's session entries with their values and wording worked out for the values in use. */
export function sessionEntries(entries: Entry[], v: SessionValues): Entry[] {
  const se = v.sessionExpiresMs;
  const ms: Record<string, number> = {
    "timer/session-expires": se,
    "timer/min-se": v.minSeMs,
    "timer/session-refresh": se / 2,
  };
  if (!v.given) return entries;
  return entries.map((e) => {
    const value = ms[e.id];
    if (value === undefined || !e.timer) return e;
    const firesWhen =
      e.id === "timer/session-refresh"
        ? `A re-INVITE or UPDATE from the refresher at ${seconds(se / 2)}; without it, a BYE at about ${seconds(byeAt(se))} and the session is dead at ${seconds(se)}.`
        : e.timer.firesWhen;
    return { ...e, timer: { ...e.timer, defaultMs: value, firesWhen } };
  });
}
