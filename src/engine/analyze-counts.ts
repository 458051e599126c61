// What a scan counts, for the card's "Codes found" field and --json's counts: every finding once,
// codes rather than rows, and a failure a B2BUA only relayed to its caller apart from the failing
// codes, since it is the same failure told again on the other leg.
import type { Analysis } from "./analysis.js";
import type { Row } from "./rows.js";
import { MOBIUS_REGISTERED } from "./scan/mobius-registered.js";
import type { ScanOutput } from "./scan/scanner.js";

/**
 * The counts of a scan whose timeline has `rows`. `copies`: hang-up Reasons repeated in a
 * retransmitted BYE or CANCEL, which are one hang-up and are not counted again.
 */
export function scanCounts(scan: ScanOutput, rows: readonly Row[], copies: number): Analysis["counts"] {
  // A registration the Webex SDK logged in words shows no status: counted apart from the codes.
  const registered = scan.findings.filter((f) => f.detector === MOBIUS_REGISTERED).length;
  // Codes, not rows: a code from several hosts is one code.
  const distinct = new Set(rows.map((r) => r.code)).size - (registered > 0 && !otherHttp200(scan) ? 1 : 0);
  const failing = new Set<string>();
  const relayedCodes = new Set<string>();
  for (const r of rows) {
    if (!r.item.failure) continue;
    if (r.item.relays === undefined) failing.add(r.code);
    else relayedCodes.add(r.code);
  }
  // A code that also failed on its own is counted as failing, not again as relayed.
  const relayed = [...relayedCodes].filter((c) => !failing.has(c)).length;
  // A symptom (RTP that stopped, a webhook Twilio could not reach) is no code: named apart, so the
  // count stays the codes'.
  const symptoms =
    scan.findings.filter((f) => f.namespace === "symptom").length +
    scan.folded.reduce((n, c) => n + (c.namespace === "symptom" ? c.count : 0), 0);
  return {
    findings: scan.findings.length + scan.omitted - copies,
    distinct,
    failures: failing.size,
    relayed,
    omitted: scan.omitted,
    lines: scan.lines,
    symptoms,
    registrations: registered,
  };
}

/** Whether an HTTP 200 other than a logged registration is among the codes (then 200 stays a code). */
function otherHttp200(scan: ScanOutput): boolean {
  const http200 = (f: { namespace: string; code: number }) => f.namespace === "http" && f.code === 200;
  return (
    scan.findings.some((f) => http200(f) && f.detector !== MOBIUS_REGISTERED) || scan.folded.some(http200)
  );
}
