// "Which timers fire at N seconds": the timers near a duration with the chosen T1/T2/T4, or else
// with the other profile's values or another T1.
import type { Catalog } from "../catalog/indexes.js";
import { type Base, IMS, type Profile, RFC3261, seconds } from "./timer-base.js";
import { DERIVE, rowsFor, SIXTY_FOUR_T1 } from "./timer-rows.js";
import { DEFAULT_SE, floorHits, MIN_SE_FLOOR, type SessionValues, sessionHits } from "./timer-session.js";
import type { TimerRow } from "./timers.js";

/** The session and registration values in use, so a duration is checked against them. */
export interface InUse {
  session: SessionValues;
  /** The Expires given, if any (no Expires has a default worth matching). */
  expiresMs: number | undefined;
  /** Whether a Session-Expires was given: else a session at the 90 s floor is worth naming too. */
  seGiven: boolean;
}
/** Nothing given: RFC 4028's recommended interval and floor, and no Expires. */
const DEFAULTS: InUse = {
  session: { sessionExpiresMs: DEFAULT_SE, minSeMs: MIN_SE_FLOOR, given: false },
  expiresMs: undefined,
  seGiven: false,
};
/** RFC 4028 entries: their moments come from the values in use (sessionHits), never the catalog's defaults. */
const SESSION = new Set(["timer/session-expires", "timer/min-se", "timer/session-refresh"]);

/** T1 values tried when a duration matches no timer with the chosen ones: 250 ms to 4 s. */
const T1_STEPS = Array.from({ length: 16 }, (_, i) => (i + 1) * 250);
/** Transaction timers worth T1 itself: what a duration of a second or two points at. */
const EQUAL_T1 = new Set(["timer/t1", "timer/a", "timer/e", "timer/g"]);
/** Timer A's intervals: T1 doubled five times, the last 32×T1 before Timer B fires at 64×T1. */
const ORDINAL = ["1st", "2nd", "3rd", "4th", "5th", "6th"];

/** Within 5 % of the target (at least 100 ms): 31–33 s is "about 32 s", 30 s and 35 s are not. */
function near(v: number | null, targetMs: number): v is number {
  return v !== null && v > 0 && Math.abs(v - targetMs) <= Math.max(100, targetMs * 0.05);
}

/** "Timer B, Timer F at 64 s" for the rows near the target, or "" when none is. */
function hitList(rows: TimerRow[], targetMs: number): { text: string; distance: number } {
  const names: string[] = [];
  const values = new Set<number>();
  let distance = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    const v = [r.udpMs, r.tcpMs].find((x) => near(x, targetMs));
    if (v === undefined || v === null) continue;
    names.push(r.entry.title);
    values.add(v);
    distance = Math.min(distance, Math.abs(v - targetMs));
  }
  if (names.length === 0) return { text: "", distance };
  return { text: `${names.join(", ")} at ${[...values].map(seconds).join(" and ")}`, distance };
}

/**
 * Which timers fire at about `targetMs` with the chosen values; when none does, which would with
 * the other profile's values or with another T1 (as 64×T1), and under which setting.
 */
export function around(
  catalog: Catalog,
  rows: TimerRow[],
  targetMs: number,
  profile: Profile,
  base: Base,
  inUse: InUse = DEFAULTS,
): string {
  const hits = rows
    .filter((r) => near(r.udpMs, targetMs) || near(r.tcpMs, targetMs))
    .map((r) => r.entry.title);
  for (const e of catalog.byNamespace.get("timer") ?? []) {
    if (DERIVE[e.id] || SESSION.has(e.id)) continue;
    if (e.timer?.defaultMs && near(e.timer.defaultMs, targetMs)) hits.push(e.title);
  }
  hits.push(...sessionHits(inUse.session, inUse.expiresMs, (ms) => near(ms, targetMs)));
  const interval = retransmitInterval(base, targetMs);
  if (hits.length > 0) {
    // 4 s is T2 itself, and also where INVITE copies stand 4 s apart: say both.
    const also = interval === "" ? "" : ` It is also ${interval}.`;
    return `At about ${seconds(targetMs)}: ${[...new Set(hits)].join(", ")}.${also}`;
  }
  const here = `${profile === "ims" ? "IMS " : ""}T1 = ${seconds(base.t1)}`;
  const parts = [
    interval === ""
      ? `No standard timer fires at about ${seconds(targetMs)} with ${here}.`
      : `At about ${seconds(targetMs)} with ${here}: ${interval}.`,
  ];
  const other = profile === "ims" ? RFC3261 : IMS;
  const otherSetting =
    profile === "ims" ? "With the RFC 3261 defaults (T1 = 500 ms)" : "With IMS T1 = 2 s (timers ims)";
  const tried = new Set([base.t1]);
  const changed = (r: TimerRow, i: number) => r.udpMs !== rows[i]?.udpMs || r.tcpMs !== rows[i]?.tcpMs;
  const inOther = hitList(
    rowsFor(catalog, other, profile === "ims" ? "rfc3261" : "ims").filter((r, i) => changed(r, i)),
    targetMs,
  );
  if (inOther.text !== "") {
    parts.push(`${otherSetting}: ${inOther.text}.`);
    tried.add(other.t1);
  }
  let best: { t1: number; text: string; distance: number } | undefined;
  for (const t1 of T1_STEPS) {
    if (tried.has(t1)) continue;
    const b = { ...base, t1, t2: Math.max(base.t2, t1) };
    const hit = hitList(
      rowsFor(catalog, b, profile).filter(
        (r, i) =>
          ((SIXTY_FOUR_T1.has(r.entry.id) && r.udpMs === 64 * t1) ||
            (EQUAL_T1.has(r.entry.id) && r.udpMs === t1)) &&
          changed(r, i),
      ),
      targetMs,
    );
    if (hit.text !== "" && (!best || hit.distance < best.distance)) best = { t1, ...hit };
  }
  // T1 itself runs to 4 s and 64×T1 starts at 16 s, so a hit is one or the other.
  if (best) parts.push(`With T1 = ${seconds(best.t1)}: ${best.text}${targetMs > 8000 ? " (64×T1)" : ""}.`);
  // A session can sit at the 90 s floor only when no Session-Expires and no higher Min-SE was given.
  const atFloor = !inUse.seGiven && inUse.session.minSeMs === MIN_SE_FLOOR;
  const floor = atFloor ? floorHits((ms) => near(ms, targetMs)) : "";
  if (floor !== "") parts.push(floor);
  // The other profile's retransmission intervals count too, so "checked with the IMS profile" is
  // true; they are named only when nothing else explains the value.
  const otherInterval = parts.length === 1 && interval === "" ? retransmitInterval(other, targetMs) : "";
  if (otherInterval !== "") parts.push(`${otherSetting}: ${otherInterval}.`);
  if (parts.length === 1 && interval === "") {
    parts[0] = `No standard timer fires at about ${seconds(targetMs)} (checked with ${here}, the ${profile === "ims" ? "RFC 3261 defaults" : "IMS profile"} and 64×T1 for T1 up to 4 s).`;
  }
  return parts.join(" ");
}

/**
 * Which retransmission interval the target is, or "". Timer A doubles from T1 with no cap until
 * Timer B ends the INVITE transaction at 64×T1, so INVITE copies over UDP stand T1, 2×T1 … 32×T1
 * apart (0.5, 1, 2, 4, 8, 16 s: RFC 3261 §17.1.1.2). Timers E and G double the same way but stop
 * at T2 (§17.1.2.2, §17.2.1): an interval of T2 is their longest, and anything above it is Timer
 * A's alone. An interval equal to T1 is T1's own value and already answered.
 */
function retransmitInterval(base: Base, targetMs: number): string {
  for (let k = 1; k < ORDINAL.length; k++) {
    const ms = base.t1 * 2 ** k;
    if (!near(ms, targetMs)) continue;
    const ordinal = `the ${ORDINAL[k]} retransmission interval of`;
    if (ms < base.t2 && !near(base.t2, targetMs))
      return `${ordinal} Timer A, Timer E and Timer G (${intervals(base.t1, 4)} s…)`;
    const invite = `${ordinal} Timer A (INVITE copies over UDP: ${intervals(base.t1, ORDINAL.length)} s apart, then Timer B)`;
    return near(base.t2, targetMs)
      ? `${invite}, and the longest of Timer E and Timer G, which stop doubling at T2`
      : `${invite}; Timer E and Timer G stop doubling at T2 = ${seconds(base.t2)}`;
  }
  return "";
}

/** "0.5, 1, 2, 4": the first `n` intervals of a retransmission that starts at T1 and doubles. */
function intervals(t1: number, n: number): string {
  return Array.from({ length: n }, (_, k) => Number(((t1 * 2 ** k) / 1000).toFixed(3))).join(", ");
}
