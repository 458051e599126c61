// analyze(): findings → what an incident thread needs: the first real failure, a compact timeline,
// what was normal traffic, which component most likely failed, cross-namespace correlations,
// one summary paragraph and one merged follow-up checklist.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { acsDetails, acsLead, acsNotes, carriers } from "./acs-details.js";
import { type Cancelled, cancelIndex, cancelledBy, cancelNotes } from "./cancels.js";
import { type ChallengeOutcome, challengeNotes, challengeOutcome, isRetried } from "./challenge.js";
import { checkMethod } from "./check-method.js";
import { MAX_CHECKLIST, mergeChecklist } from "./checklist.js";
import { chronological } from "./chronology.js";
import { chooseComponent } from "./component-choice.js";
import { MAX_PAIRED, relatedPairs } from "./correlate.js";
import { namedDependencies } from "./dependencies.js";
import { diagnosticsNotes } from "./diagnostics-notes.js";
import {
  afterRecoveredRegistration,
  dominantFailure,
  dominantSentence,
  recoveredSentence,
} from "./dominant.js";
import { droppedCall } from "./dropped.js";
import { failoverChecks, failoverNotes, failoverSentence, failovers } from "./failover.js";
import { forkedBranch, forwardedResponses, forwardedSentence } from "./forks.js";
import { glareNotes, glares } from "./glare.js";
import { hangupFailure, hangupsOf, reasonLabel } from "./hangups.js";
import { mobiusFailover, mobiusFailoverSentence } from "./mobius-failover.js";
import { natMediaHint, withNatChecks } from "./nat-media.js";
import { otherDestinations } from "./other-destinations.js";
import { pstnResult } from "./pstn.js";
import { refusedCredentials } from "./refused-credentials.js";
import { retryAfterChecks, retryAfterSentence } from "./retry-after.js";
import { foldRows, normalLabels, type TimelineItem } from "./rows.js";
import type { Finding, ScanOutput } from "./scan/scanner.js";
import { sippScenario } from "./sipp.js";
import { staleChallenges, staleChecks, staleComponent, staleLabel } from "./stale-nonce.js";
import { AUDIO_HINT, foundSentence, headlineSentence } from "./summary-words.js";
import { survivedSentence } from "./survived.js";
import { TimelineRows } from "./timeline-rows.js";
import { type TimerFinding, timerFindings } from "./timing.js";
import { transferChecks, transferReports, transferSentence } from "./transfer.js";
import { silences } from "./unanswered.js";
import { AnsweredCalls, isNormal, label } from "./verdict.js";
import { voicemailAfter, withVoicemail } from "./voicemail.js";

export { MAX_HOST_ROWS, MAX_LISTED_HOSTS, type TimelineItem } from "./rows.js";

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
  /** `distinct` and `failures` count codes (namespace, code and subcode), not timeline rows. */
  /** `symptoms` counts media symptoms among `findings` (RTP that stopped: no code of their own). */
  counts: {
    findings: number;
    distinct: number;
    failures: number;
    omitted: number;
    lines: number;
    symptoms: number;
  };
}

export { MAX_CHECKLIST } from "./checklist.js";
export { AUDIO_HINT } from "./summary-words.js";
export const NO_CODES = `I read the text but found no SIP, Q.850, Webex Calling, ACS, Exotel or HTTP codes in it. ${AUDIO_HINT}`;

export function analyze(catalog: Catalog, scan: ScanOutput): Analysis {
  const ordered = chronological(scan.findings);
  const timelineRows = new TimelineRows();
  let firstFailure: Finding | null = null;
  const failureEntries: Entry[] = [];
  const failing: Finding[] = [];
  // The request each failure entry first failed: a REGISTER's 403 has checks of its own.
  const failedMethod = new Map<Entry, string>();
  const leadCheck = new Map<Entry, string>();
  const failed = new Map<Entry, Finding[]>();
  const challenges: ChallengeOutcome[] = [];
  // 401/407s that say only the nonce expired (stale=true): no refusal of the credentials.
  const stale = staleChallenges(scan.findings, scan.events);
  const cancels = cancelIndex(scan.events, scan.findings);
  const cancelled: Cancelled[] = [];
  const timers = timerFindings(catalog, scan.findings, scan.events);
  const hangups = hangupsOf(scan.findings, scan.events, timers);
  // A NOTIFY's sipfrag body reports a transfer target's answer: marked as the REFER's outcome.
  const transfers = transferReports(catalog, scan.findings, scan.events);
  // Only a log with ACS results pays for looking at their details.
  const overruled = scan.findings.some((f) => f.namespace === "acs")
    ? acsDetails(catalog, scan.findings)
    : new Map<Finding, Finding[]>();
  // An ACS result leads the SIP/Q.850 details it carries.
  const carriedBy = overruled.size > 0 ? carriers(overruled) : undefined;
  // A forked INVITE whose branches all failed: the 6xx the proxy forwarded leads (RFC 3261 §16.7).
  const forwarded = forwardedResponses(scan.findings);
  // Re-INVITEs that crossed (each side got 491) and were settled by one side's retry.
  const crossed = scan.findings.some((f) => f.code === 491) ? glares(ordered) : undefined;
  // Reasons repeated in a retransmitted BYE/CANCEL: one hang-up, counted once.
  let copies = 0;
  const answered = new AnsweredCalls();
  ordered.forEach((f, i) => {
    const hangup = hangups.size > 0 ? hangups.get(f) : undefined;
    if (hangup?.copy) {
      copies++;
      return;
    }
    const glare = crossed?.get(f);
    // A 491 of a resolved glare is judged by the retry that settled it, and told in one note.
    const challenge = glare
      ? glare.outcome
      : !hangup && isRetried(f)
        ? challengeOutcome(f, ordered.slice(i + 1, i + 200), stale)
        : undefined;
    const cancel = cancelledBy(f, cancels, hangup);
    answered.see(f);
    const connected = hangup?.request.method === "BYE" || answered.answered(f);
    const normal = isNormal(catalog, f, challenge, cancel !== undefined, connected) && !overruled.has(f);
    // Notes say why a finding is no failure: only for findings the verdict calls normal.
    if (challenge && normal && !glare) challenges.push(challenge);
    if (cancel && normal) cancelled.push(cancel);
    if (!normal && !firstFailure) firstFailure = carriedBy?.get(f) ?? forwarded.get(f)?.best ?? f;
    if (!normal) failing.push(f);
    if (!normal && f.id) {
      const e = catalog.byId.get(f.id);
      const list = e && failed.get(e);
      if (list) {
        if (list.length < MAX_PAIRED) list.push(f);
      } else if (e) failed.set(e, [f]);
    }
    // A hang-up a timer explains brings that timer's checks, not the code's (a 408's are for transactions).
    // An ACS result with a PSTN subcode the catalog lacks: the SIP code in its digits gives the checks.
    const pstn = normal ? undefined : pstnResult(catalog, f);
    const e = pstn ? pstn.entry : f.id && !hangup?.timer ? catalog.byId.get(f.id) : undefined;
    if (!normal && e && !failureEntries.includes(e)) {
      failureEntries.push(e);
      if (pstn) leadCheck.set(e, pstn.check);
      const method = checkMethod(f);
      if (method) failedMethod.set(e, method);
    }
    const hangupMethod = hangup?.request.method ?? false;
    timelineRows.add(f, !normal, hangupMethod, () =>
      hangup
        ? `${hangup.request.method} Reason: ${reasonLabel(catalog, f)}`
        : (transfers.get(f)?.label ?? label(catalog, f)),
    );
  });
  timelineRows.addFolded(scan.folded ?? []);
  const rows = timelineRows.rows;
  const timeline = foldRows(rows);
  const entryOf = (f: Finding) => (f.id ? catalog.byId.get(f.id) : undefined);
  // A registration the client got past (it placed a call after it) gives way to the call's failure.
  const past = afterRecoveredRegistration(failing, firstFailure, entryOf);
  const recovered = past ? (firstFailure as Finding | null) : null;
  const first = past ?? (firstFailure as Finding | null);
  const dominant = dominantFailure(failing, first);
  const fork = forkedBranch(forwarded, first);
  const named = (f: Finding) => label(catalog, f);
  const carried = first ? overruled.get(first) : undefined;
  const lead = first && carried ? acsLead(catalog, first, carried, named) : undefined;
  const firstEntry = lead?.entries[0] ?? (first?.id ? catalog.byId.get(first.id) : undefined);
  // Every dependency the failures' log messages name (CPAPI, Redis, OBP …), not only the first.
  const dependency = namedDependencies(failing);
  const firstHangup = first ? hangups.get(first) : undefined;
  const transfer = first ? transfers.get(first) : undefined;
  const hungUp = first && firstHangup ? hangupFailure(catalog, first, firstHangup, scan.findings) : undefined;
  // Legs not answered or busy, then voicemail: the caller reached the fallback, and that leads.
  const voicemail = hungUp ? undefined : voicemailAfter(first, failing, scan.events);
  const silence = silences(timers, first, firstHangup?.timer);
  const { quiet, timedOut } = silence;
  // No failing code and no silence, but a call dropped for a lost ACK: that drop is the verdict.
  const dropped = first || quiet ? undefined : droppedCall(timers, scan.findings);
  const refused = refusedCredentials(first, challenges, named);
  const component = chooseComponent({
    catalog,
    first,
    firstEntry,
    ordered,
    timers,
    dependency,
    hungUp,
    firstHangup,
    timedOut,
    quiet,
    dominant,
    dropped,
    entryOf,
    named,
    transfer,
    voicemail,
    refusedCredentials: refused?.component,
  });
  // A stale challenge no retry settled: the client did not resend, the credentials were fine.
  const staleFirst = first !== null && stale.has(first);
  const failingComponent = staleFirst
    ? staleComponent(first)
    : component && component + otherDestinations(first, rows);
  const normal: string[] = [];
  const labels = normalLabels(rows);
  if (labels.length > 0) normal.push(`Normal traffic: ${labels.slice(0, 8).join(", ")}.`);
  normal.push(...challengeNotes(challenges, named));
  if (crossed) normal.push(...glareNotes(crossed, named));
  normal.push(...cancelNotes(cancelled, named));
  const failedOver = failovers(scan.findings);
  normal.push(...failoverNotes(failedOver, named));
  const failover = first ? failedOver.get(first) : undefined;
  const linked = new Set<string>();
  const correlations = [
    ...acsNotes(catalog, overruled, named, linked),
    ...relatedPairs(failed, linked),
    ...diagnosticsNotes(failing, named),
  ].slice(0, 6);
  // The failure most calls share leads the checks, then the headline failure's own entries (an ACS
  // result's before the SIP code it carries).
  const checklist = mergeChecklist({
    entries: failureEntries,
    leading: [
      dominant && entryOf(dominant.finding),
      ...(lead?.entries ?? []),
      past && entryOf(past),
      fork && entryOf(fork[1].best),
    ],
    timers: timers.map((t) => catalog.byId.get(t.timer)).filter((e): e is Entry => e !== undefined),
    methods: failedMethod,
    extra: leadCheck,
    dependencies: [...new Set(failing.flatMap((f) => (f.dependency ? [f.dependency] : [])))],
    first,
    scenario: sippScenario(catalog, first),
  });
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
  const nat = natMediaHint(first, scan.findings);
  if (nat) checklist.splice(0, checklist.length, ...withNatChecks(checklist, nat, MAX_CHECKLIST));
  // Codes, not rows: a code from several hosts is one code.
  const distinct = new Set(rows.map((r) => r.code)).size;
  const failures = new Set(rows.filter((r) => r.item.failure).map((r) => r.code)).size;
  const firstLabel = hungUp
    ? hungUp.label
    : first
      ? (lead?.label ??
        transfer?.label ??
        refused?.label ??
        (stale.has(first) ? staleLabel(named(first)) : named(first)))
      : quiet?.request
        ? `No answer: ${quiet.request.method} to ${quiet.request.to ?? "the next hop"} (${quiet.title})`
        : (dropped?.label ?? null);
  const parts: string[] = [];
  const total = scan.findings.length + scan.omitted - copies;
  // A media symptom (RTP that stopped) is no code: named apart, so the count stays the codes'.
  const media =
    scan.findings.filter((f) => f.namespace === "symptom").length +
    scan.folded.reduce((n, c) => n + (c.namespace === "symptom" ? c.count : 0), 0);
  parts.push(foundSentence(total, distinct, media, scan.lines, scan.omitted));
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
  if (nat) parts.push(nat.sentence);
  if (correlations.length > 0) parts.push(correlations[0] ?? "");
  // The timer behind a hang-up first, where the summary has just pointed at it.
  const timer = firstHangup?.timer ?? quiet ?? silence.before ?? timedOut ?? timers[0];
  if (timer) parts.push(timer.text);
  // Nothing at all: the same words the card shows, also for --json.
  const nothing = scan.findings.length === 0 && scan.omitted === 0 && timers.length === 0;
  return {
    firstFailure: first,
    firstFailureLabel: firstLabel,
    failingComponent,
    timeline,
    normal,
    correlations,
    timers,
    summary: nothing ? NO_CODES : parts.join(" "),
    checklist,
    counts: {
      findings: total,
      distinct,
      failures,
      omitted: scan.omitted,
      lines: scan.lines,
      symptoms: media,
    },
  };
}
