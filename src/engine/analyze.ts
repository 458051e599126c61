// analyze(): findings → what an incident thread needs: the first real failure, a compact timeline,
// what was normal traffic, which component most likely failed, cross-namespace correlations,
// one summary paragraph and one merged follow-up checklist.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { acsDetails, acsLead, acsNotes, carriers } from "./acs-details.js";
import { type Analysis, NO_CODES } from "./analysis.js";
import { followUpChecklist } from "./analyze-checklist.js";
import { scanCounts } from "./analyze-counts.js";
import { summaryParts } from "./analyze-summary.js";
import { relayedLegs } from "./b2bua-relay.js";
import { bothLegsNotes } from "./bridge-legs.js";
import { cancelIndex } from "./cancel-index.js";
import { cancelNotes } from "./cancel-notes.js";
import { type Cancelled, cancelledBy } from "./cancels.js";
import { type ChallengeOutcome, challengeNotes, challengeOutcome, isRetried } from "./challenge.js";
import { FailedMethods } from "./check-method.js";
import { chronological } from "./chronology.js";
import { chooseComponent } from "./component-choice.js";
import { MAX_PAIRED, relatedPairs } from "./correlate.js";
import { namedDependencies } from "./dependencies.js";
import { leadingDependencies } from "./dependency-scope.js";
import { diagnosticsNotes } from "./diagnostics-notes.js";
import { afterRecoveredRegistration, dominantFailure } from "./dominant.js";
import { droppedCall } from "./dropped.js";
import { failoverNotes, failovers } from "./failover.js";
import { forkedBranch, forwardedResponses, silentBranchCheck, silentBranchComponent } from "./forks.js";
import { gatewayChecks } from "./gateway-checks.js";
import { glareNotes, glares } from "./glare.js";
import { hangupFailure, hangupsOf, reasonLabel } from "./hangups.js";
import { acsRowLabel } from "./labels.js";
import { natMediaHint } from "./nat-media.js";
import { otherDestinations } from "./other-destinations.js";
import { pstnResult } from "./pstn.js";
import { refusedCredentials } from "./refused-credentials.js";
import { foldRows, normalLabels } from "./rows.js";
import type { Finding, ScanOutput } from "./scan/scanner.js";
import { sippScenario } from "./sipp.js";
import { staleChallenges, staleComponent, staleLabel } from "./stale-nonce.js";
import { TimelineRows } from "./timeline-rows.js";
import { timerFindings } from "./timing.js";
import { transferReports } from "./transfer.js";
import { trunkUnavailChecks } from "./trunk-unavail.js";
import { silences } from "./unanswered.js";
import { AnsweredCalls, isNormal, label } from "./verdict.js";
import { voicemailAfter } from "./voicemail.js";

export { type Analysis, NO_CODES } from "./analysis.js";
export { MAX_CHECKLIST } from "./checklist.js";
export { MAX_HOST_ROWS, MAX_LISTED_HOSTS, type TimelineItem } from "./rows.js";
export { AUDIO_HINT } from "./summary-words.js";

export function analyze(catalog: Catalog, scan: ScanOutput): Analysis {
  const ordered = chronological(scan.findings);
  const timelineRows = new TimelineRows();
  let firstFailure: Finding | null = null;
  const failureEntries: Entry[] = [];
  const failing: Finding[] = [];
  // The requests each failure entry failed: a REGISTER's 403 has checks of its own.
  const failedMethods = new FailedMethods();
  const leadCheck = new Map<Entry, string>();
  const replacedChecks = new Map<Entry, readonly string[]>();
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
  // A forked INVITE whose branches all failed: the response the proxy forwarded leads (RFC 3261 §16.7).
  const forwarded = forwardedResponses(scan.findings, scan.events);
  // Re-INVITEs that crossed (each side got 491) and were settled by one side's retry.
  const crossed = scan.findings.some((f) => f.code === 491) ? glares(ordered) : undefined;
  // Reasons repeated in a retransmitted BYE/CANCEL: one hang-up, counted once.
  let copies = 0;
  const answered = new AnsweredCalls(scan.events);
  // Rows are placed once the relays are known: a B2BUA's relayed failure is marked in its row.
  const placed: Parameters<TimelineRows["add"]>[] = [];
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
      // A Dial() through a trunk that ended CHANUNAVAIL: the trunk's checks, not the callee's.
      const trunk = trunkUnavailChecks(f) ?? gatewayChecks(catalog, e, f, scan.findings);
      if (trunk) replacedChecks.set(e, trunk);
    }
    if (!normal && e) failedMethods.see(e, f);
    const hangupMethod = hangup?.request.method ?? false;
    placed.push([
      f,
      !normal,
      hangupMethod,
      () =>
        hangup
          ? `${hangup.request.method} Reason: ${reasonLabel(catalog, f)}`
          : (transfers.get(f)?.label ??
            acsRowLabel(f.id ? catalog.byId.get(f.id) : undefined, f) ??
            label(catalog, f)),
    ]);
  });
  const entryOf = (f: Finding) => (f.id ? catalog.byId.get(f.id) : undefined);
  // A registration the client got past (it placed a call after it) gives way to the call's failure.
  const past = afterRecoveredRegistration(failing, firstFailure, entryOf);
  const recovered = past ? (firstFailure as Finding | null) : null;
  // A B2BUA's failure toward its caller that relays its outbound leg's: one failure, the first leads.
  const relayed = relayedLegs(failing, past ?? (firstFailure as Finding | null), scan.events);
  for (const [f, failure, hangup, words] of placed)
    timelineRows.add(f, failure, hangup, words, failure ? relayed.relayOf(f)?.line : undefined);
  timelineRows.addFolded(scan.folded ?? []);
  const rows = timelineRows.rows;
  const timeline = foldRows(rows);
  const first = relayed.first;
  const dominant = dominantFailure(relayed.own, first);
  const fork = forkedBranch(forwarded, first);
  // The caller got the 408 the proxy made up for a branch that never answered: that branch failed.
  const silentFork = fork?.[1].best === first ? fork?.[1] : undefined;
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
    silentBranch: silentFork && silentBranchComponent(silentFork),
  });
  // A stale challenge no retry settled: the client did not resend, the credentials were fine.
  const staleFirst = first !== null && stale.has(first);
  const failingComponent = staleFirst
    ? staleComponent(first)
    : component && component + otherDestinations(first, rows, scan.findings);
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
    ...relayed.notes(named),
    ...acsNotes(catalog, overruled, named, linked),
    ...relatedPairs(failed, linked, scan.findings),
    ...diagnosticsNotes(failing, named),
    ...bothLegsNotes(failing, named),
  ].slice(0, 6);
  // Media that stopped on a call answered from behind NAT: its checks lead, its sentence is told.
  const nat = natMediaHint(first, scan.findings);
  const silentCheck = silentFork && silentBranchCheck(silentFork);
  if (silentCheck && firstEntry) leadCheck.set(firstEntry, silentCheck);
  // The failure most calls share leads the checks, then the headline failure's own entries (an ACS
  // result's before the SIP code it carries).
  const checklist = followUpChecklist(
    {
      entries: relayed.entries(failureEntries, entryOf),
      leading: [
        dominant && entryOf(dominant.finding),
        ...(lead?.entries ?? []),
        past && entryOf(past),
        fork && entryOf(fork[1].best),
      ],
      timers: timers.map((t) => catalog.byId.get(t.timer)).filter((e): e is Entry => e !== undefined),
      methods: failedMethods.merged(replacedChecks, firstFailure),
      extra: leadCheck,
      replaced: replacedChecks,
      dependencies: leadingDependencies(first, failing),
      first,
      scenario: sippScenario(catalog, first),
    },
    { first, failover, staleFirst, transfer, nat },
  );
  const counts = scanCounts(scan, rows, copies);
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
  const { findings: total, distinct, symptoms: media, registrations: registered } = counts;
  const parts = summaryParts(scan, {
    found: { total, distinct, media, registered },
    first,
    firstLabel,
    hungUp,
    firstHangup,
    silence,
    dropped,
    voicemail,
    failover,
    recovered,
    dominant,
    transfer,
    fork,
    failing,
    failingComponent,
    nat,
    correlations,
    timers,
    named,
  });
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
    counts,
  };
}
