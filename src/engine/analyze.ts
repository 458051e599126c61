// analyze(): findings → what an incident thread needs: the first real failure, a compact timeline,
// what was normal traffic, which component most likely failed, cross-namespace correlations,
// one summary paragraph and one merged follow-up checklist.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { type ChallengeOutcome, challengeNotes, challengeOutcome, isRetried } from "./challenge.js";
import { chronological } from "./chronology.js";
import { failingComponentOf } from "./component.js";
import { entryLabel } from "./labels.js";
import { keyHost } from "./scan/fold.js";
import { hostRole } from "./scan/hosts.js";
import { type Finding, groupKey, type ScanOutput, type TimingEvent } from "./scan/scanner.js";
import { type TimerFinding, timerFindings } from "./timing.js";

/**
 * One row of the timeline: a code, and the host that sent it. A code's occurrences that name no
 * sending host join its row when it has exactly one host; a code sent by more than
 * MAX_HOST_ROWS hosts is one row, with its busiest hosts listed.
 */
export interface TimelineItem {
  /** `namespace:code:subcode:host` (as scan/fold groupKey): the host its findings name ("" for
   *  none, `>host` for responses this log's system sent to host), the sending host's when a row
   *  gathers it with ones naming none, and `*` when the row gathers several hosts.
   *  `counts.distinct` counts codes, so one code may have several rows. */
  key: string;
  label: string;
  id: string | null;
  /** Every occurrence in the row, with or without a host. */
  count: number;
  firstLine: number;
  timestamp?: string;
  methods: string[];
  /** Hosts the code came from, busiest first: at most MAX_LISTED_HOSTS of them. */
  hosts: string[];
  /** How many occurrences each of `hosts` sent, in the same order. */
  hostCounts: number[];
  /** How many distinct hosts sent the code in this row (more than `hosts` lists when large). */
  hostTotal: number;
  failure: boolean;
}

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
/** A code from more hosts than this is one timeline row. */
export const MAX_HOST_ROWS = 3;
export const MAX_LISTED_HOSTS = 5;

function label(catalog: Catalog, f: Pick<Finding, "namespace" | "code" | "subcode" | "id">): string {
  const e = f.id ? catalog.byId.get(f.id) : undefined;
  if (e && (e.subcode === f.subcode || f.namespace !== "acs")) return entryLabel(e);
  const ns = {
    sip: "SIP",
    q850: "Q.850 cause",
    http: "HTTP",
    mobius: "Mobius",
    acs: "ACS",
    exotel: "Exotel API",
  }[f.namespace as "sip"];
  return `${ns ?? f.namespace} ${f.code}${f.subcode === null ? "" : `/${f.subcode}`}`;
}

/** Normal traffic: provisional and success responses (SIP, HTTP, Mobius), causes for normal clearing, a digest
 *  challenge or a 422/423/491 whose retry got through (see challenge.ts), a 487 to a call the caller cancelled,
 *  ACS "Success" end reasons. */
function isNormal(
  catalog: Catalog,
  f: Finding,
  challenge: ChallengeOutcome | undefined,
  cancelled: boolean,
): boolean {
  const e = f.id ? catalog.byId.get(f.id) : undefined;
  if (f.namespace === "sip" || f.namespace === "http") {
    if (f.code < 400 || cancelled) return true;
    return challenge !== undefined && challenge.kind !== "unanswered";
  }
  // Normal clearing is normal, unless the line itself reports a failure ("Originate Failed. Cause: …").
  if (f.namespace === "q850") return (f.code === 16 || f.code === 31) && !/fail|error/i.test(f.text);
  // ACS success codes (0, 2xx) with subcodes the catalog does not list are still successes.
  if (f.namespace === "acs") return e ? e.resultCategory === "Success" : f.code < 300;
  // Mobius statuses are HTTP statuses: a 1xx/2xx without a mobius-error is a request that worked.
  if (f.namespace === "mobius") return f.code < 300 && f.subcode === null;
  return false;
}

/** Findings this close in time, or on lines this close when a time is missing, are one call. */
const SAME_CALL_MS = 5000;
const SAME_RECORD_LINES = 12;
/** Failing findings per entry kept for pairing: a code repeated thousands of times is one code. */
const MAX_PAIRED = 50;
const TEXT_TIME = /\b(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,3}))?/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** A time written inside a record ("timestamp":"2024-05-14T16:12:00.000Z") the scanner did not
 *  take as the line's stamp, in ms (UTC). */
function textTime(text: string): number | undefined {
  const m = TEXT_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, ms] = m;
  return Date.UTC(
    +(y as string),
    +(mo as string) - 1,
    +(d as string),
    +(h as string),
    +(mi as string),
    +(sec as string),
    +(ms ?? "0").padEnd(3, "0"),
  );
}

/**
 * Whether two findings belong to one call: the same Call-ID when both name one; without, stamps
 * at most SAME_CALL_MS apart; without stamps, lines of one record (a few lines apart, and not two
 * one-line records with their own times or ids).
 */
function sameCall(a: Finding, b: Finding): boolean {
  if (a.callId && b.callId) return a.callId === b.callId;
  if (a.tsMs !== undefined && b.tsMs !== undefined) return Math.abs(a.tsMs - b.tsMs) <= SAME_CALL_MS;
  if (Math.abs(a.line - b.line) > SAME_RECORD_LINES) return false;
  if (a.line === b.line) return true;
  const ta = textTime(a.text);
  const tb = ta === undefined ? undefined : textTime(b.text);
  if (ta !== undefined && tb !== undefined) return Math.abs(ta - tb) <= SAME_CALL_MS;
  const ua = UUID.exec(a.text)?.[0];
  const ub = ua ? UUID.exec(b.text)?.[0] : undefined;
  return !ua || !ub || ua.toLowerCase() === ub.toLowerCase();
}

/** A pair of findings, one of each list, that belong to one call: Call-IDs are matched through a
 *  map, and only findings without one are compared pair by pair. */
function sameCallPair(as: Finding[], bs: Finding[]): [Finding, Finding] | undefined {
  const byCall = new Map<string, Finding>();
  for (const a of as) if (a.callId && !byCall.has(a.callId)) byCall.set(a.callId, a);
  for (const b of bs) {
    const a = b.callId ? byCall.get(b.callId) : undefined;
    if (a) return [a, b];
  }
  const bare = (fs: Finding[]) => fs.filter((f) => !f.callId);
  for (const [xs, ys] of [
    [bare(as), bs],
    [as, bare(bs)],
  ]) {
    for (const a of xs as Finding[]) for (const b of ys as Finding[]) if (sameCall(a, b)) return [a, b];
  }
  return undefined;
}

/** How far an ACS result's sipDetails / q850Details may sit from its code (one JSON object). */
const DETAILS_LINES = 8;

/**
 * ACS results whose SIP or Q.850 details in the same object report a failure, with those details:
 * a CreateCallFailed with 486/560486 is a call attempt that failed (the callee was busy), even
 * though ACS files that result under "Success". One event, one verdict: the ACS code fails too.
 */
function acsDetails(catalog: Catalog, findings: Finding[]): Map<Finding, Finding[]> {
  const out = new Map<Finding, Finding[]>();
  findings.forEach((d, i) => {
    if (!d.detector.endsWith("-details") || (d.namespace !== "sip" && d.namespace !== "q850")) return;
    if (isNormal(catalog, d, undefined, false)) return;
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < findings.length; j += step) {
        const r = findings[j] as Finding;
        if (Math.abs(r.line - d.line) > DETAILS_LINES) break;
        if (r.namespace !== "acs" || !sameCall(r, d)) continue;
        const list = out.get(r);
        if (list) list.push(d);
        else out.set(r, [d]);
      }
    }
  });
  return out;
}

/** One sentence per ACS result called a failure because of its details; `linked` gets the entry
 *  pairs the sentence already covers. */
function acsNotes(
  catalog: Catalog,
  overruled: Map<Finding, Finding[]>,
  label: (f: Finding) => string,
  linked: Set<string>,
): string[] {
  const notes: string[] = [];
  for (const [r, details] of overruled) {
    const ids = [r.id, ...details.map((d) => d.id)].filter((id): id is string => id !== null);
    for (const x of ids) for (const y of ids) linked.add(`${x}|${y}`);
    if (notes.length >= 2) continue;
    const what = details.map((d) => `${label(d)} (line ${d.line})`).join(" and ");
    const e = r.id ? catalog.byId.get(r.id) : undefined;
    const filed = e?.resultCategory === "Success" ? ', although ACS files the result under "Success"' : "";
    notes.push(`${label(r)} (line ${r.line}) carries ${what}: one failed call attempt${filed}.`);
  }
  return notes;
}

/** Failures the catalog links (a mapping or a related entry) that the log shows in one call;
 *  `linked` lists pairs of entry ids already explained together. */
function relatedPairs(failed: Map<Entry, Finding[]>, linked: Set<string>): string[] {
  const out: string[] = [];
  const entries = [...failed.keys()];
  for (const a of entries) {
    for (const b of entries) {
      if (a === b || a.id > b.id || linked.has(`${a.id}|${b.id}`)) continue;
      const mapping = [...a.mappings, ...b.mappings].find((m) => m.to === a.id || m.to === b.id);
      const related = a.related.includes(b.id) || b.related.includes(a.id);
      if (!mapping && !related) continue;
      const pair = sameCallPair(failed.get(a) ?? [], failed.get(b) ?? []);
      if (!pair) continue;
      const why = mapping ? `mapped by ${mapping.standard}` : "the catalog links them";
      // In log order: the earlier line first.
      const [x, y] = pair[0].line <= pair[1].line ? [a, b] : [b, a];
      const [fx, fy] = pair[0].line <= pair[1].line ? pair : [pair[1], pair[0]];
      out.push(
        `${entryLabel(x)} (line ${fx.line}) and ${entryLabel(y)} (line ${fy.line}) point at the same failure (${why}).`,
      );
    }
  }
  return out;
}

/** The CANCELs in the log, by Call-ID. */
function cancelsByCall(events: TimingEvent[]): Map<string, TimingEvent[]> {
  const out = new Map<string, TimingEvent[]>();
  for (const e of events) {
    if (e.kind !== "request" || e.method !== "CANCEL" || !e.callId) continue;
    const list = out.get(e.callId);
    if (list) list.push(e);
    else out.set(e.callId, [e]);
  }
  return out;
}

/** The CANCEL a 487 answers: one for the same Call-ID, sent before the 487. */
function cancelOf(f: Finding, cancels: Map<string, TimingEvent[]>): TimingEvent | undefined {
  if (f.namespace !== "sip" || f.code !== 487 || !f.callId) return undefined;
  if (f.method && !/INVITE/i.test(f.method)) return undefined;
  return cancels.get(f.callId)?.find((c) => c.line < f.line || (f.tsMs !== undefined && c.tsMs <= f.tsMs));
}

/** FreeSWITCH's hangup cause for a caller who hung up while it rang (the catalog reads it as 487). */
const ORIGINATOR_CANCEL = /\bORIGINATOR_CANCEL\b/;

/** A 487 that ends a cancelled call: after a CANCEL of its call, or FreeSWITCH's ORIGINATOR_CANCEL. */
interface Cancelled {
  f: Finding;
  /** The CANCEL; none for FreeSWITCH's own cause name. */
  cancel?: TimingEvent;
}

function cancelledBy(
  f: Finding,
  cancels: Map<string, TimingEvent[]>,
  hangup: Hangup | undefined,
): Cancelled | undefined {
  if (f.namespace !== "sip" || f.code !== 487) return undefined;
  // "Reason: SIP;cause=487" in the CANCEL itself.
  if (hangup?.request.method === "CANCEL") return { f, cancel: hangup.request };
  const cancel = cancels.size > 0 ? cancelOf(f, cancels) : undefined;
  if (cancel) return { f, cancel };
  return ORIGINATOR_CANCEL.test(f.text) ? { f } : undefined;
}

const ELSEWHERE = /cause=200\b|completed elsewhere/i;

/** One sentence per way a cancelled call ended: answered elsewhere, cancelled by the caller (a
 *  CANCEL, or FreeSWITCH's ORIGINATOR_CANCEL). */
function cancelNotes(cancelled: Cancelled[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
  const kind = (c: Cancelled) =>
    !c.cancel ? "originator" : ELSEWHERE.test(c.cancel.note ?? "") ? "elsewhere" : "caller";
  for (const k of ["elsewhere", "caller", "originator"]) {
    const these = cancelled.filter((c) => kind(c) === k);
    const first = these[0];
    if (!first) continue;
    const { f, cancel } = first;
    const reason = cancel?.note ? `, ${cancel.note}` : "";
    const why = !cancel
      ? "cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL)"
      : k === "elsewhere"
        ? `the call was answered elsewhere, so this branch was cancelled (CANCEL on line ${cancel.line}${reason})`
        : `cancelled by the caller (CANCEL on line ${cancel.line}${reason})`;
    const way = cancel ? "followed a CANCEL the same way" : "were cancelled by the caller the same way";
    const more =
      these.length > 1 ? ` ${these.length - 1} more 487${these.length > 2 ? "s" : ""} ${way}.` : "";
    notes.push(
      `${label(f)} on line ${f.line}${f.method ? ` (${f.method})` : ""}: ${why}; not a failure.${more}`,
    );
  }
  return notes;
}

/** A BYE's or CANCEL's Reason header sits at most this many lines below its request line. */
const REASON_LINES = 30;

/** A Reason header inside a BYE or CANCEL: why the call was torn down, not a response anyone got. */
interface Hangup {
  request: TimingEvent;
  /** The timer that explains the hang-up (session timer, Timer H), when the trace shows it. */
  timer?: TimerFinding;
}

/**
 * Reason findings inside a BYE or CANCEL, with their request: the last request before the finding
 * is a BYE or CANCEL with a Reason, a few lines above it, and no SIP response was found between.
 * One walk over findings (line order) and requests.
 */
function hangupsOf(findings: Finding[], events: TimingEvent[], timers: TimerFinding[]): Map<Finding, Hangup> {
  const out = new Map<Finding, Hangup>();
  if (!findings.some((f) => f.detector === "reason")) return out;
  const requests = events.filter((e) => e.kind === "request").sort((a, b) => a.line - b.line);
  let k = 0;
  let request: TimingEvent | undefined;
  let response = -1;
  for (const f of findings) {
    while (k < requests.length && (requests[k] as TimingEvent).line < f.line) request = requests[k++];
    if (f.detector !== "reason") {
      if (f.namespace === "sip") response = f.line;
      continue;
    }
    const r = request;
    if (!r || (r.method !== "BYE" && r.method !== "CANCEL") || !r.note) continue;
    if (f.line - r.line > REASON_LINES || response > r.line) continue;
    const timer = timers.find(
      (t) => (t.timer === "timer/session-refresh" || t.timer === "timer/h") && t.evidence.at(-1) === r.line,
    );
    out.set(f, timer ? { request: r, timer } : { request: r });
  }
  return out;
}

/** "SIP 408 Session Timer Expired": the code with the Reason's own text when it gives one. */
function reasonLabel(catalog: Catalog, f: Finding): string {
  const base = label(catalog, f);
  const title = f.id ? catalog.byId.get(f.id)?.title : undefined;
  if (!f.reason || !title || !base.endsWith(title)) return base;
  return base.slice(0, base.length - title.length) + f.reason;
}

/** Who sent the BYE/CANCEL: the host its Reason line names as sender, the requester (top Via) of
 *  the response to it, or for Timer H the side whose 200 OK went unacknowledged. */
function hangupSender(f: Finding, h: Hangup, findings: Finding[]): string | undefined {
  if (f.host && hostRole(f.text, f.host, f.direction) === "sender") return f.host;
  const { request } = h;
  const at = findings.indexOf(f);
  for (let i = at + 1; i < findings.length && i < at + 50; i++) {
    const g = findings[i] as Finding;
    if (g.line - f.line > 200) break;
    if (g.method === request.method && g.via && (!g.callId || !request.callId || g.callId === request.callId))
      return g.via;
  }
  if (h.timer?.timer === "timer/h") {
    const ok = findings.find((g) => g.line === h.timer?.evidence[0]);
    if (ok?.host && hostRole(ok.text, ok.host, ok.direction) !== "receiver") return ok.host;
  }
  return undefined;
}

/** What the first failure says when it is a hang-up reason: its title, summary sentence and
 *  failing component. */
function hangupFailure(
  catalog: Catalog,
  f: Finding,
  h: Hangup,
  findings: Finding[],
): { label: string; sentence: string; component: string | null } {
  const method = h.request.method ?? "BYE";
  const sender = hangupSender(f, h, findings);
  const to = !sender && h.request.to ? ` to ${h.request.to}` : "";
  const who = sender ? `${method} from ${sender}` : `${method}${to} on line ${h.request.line}`;
  const reason = `Reason ${reasonLabel(catalog, f)}`;
  const said = `The first failure is the hang-up: the ${method} on line ${h.request.line}${sender ? ` from ${sender}` : to} gives ${reason} (line ${f.line}), the reason the call was torn down, not a response to the ${method}`;
  if (h.timer?.timer === "timer/session-refresh")
    return {
      label: `${who}: ${reason} (session timer: the refresh never arrived)`,
      sentence: `${said}; the session timer ran out.`,
      component:
        "the session refresher (named by refresher= in the 200 OK), whose re-INVITE or UPDATE never arrived",
    };
  if (h.timer?.timer === "timer/h")
    return {
      label: `${who}: ${reason} (Timer H: the ACK was lost)`,
      sentence: `${said}; Timer H fired: no ACK arrived for the 200 OK on line ${h.timer.evidence[0]}.`,
      component: `the ACK's path${sender ? ` to ${sender}` : ""} (NAT, Record-Route or the 200 OK's Contact)`,
    };
  return {
    label: `${who}: ${reason}`,
    sentence: `${said}.`,
    component: sender ? `${sender}, which hung up with this reason` : null,
  };
}

/** A timeline row being built: its code and the host it is shown as coming from ("" for none). */
interface Row {
  item: TimelineItem;
  code: string;
  shown: string;
  /** Sent by this log's system: never gathered into a row shown as from a host. */
  sent: boolean;
}

/** Rows of one code gathered into one: the earliest's place and time, every host with its count. */
function gather(rows: Row[], key: string): TimelineItem {
  const first = rows[0] as Row;
  const perHost = new Map<string, number>();
  const methods: string[] = [];
  let count = 0;
  let failure = false;
  for (const r of rows) {
    count += r.item.count;
    failure ||= r.item.failure;
    for (const m of r.item.methods) if (!methods.includes(m)) methods.push(m);
    if (r.shown) perHost.set(r.shown, (perHost.get(r.shown) ?? 0) + r.item.count);
  }
  // Busiest first; equal counts keep the order the hosts were first seen in.
  const top = [...perHost].sort((a, b) => b[1] - a[1]).slice(0, MAX_LISTED_HOSTS);
  return {
    ...first.item,
    key,
    count,
    methods,
    hosts: top.map(([h]) => h),
    hostCounts: top.map(([, n]) => n),
    hostTotal: perHost.size,
    failure,
  };
}

/**
 * Rows per code and host → the timeline: a code's rows that name no sending host become one, and
 * join the code's row when it has exactly one host; a code from more than MAX_HOST_ROWS hosts is
 * one row. A gathered row takes the place of its earliest part.
 */
function foldRows(rows: Row[]): TimelineItem[] {
  const byCode = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  const into = new Map<Row, TimelineItem | null>();
  for (const [code, rs] of byCode) {
    if (rs.length === 1) continue;
    const hosted = rs.filter((r) => r.shown);
    const bare = rs.filter((r) => !r.shown && !r.sent);
    const sent = rs.filter((r) => r.sent);
    let groups: Row[][];
    if (hosted.length > MAX_HOST_ROWS || (hosted.length === 1 && bare.length > 0)) {
      groups = [rs.filter((r) => !r.sent)];
      if (sent.length > 1) groups.push(sent);
    } else {
      const unnamed = rs.filter((r) => !r.shown);
      groups = unnamed.length > 1 ? [unnamed] : [];
    }
    for (const g of groups) {
      const named = g.filter((r) => r.shown);
      // One sending host keeps its key; a row of several hosts (or of several receivers) is `*`.
      const key = named.length === 1 ? (named[0] as Row).item.key : `${code}:*`;
      const item = gather(g, key);
      for (const [i, r] of g.entries()) into.set(r, i === 0 ? item : null);
    }
  }
  const out: TimelineItem[] = [];
  for (const r of rows) {
    const item = into.get(r);
    if (item === null) continue;
    out.push(item ?? r.item);
  }
  return out;
}

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
