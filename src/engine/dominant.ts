// Multi-call logs: the first failure by time is not always the incident. A failure repeated across
// more calls (503 ×3 from one carrier after a lone 404) is named too, and a registration failure the
// client got past (it went on to place a call) gives way to the call's own failure as the headline.
import type { Entry } from "../catalog/schema.js";
import { NOT_REGISTERED, sameDevice } from "./mobius-device.js";
import { mobiusFailoverSentence } from "./mobius-failover.js";
import { keyHost } from "./scan/fold.js";
import type { Finding } from "./scan/scanner.js";

export interface Dominant {
  /** The first finding of the group. */
  finding: Finding;
  count: number;
  calls: number;
}

function groupOf(f: Finding): string {
  return `${f.namespace}:${f.code}:${f.subcode}:${keyHost(f)}`;
}

/**
 * The failure (same code from the same host) seen in the most calls, when that is at least two
 * calls and more than the first failure's own: only calls the log tells apart by Call-ID count.
 */
export function dominantFailure(failures: readonly Finding[], first: Finding | null): Dominant | undefined {
  if (!first || failures.length < 2) return undefined;
  const groups = new Map<string, { finding: Finding; count: number; calls: Set<string> }>();
  for (const f of failures) {
    const k = groupOf(f);
    let g = groups.get(k);
    if (!g) {
      g = { finding: f, count: 0, calls: new Set() };
      groups.set(k, g);
    }
    g.count++;
    if (f.callId) g.calls.add(f.callId);
  }
  const own = groups.get(groupOf(first))?.calls.size ?? 0;
  let best: { finding: Finding; count: number; calls: Set<string> } | undefined;
  for (const g of groups.values()) if (!best || g.calls.size > best.calls.size) best = g;
  if (!best || best.calls.size < 2 || best.calls.size <= own) return undefined;
  return { finding: best.finding, count: best.count, calls: best.calls.size };
}

/** "Most frequent: SIP 503 Service Unavailable ×3 across 3 calls from 198.51.100.5:5060." */
export function dominantSentence(d: Dominant, named: (f: Finding) => string): string {
  const from = d.finding.host && d.finding.direction !== "local" ? ` from ${d.finding.host}` : "";
  return `Most frequent: ${named(d.finding)} ×${d.count} across ${d.calls} calls${from} (first on line ${d.finding.line}).`;
}

/**
 * A Mobius registration failure followed by a failing call of the same device: the device placed
 * the call, so it was registered again by then, and the call's failure is what the incident is
 * about. Not when that call was refused because the device is not registered (112): then the
 * registration failure is the cause, and it stays first.
 */
export function afterRecoveredRegistration(
  failures: readonly Finding[],
  first: Finding | null,
  entryOf: (f: Finding) => Entry | undefined,
): Finding | undefined {
  if (first?.namespace !== "mobius" || entryOf(first)?.phase !== "registration") return undefined;
  const call = failures.find(
    (f) =>
      f.line > first.line && f.namespace === "mobius" && entryOf(f)?.phase === "call" && sameDevice(first, f),
  );
  return call && call.subcode !== NOT_REGISTERED ? call : undefined;
}

/** The registration failure a later call shows the client got past; `failedOver`: the other Mobius
 *  cluster's answer that shows where it registered (see mobius-failover.ts). */
export function recoveredSentence(
  recovered: Finding,
  named: (f: Finding) => string,
  failedOver?: Finding,
): string {
  if (failedOver) return `Before it, ${mobiusFailoverSentence(recovered, failedOver, named)}`;
  return `Before it, ${named(recovered)} on line ${recovered.line} was recovered: the device went on to place a call, so it had registered again.`;
}
