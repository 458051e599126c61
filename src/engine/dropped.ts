// A call answered and then torn down because the ACK for its 200 OK never came (RFC 3261
// §13.3.1.4: the UAS resends the 200 for 64×T1, then ends the call). Every code in such a log is
// normal traffic, so without this the verdict would read "no failures" on a call that dropped.
import type { Finding } from "./scan/scanner.js";
import type { TimerFinding } from "./timing.js";

export interface DroppedCall {
  /** The verdict line, in place of "no failures". */
  label: string;
  /** The summary's headline sentence. */
  sentence: string;
  /** Where the ACK was lost: between the requester and the side that resent its 200 OK. */
  component: string;
}

/** The first no-ACK drop among the timer notes (see missingAck in timing.ts), read as the failure. */
export function droppedCall(timers: TimerFinding[], findings: readonly Finding[]): DroppedCall | undefined {
  const t = timers.find((n) => n.timer === "timer/h");
  if (!t) return undefined;
  const [okLine, byeLine] = t.evidence;
  const ok = findings.find((f) => f.line === okLine);
  const secs = `${(t.intervalMs / 1000).toFixed(1)} s`;
  const sender = ok?.host && ok.direction !== "out" && ok.direction !== "local" ? ok.host : undefined;
  const answerer = sender ? `${sender}${ok?.agent ? ` (${ok.agent})` : ""}` : "the side that answered";
  const caller = ok?.via ? `${ok.via} (the caller, in its top Via)` : "the caller";
  return {
    label: "Call dropped: no ACK for the 200 OK (64×T1)",
    sentence: `The call was answered and then dropped: nothing acknowledged the 200 OK on line ${okLine}, and the call was torn down ${secs} later (BYE on line ${byeLine}); every code found is otherwise normal traffic.`,
    component: `the ACK's path from ${caller} to ${answerer}: the 200 OK was lost on its way back, or the ACK went where the 200 OK's Contact or Record-Route point and was lost there`,
  };
}
