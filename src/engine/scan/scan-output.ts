// What a scan gives the analysis: the findings kept, the timing events, and what was counted but
// not kept.
import type { TimingEvent } from "./events.js";
import type { Finding } from "./finding.js";
import type { FoldedCount } from "./fold.js";

export interface ScanOutput {
  /** In line order: every finding up to a cap, then the first few of each timeline key. */
  findings: Finding[];
  events: TimingEvent[];
  /** Findings counted but not kept: repeats past the cap. */
  omitted: number;
  /** The omitted repeats per timeline key (analyze adds them to the counts). */
  folded: FoldedCount[];
  lines: number;
  bytes: number;
}
