// Kamailio's and OpenSIPS's registrar log "lookup_helper(): 'alice' Not found in usrloc" when
// lookup("location") finds no contact for the called user; the 404 (or 480) the proxy then sends
// itself means the callee is not registered, not that the number is wrong.
import type { Finding } from "./finding.js";

/** The registrar's words (registrar/lookup.c), found with the event anchors. */
export const LOOKUP_MISS = "Not found in usrloc";
/** How many lines after the registrar's line the proxy's reply may come. */
const MAX_LINES = 5;
/** A syslog tag's process id ("kamailio[9921]:"): one request is handled by one process. */
const PID = /\[(\d{1,7})\]:/;

let last: { lineNo: number; pid: string | undefined } | undefined;

/** Forgets the registrar's line of an earlier scan. */
export function resetLookupMiss(): void {
  last = undefined;
}

/** Notes the registrar's line `line` (number `lineNo`) when it says the lookup found nobody. */
export function noteLookupMiss(line: string, lineNo: number): void {
  if (line.includes("Not found in usrloc")) last = { lineNo, pid: PID.exec(line)?.[1] };
}

/**
 * Marks `f` as the reply to a callee with no registration when it is a 404 or 480 the log's own
 * system sent a few lines after the registrar's line, by the same process when both name one.
 */
export function markUnregistered(f: Finding): void {
  if (!last || f.namespace !== "sip" || (f.code !== 404 && f.code !== 480) || f.direction === "in") return;
  const gap = f.line - last.lineNo;
  if (gap < 0 || gap > MAX_LINES) return;
  const pid = last.pid === undefined ? undefined : PID.exec(f.text)?.[1];
  if (pid !== undefined && pid !== last.pid) return;
  f.unregistered = last.lineNo;
}
