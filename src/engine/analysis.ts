// What analyze() returns: the neutral result every renderer and the CLI's --json read, and the
// words for a text with no codes at all.
import type { TimelineItem } from "./rows.js";
import type { Finding } from "./scan/scanner.js";
import { AUDIO_HINT } from "./summary-words.js";
import type { TimerFinding } from "./timing.js";

export interface Analysis {
  firstFailure: Finding | null;
  /** With no first failure, set when a request got no answer at all ("No answer: BYE to host (Timer F)"). */
  firstFailureLabel: string | null;
  failingComponent: string | null;
  timeline: TimelineItem[];
  normal: string[];
  correlations: string[];
  /** Timers that most likely fired, measured from the trace's timestamps. */
  timers: TimerFinding[];
  summary: string;
  checklist: string[];
  /** `distinct` and `failures` count codes (namespace, code and subcode), not timeline rows;
   *  `relayed` counts the codes that only a B2BUA's relay of another failure brought (not in `failures`). */
  /** `symptoms` counts symptoms among `findings` (RTP that stopped, an unreachable webhook: no code), and
   *  `registrations` the Webex client's registrations it logged in words (no status in the log). */
  counts: {
    findings: number;
    distinct: number;
    failures: number;
    relayed: number;
    omitted: number;
    lines: number;
    symptoms: number;
    registrations: number;
  };
}

export const NO_CODES = `I read the text but found no SIP, Q.850, Webex Calling, ACS, Exotel or HTTP codes in it. ${AUDIO_HINT}`;
