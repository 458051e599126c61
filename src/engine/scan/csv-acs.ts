// ACSCallSummary exports (Azure Monitor Log Analytics, CSV or copied from the results grid): the
// ParticipantEndReason/ParticipantEndSubCode columns are an ACS call-end pair, and the grid writes
// its column names with the time zone ("TimeGenerated [UTC]") and its times in the US form.
import type { Catalog } from "../../catalog/indexes.js";
import { type Hit, hit } from "./hit.js";

/** The zone the Log Analytics grid appends to a time column's name: no part of the name. */
const ZONE_TAG = / \[(?:UTC|Local Time)\]/gi;

/** A header line without the grid's zone tags, so the tags' brackets do not read as a log line. */
export function withoutZoneTags(line: string): string {
  return line.includes(" [") ? line.replace(ZONE_TAG, "") : line;
}

/**
 * The ACS pair of a row: 0/0 and every other pair as ACSCallSummary states it (an uncatalogued
 * 560xxx is still read by its prefix); a reason without subcode only when the catalog has it.
 */
export function acsRowHit(
  c: Catalog,
  code: string,
  sub: string,
  confidence: number,
  detector: string,
): Hit | undefined {
  if (!code) return undefined;
  const n = Number(code);
  if (sub) return hit("acs", n, Number(sub), confidence, detector, true);
  return c.byId.has(`acs/${n}`) ? hit("acs", n, null, confidence, detector, true) : undefined;
}

/** The grid's US-style time: "5/14/2024, 9:05:00.000 AM" (UTC unless the header says otherwise). */
const GRID_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))? ?([AP]M)$/i;

export function gridTime(v: string): { text: string; ms: number } | undefined {
  const m = GRID_TIME.exec(v);
  if (!m) return undefined;
  let [month, day] = [Number(m[1]), Number(m[2])];
  // A first number past 12 is the day: the grid follows the browser's locale.
  if (month > 12) [month, day] = [day, month];
  let hour = Number(m[4]) % 12;
  if ((m[8] ?? "").toUpperCase() === "PM") hour += 12;
  const ms = Date.UTC(
    Number(m[3]),
    month - 1,
    day,
    hour,
    Number(m[5]),
    Number(m[6]),
    Number((m[7] ?? "0").padEnd(3, "0")),
  );
  return Number.isNaN(ms) ? undefined : { text: v, ms };
}
