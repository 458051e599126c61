// The one merged follow-up checklist of an analysis: the catalog's checks for the failures, then
// reordered where the log itself shows what the catalog would have us check for (a failover, a
// Retry-After, a stale nonce, a failed transfer, media lost behind NAT).
import { type ChecklistParts, MAX_CHECKLIST, mergeChecklist } from "./checklist.js";
import { failoverChecks } from "./failover.js";
import { type NatHint, withNatChecks } from "./nat-media.js";
import { retryAfterChecks } from "./retry-after.js";
import type { Finding } from "./scan/scanner.js";
import { staleChecks } from "./stale-nonce.js";
import { type TransferReport, transferChecks } from "./transfer.js";

/** What the log shows about the headline failure that puts some checks first. */
export interface Pressing {
  first: Finding | null;
  /** The server the call failed over to. */
  failover: Finding | undefined;
  /** The headline failure is a stale-nonce challenge no retry settled. */
  staleFirst: boolean;
  transfer: TransferReport | undefined;
  nat: NatHint | undefined;
}

export function followUpChecklist(parts: ChecklistParts, pressing: Pressing): string[] {
  const { first, failover, staleFirst, transfer, nat } = pressing;
  const checklist = mergeChecklist(parts);
  // The log shows the failover the catalog would have us check for.
  if (first && failover)
    checklist.splice(
      0,
      checklist.length,
      ...failoverChecks(checklist, first, failover).slice(0, MAX_CHECKLIST),
    );
  // The log shows the Retry-After the catalog would have us check for.
  if (first?.retryAfter !== undefined)
    checklist.splice(0, checklist.length, ...retryAfterChecks(checklist, first));
  if (staleFirst) checklist.splice(0, checklist.length, ...staleChecks(checklist, MAX_CHECKLIST));
  // A failed transfer: the transfer's checks lead the target's answer's.
  if (transfer) checklist.splice(0, checklist.length, ...transferChecks(checklist, MAX_CHECKLIST));
  // Media that stopped on a call answered from behind NAT: the NAT checks lead.
  if (nat) checklist.splice(0, checklist.length, ...withNatChecks(checklist, nat, MAX_CHECKLIST));
  return checklist;
}
