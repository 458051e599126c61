// The summary paragraph of an analysis: what was found, the headline failure (or the request
// nothing answered), then what the log adds to it (a failover, a retry, a transfer, NAT, a
// correlation) and the timer that most likely fired.
import type { Dominant } from "./dominant.js";
import { dominantSentence, recoveredSentence } from "./dominant.js";
import type { DroppedCall } from "./dropped.js";
import { failoverSentence } from "./failover.js";
import { type Forwarded, forwardedSentence } from "./forks.js";
import { refusedCallsSentence } from "./gateway-pings.js";
import type { Hangup } from "./hangups.js";
import { mobiusFailover, mobiusFailoverSentence } from "./mobius-failover.js";
import type { NatHint } from "./nat-media.js";
import { retryAfterSentence } from "./retry-after.js";
import type { Finding, ScanOutput } from "./scan/scanner.js";
import { type FoundCounts, foundSentence, headlineSentence } from "./summary-words.js";
import { survivedSentence } from "./survived.js";
import type { TimerFinding } from "./timing.js";
import { type TransferReport, transferSentence } from "./transfer.js";
import { type Voicemail, withVoicemail } from "./voicemail.js";

/** What analyze() found that the summary paragraph tells. */
export interface SummaryFacts {
  /** Findings counted once (a retransmitted hang-up's copies are not), codes, media symptoms and
   *  Webex registrations logged in words. */
  found: FoundCounts;
  first: Finding | null;
  firstLabel: string | null;
  /** The first failure as a hang-up reason. */
  hungUp: { sentence: string } | undefined;
  firstHangup: Hangup | undefined;
  silence: { quiet?: TimerFinding; before?: TimerFinding; timedOut?: TimerFinding };
  dropped: DroppedCall | undefined;
  voicemail: Voicemail | undefined;
  /** The server the call failed over to. */
  failover: Finding | undefined;
  /** A registration failure the client got past, which the call's failure replaced as first. */
  recovered: Finding | null;
  dominant: Dominant | undefined;
  transfer: TransferReport | undefined;
  fork: [Finding, Forwarded] | undefined;
  failing: Finding[];
  failingComponent: string | null;
  nat: NatHint | undefined;
  correlations: string[];
  timers: TimerFinding[];
  named: (f: Finding) => string;
}

/** The summary's sentences, in the order they are read. */
export function summaryParts(scan: ScanOutput, facts: SummaryFacts): string[] {
  const { found, first, firstLabel, hungUp, firstHangup, silence, dropped, voicemail } = facts;
  const { failover, recovered, dominant, transfer, fork, failing, failingComponent, nat, correlations } =
    facts;
  const { timers, named } = facts;
  const { quiet, timedOut } = silence;
  const parts: string[] = [];
  parts.push(foundSentence(found, scan.lines, scan.omitted));
  const headline = headlineSentence({
    hungUp: hungUp?.sentence,
    first,
    firstLabel,
    before: silence.before?.request,
    quiet: quiet?.request,
    anyFindings: scan.findings.length > 0,
  });
  if (headline)
    parts.push(...(dropped ? [dropped.sentence] : withVoicemail(voicemail, first, firstLabel, headline)));
  // A failover's sentence says it for the server the call failed over from.
  const retry = first && !hungUp && !failover ? retryAfterSentence(first) : undefined;
  if (retry) parts.push(retry);
  // A registration one Mobius cluster refused and another accepted: said of the recovered failure.
  const cluster = mobiusFailover(scan.findings, recovered ?? first);
  if (recovered) parts.push(recoveredSentence(recovered, named, cluster));
  if (dominant) parts.push(dominantSentence(dominant, named));
  if (first && failover) parts.push(failoverSentence(first, failover, named));
  if (first && transfer) parts.push(transferSentence(first, transfer, scan.events));
  if (first && cluster && !recovered) parts.push(mobiusFailoverSentence(first, cluster, named));
  if (fork) parts.push(forwardedSentence(fork[0], fork[1], named));
  const survived =
    first && !hungUp ? survivedSentence(first, scan.findings, failing, scan.events) : undefined;
  if (survived) parts.push(survived);
  if (failingComponent) parts.push(`Most likely failing component: ${failingComponent}.`);
  // A gateway's failed ping leads: the calls FreeSWITCH then refused through it are what it cost.
  const refusedCalls = refusedCallsSentence(first, scan.findings);
  if (refusedCalls) parts.push(refusedCalls);
  if (nat) parts.push(nat.sentence);
  if (correlations.length > 0) parts.push(correlations[0] ?? "");
  // The timer behind a hang-up first, where the summary has just pointed at it.
  const timer = firstHangup?.timer ?? quiet ?? silence.before ?? timedOut ?? timers[0];
  if (timer) parts.push(timer.text);
  return parts;
}
