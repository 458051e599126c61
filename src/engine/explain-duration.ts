// A duration asked about ("486 ms", "3 minutes", "32000 ms"): the timers that run about that long
// with the RFC 3261 defaults, and what `timers <duration>` says about it, never a code's card.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import type { ParsedQuery } from "./query.js";
import { RFC3261, seconds } from "./timer-base.js";
import { around } from "./timer-lookup.js";
import { DERIVE, rowsFor } from "./timer-rows.js";

/** Within 5 % (at least 100 ms), as the timers calculator reads "about". */
function near(v: number | null | undefined, ms: number): boolean {
  return v !== null && v !== undefined && v > 0 && Math.abs(v - ms) <= Math.max(100, ms * 0.05);
}

/** The base timers: a duration equal to T1 is T1 itself, and Timer A, E and G start from it. */
const BASE = new Set(["timer/t1", "timer/t2", "timer/t4"]);

/** The timers that run about `ms` with the RFC 3261 defaults, base timers alone when one fits. */
function timersAt(c: Catalog, ms: number): Entry[] {
  const hits = rowsFor(c, RFC3261, "rfc3261")
    .filter((r) => near(r.udpMs, ms) || near(r.tcpMs, ms))
    .map((r) => r.entry);
  for (const e of c.byNamespace.get("timer") ?? []) {
    if (!DERIVE[e.id] && near(e.timer?.defaultMs, ms) && !hits.includes(e)) hits.push(e);
  }
  const base = hits.filter((e) => BASE.has(e.id));
  return base.length > 0 ? base : hits;
}

/** How `timers` is asked for the same duration: "486ms", "32s", "180s". */
function timersArg(ms: number): string {
  return ms < 1000 || ms % 1000 !== 0 ? `${ms}ms` : `${ms / 1000}s`;
}

export function durationResult(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "text" },
  ms: number,
): ExplainResult {
  const results = timersAt(c, ms);
  const rows = rowsFor(c, RFC3261, "rfc3261");
  const said = around(c, rows, ms, "rfc3261", RFC3261);
  const note =
    `"${echo(query, 60)}" is a duration (${seconds(ms)}), not a code. ${said} ` +
    `\`timers ${timersArg(ms)}\` works it out with other T1 values and the IMS profile.`;
  const kind = results.length === 0 ? "unknown" : results.length === 1 ? "found" : "ambiguous";
  return { query, kind, parsed, results, others: [], classEntry: null, note, suggestions: [] };
}
