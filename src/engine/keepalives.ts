// Missed Webex keepalives the client logged itself ("Keep-alive missed 3 times. Status -> 503"):
// a registered device sends one every 30 s and Mobius unregisters it after five misses in a row
// (the seed's 2 AM guide), so a run of them explains what fails next.
import type { Catalog } from "../catalog/indexes.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import type { TimerFinding } from "./timing.js";

const KEEPALIVE = "timer/mobius-registration-keepalive";
const UNREGISTER = "timer/mobius-unregister-after-missed-keepalives";

/** A count-less miss this close to the previous one repeats it: misses are seconds apart. */
const ECHO_MS = 1000;

/** "30 s", "29.5 s". */
const secs = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** The keepalive interval and the misses after which Mobius unregisters, from the catalog. */
function rule(catalog: Catalog): { everyMs: number; misses: number; windowMs: number } {
  const everyMs = catalog.byId.get(KEEPALIVE)?.timer?.defaultMs ?? 30_000;
  const windowMs = catalog.byId.get(UNREGISTER)?.timer?.defaultMs ?? 150_000;
  return { everyMs, misses: Math.max(1, Math.round(windowMs / everyMs)), windowMs };
}

/**
 * Runs of failed keepalives: a logged count that does not go up starts a new run. A line without
 * a count counts as the next miss of its run.
 */
function runs(events: TimingEvent[]): TimingEvent[][] {
  const out: TimingEvent[][] = [];
  let run: TimingEvent[] = [];
  let last = 0;
  for (const e of events) {
    if (e.kind !== "keepalive" && e.kind !== "keepalive-miss") continue;
    // A keepalive that worked ends the run.
    if (e.kind === "keepalive") {
      if (run.length > 0) out.push(run);
      run = [];
      last = 0;
      continue;
    }
    const prev = run[run.length - 1];
    // The same miss logged again on the next lines ("Status code: -> 503", "503 Service
    // Unavailable" under the same stamp): one miss.
    if (prev && e.missed === undefined && Math.abs(e.tsMs - prev.tsMs) < ECHO_MS) continue;
    const n = e.missed ?? last + 1;
    if (n <= last && run.length > 0) {
      out.push(run);
      run = [];
    }
    run.push(e);
    last = n;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** The misses of a run: the last count the client logged, or how many lines reported one. */
const missesOf = (run: TimingEvent[]) => (run[run.length - 1] as TimingEvent).missed ?? run.length;

/**
 * A note for the longest run of missed Webex keepalives: how many, how far apart, and whether it
 * reached the misses after which Mobius unregisters the device (then the note names the failure
 * that followed).
 */
export function missedKeepalives(
  catalog: Catalog,
  findings: Finding[],
  events: TimingEvent[],
): TimerFinding[] {
  let best: TimingEvent[] | undefined;
  for (const r of runs(events)) if (!best || missesOf(r) > missesOf(best)) best = r;
  if (!best) return [];
  const { everyMs, misses, windowMs } = rule(catalog);
  const first = best[0] as TimingEvent;
  const last = best[best.length - 1] as TimingEvent;
  const n = missesOf(best);
  const lines = first === last ? `line ${first.line}` : `lines ${first.line}–${last.line}`;
  const apart = best.length > 1 ? `, ${secs((last.tsMs - first.tsMs) / (best.length - 1))} apart` : "";
  const statuses = [...new Set(best.map((e) => e.status).filter((s) => s !== undefined))];
  const answered =
    statuses.length === 1
      ? `; each was answered with ${statuses[0]}, so Mobius (or a proxy in front of it) refused them: they were not simply lost on the way`
      : "";
  const what = `The client logged ${n} missed keepalive${n === 1 ? "" : "s"} in a row (${lines}${apart})${answered}.`;
  const rulePart = `one is due every ${secs(everyMs)} and Mobius unregisters the device after ${misses} misses (about ${secs(windowMs)})`;
  if (n < misses) {
    return [
      {
        timer: KEEPALIVE,
        title: "Missed keepalives",
        text: `${what} The device was still registered: ${rulePart}.`,
        intervalMs: last.tsMs - first.tsMs,
        evidence: best.map((e) => e.line),
      },
    ];
  }
  // The first failure after the run is what the unregistered device ran into.
  const after = findings.find(
    (f) => f.line > last.line && f.code >= 400 && !best.some((e) => e.line === f.line),
  );
  const next =
    after && after.tsMs !== undefined
      ? ` The failure on line ${after.line}, ${secs(after.tsMs - last.tsMs)} later, came after Mobius had unregistered the device.`
      : "";
  return [
    {
      timer: UNREGISTER,
      title: "Missed keepalives",
      text: `${what} That is the limit: ${rulePart}, so the registration was lost at line ${last.line}.${next}`,
      intervalMs: last.tsMs - first.tsMs,
      evidence: [...best.map((e) => e.line), ...(after ? [after.line] : [])],
    },
  ];
}
