// analyze(): findings → what an incident thread needs: the first real failure, a compact timeline,
// what was normal traffic, which component most likely failed, cross-namespace correlations,
// one summary paragraph and one merged follow-up checklist.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { type Cancelled, cancelledBy, cancelNotes, cancelsByCall } from "./cancels.js";
import { type ChallengeOutcome, challengeNotes, challengeOutcome, isRetried } from "./challenge.js";
import { chronological } from "./chronology.js";
import { failingComponentOf } from "./component.js";
import { acsDetails, acsNotes, MAX_PAIRED, relatedPairs } from "./correlate.js";
import { hangupFailure, hangupsOf, reasonLabel } from "./hangups.js";
import { foldRows, type Row, type TimelineItem } from "./rows.js";
import { keyHost } from "./scan/fold.js";
import { hostRole } from "./scan/hosts.js";
import { type Finding, groupKey, type ScanOutput } from "./scan/scanner.js";
import { type TimerFinding, timerFindings } from "./timing.js";
import { isNormal, label } from "./verdict.js";

export { MAX_HOST_ROWS, MAX_LISTED_HOSTS, type TimelineItem } from "./rows.js";

export interface Analysis {
  firstFailure: Finding | null;
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
  counts: { findings: number; distinct: number; failures: number; omitted: number; lines: number };
}

export const MAX_CHECKLIST = 10;

export function analyze(catalog: Catalog, scan: ScanOutput): Analysis {
  const ordered = chronological(scan.findings);
  const rows: Row[] = [];
  const groups = new Map<string, Row>();
  // The same groups by code and host, so a repeat finds its group without building the key string.
  const byCode = new Map<number, Map<string, Array<{ f: Finding; row: Row }>>>();
  const normalLabels = new Set<string>();
  let firstFailure: Finding | null = null;
  const failureEntries: Entry[] = [];
  const failed = new Map<Entry, Finding[]>();
  const challenges: ChallengeOutcome[] = [];
  const cancels = cancelsByCall(scan.events);
  const cancelled: Cancelled[] = [];
  const timers = timerFindings(catalog, scan.findings, scan.events);
  const hangups = hangupsOf(scan.findings, scan.events, timers);
  // Only a log with ACS results pays for looking at their details.
  const overruled = scan.findings.some((f) => f.namespace === "acs")
    ? acsDetails(catalog, scan.findings)
    : new Map<Finding, Finding[]>();
  ordered.forEach((f, i) => {
    const hangup = hangups.size > 0 ? hangups.get(f) : undefined;
    const challenge =
      !hangup && isRetried(f) ? challengeOutcome(f, ordered.slice(i + 1, i + 200)) : undefined;
    if (challenge) challenges.push(challenge);
    const cancel = cancelledBy(f, cancels, hangup);
    if (cancel) cancelled.push(cancel);
    const normal = isNormal(catalog, f, challenge, cancel !== undefined) && !overruled.has(f);
    if (!normal && !firstFailure) firstFailure = f;
    if (!normal && f.id) {
      const e = catalog.byId.get(f.id);
      const list = e && failed.get(e);
      if (list) {
        if (list.length < MAX_PAIRED) list.push(f);
      } else if (e) failed.set(e, [f]);
    }
    let hosts = byCode.get(f.code);
    if (!hosts) {
      hosts = new Map();
      byCode.set(f.code, hosts);
    }
    // A response sent to f.host (">host") keeps apart from the ones f.host sent.
    const host = keyHost(f);
    const bucket = hosts.get(host);
    // A hang-up reason gets its own row: it is no response.
    const g = bucket?.find(
      (b) => b.f.namespace === f.namespace && b.f.subcode === f.subcode && hangups.has(b.f) === !!hangup,
    )?.row.item;
    // A hang-up a timer explains brings that timer's checks, not the code's (a 408's are for transactions).
    const e = f.id && !hangup?.timer ? catalog.byId.get(f.id) : undefined;
    if (!normal && e && !failureEntries.includes(e)) failureEntries.push(e);
    if (g) {
      g.count++;
      if (f.method && !g.methods.includes(f.method)) g.methods.push(f.method);
      g.failure ||= !normal;
      if (g.hosts.length > 0) g.hostCounts[0] = g.count;
      return;
    }
    const key = groupKey({ ...f, host });
    // Shown as "from host": a host the response was sent to is not where it came from.
    const sent = host.startsWith(">");
    const shown = sent ? "" : host;
    const item: TimelineItem = {
      key,
      label: hangup ? `${hangup.request.method} Reason: ${reasonLabel(catalog, f)}` : label(catalog, f),
      id: f.id,
      count: 1,
      firstLine: f.line,
      methods: f.method ? [f.method] : [],
      hosts: shown ? [shown] : [],
      hostCounts: shown ? [1] : [],
      hostTotal: shown ? 1 : 0,
      failure: !normal,
    };
    if (f.timestamp) item.timestamp = f.timestamp;
    const row: Row = { item, code: `${f.namespace}:${f.code}:${f.subcode}`, shown, sent };
    rows.push(row);
    // Folded repeats count in the responses' row.
    if (!hangup) groups.set(key, row);
    if (bucket) bucket.push({ f, row });
    else hosts.set(host, [{ f, row }]);
    if (normal) normalLabels.add(item.label);
  });
  // Repeats the scanner folded past its storage cap count where their first occurrence is.
  for (const r of scan.folded ?? []) {
    const g = groups.get(r.key)?.item;
    if (!g) continue;
    g.count += r.count;
    if (g.hosts.length > 0) g.hostCounts[0] = g.count;
  }
  const timeline = foldRows(rows);
  const first = firstFailure as Finding | null;
  const firstEntry = first?.id ? catalog.byId.get(first.id) : undefined;
  const dependency = scan.findings.find((f) => f.dependency);
  const firstHangup = first ? hangups.get(first) : undefined;
  const hungUp = first && firstHangup ? hangupFailure(catalog, first, firstHangup, scan.findings) : undefined;
  const failingComponent = dependency
    ? `${dependency.dependency} (named by the log message on line ${dependency.line})`
    : hungUp
      ? hungUp.component
      : first
        ? failingComponentOf(first, firstEntry)
        : null;
  const normal: string[] = [];
  if (normalLabels.size > 0) normal.push(`Normal traffic: ${[...normalLabels].slice(0, 8).join(", ")}.`);
  normal.push(...challengeNotes(challenges, (f) => label(catalog, f)));
  normal.push(...cancelNotes(cancelled, (f) => label(catalog, f)));
  const linked = new Set<string>();
  const correlations = [
    ...acsNotes(catalog, overruled, (f) => label(catalog, f), linked),
    ...relatedPairs(failed, linked),
  ].slice(0, 6);
  for (const t of timers) {
    const e = catalog.byId.get(t.timer);
    if (e && !failureEntries.includes(e)) failureEntries.push(e);
  }
  const checklist: string[] = [];
  const seen = new Set<string>();
  for (const e of failureEntries) {
    for (const c of e.checks) {
      const k = normalizeText(c);
      if (seen.has(k) || checklist.length >= MAX_CHECKLIST) continue;
      seen.add(k);
      checklist.push(c);
    }
  }
  // Codes, not rows: a code from several hosts is one code.
  const distinct = new Set(rows.map((r) => r.code)).size;
  const failures = new Set(rows.filter((r) => r.item.failure).map((r) => r.code)).size;
  const firstLabel = hungUp ? hungUp.label : first ? label(catalog, first) : null;
  const parts: string[] = [];
  const total = scan.findings.length + scan.omitted;
  const folded =
    scan.omitted > 0
      ? `; ${scan.omitted} repeat${scan.omitted === 1 ? " is" : "s are"} folded into the counts, the first of each kept`
      : "";
  parts.push(
    `Found ${total} code${total === 1 ? "" : "s"} (${distinct} distinct) in ${scan.lines} line${scan.lines === 1 ? "" : "s"}${folded}.`,
  );
  if (hungUp) parts.push(hungUp.sentence);
  else if (first && firstLabel) {
    const sentBy = first.host && hostRole(first.text, first.host, first.direction) !== "receiver";
    const where = [first.method, first.timestamp, sentBy ? `from ${first.host}` : undefined]
      .filter(Boolean)
      .join(", ");
    parts.push(`The first failure is ${firstLabel} on line ${first.line}${where ? ` (${where})` : ""}.`);
  } else if (scan.findings.length > 0) {
    parts.push("No failure: everything found is normal call or registration traffic.");
  }
  if (failingComponent) parts.push(`Most likely failing component: ${failingComponent}.`);
  if (correlations.length > 0) parts.push(correlations[0] ?? "");
  // The timer behind a hang-up first, where the summary has just pointed at it.
  const timer = firstHangup?.timer ?? timers[0];
  if (timer) parts.push(timer.text);
  return {
    firstFailure: first,
    firstFailureLabel: firstLabel,
    failingComponent,
    timeline,
    normal,
    correlations,
    timers,
    summary: parts.join(" "),
    checklist,
    counts: {
      findings: scan.findings.length + scan.omitted,
      distinct,
      failures,
      omitted: scan.omitted,
      lines: scan.lines,
    },
  };
}
