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
  /** A failure a B2BUA only passed on to its caller (its response on the inbound leg, or that
   *  response's Reason): the line of the outbound leg's failure it relays. Not a failure of its own,
   *  so not counted as failing; absent for every other row. */
  relays?: number;
  /** A relayed row passing on several outbound failures of one row (a carrier's 486 to each of
   *  three calls): each of their lines, in log order, at most MAX_RELAY_LINES. Absent for one. */
  relayLines?: number[];
}

/** Lines a relayed row remembers of the failures it passes on. */
export const MAX_RELAY_LINES = 8;

/** `lines` with `more` added, in log order, without repeats, at most MAX_RELAY_LINES. */
export function addRelayLines(lines: readonly number[], more: readonly number[]): number[] {
  const all = [...new Set([...lines, ...more])].sort((a, b) => a - b);
  return all.slice(0, MAX_RELAY_LINES);
}

/** A code from more hosts than this is one timeline row. */
export const MAX_HOST_ROWS = 3;
export const MAX_LISTED_HOSTS = 5;

/** A timeline row being built: its code and the host it is shown as coming from ("" for none). */
export interface Row {
  item: TimelineItem;
  code: string;
  shown: string;
  /** Sent by this log's system: never gathered into a row shown as from a host. */
  sent: boolean;
  /** A Reason header of a BYE or CANCEL: that request's method (false for anything else). Why a
   *  call ended, never gathered with responses, nor a BYE's with a CANCEL's: the row names one. */
  hangup: string | false;
  /** The destination that failed, in words ("(generated locally: no answer from 10.0.0.22:5060)",
   *  "via FreeSWITCH gateway b"),
   *  when the row's failure names one: a code of a few destinations keeps a row for each. */
  dest?: string;
  /** For a relayed row, the row of the outbound failures it passes on (or, when that row is not
   *  known, the failure's line): relays of different failures never share a row. */
  relayKey?: string;
  /** The host this log's system sent its own failure to (a PBX's refusal of a request from it):
   *  a code refused to a few hosts keeps a row for each, named, as a code from a few hosts does. */
  to?: string;
}

/** Rows of one code gathered into one: the earliest's place and time, every host with its count. */
export function gather(rows: Row[], key: string): TimelineItem {
  const first = rows[0] as Row;
  const perHost = new Map<string, number>();
  const methods: string[] = [];
  let count = 0;
  let failure = false;
  let relayLines: number[] = [];
  for (const r of rows) {
    count += r.item.count;
    if (r.item.relays !== undefined)
      relayLines = addRelayLines(relayLines, r.item.relayLines ?? [r.item.relays]);
    failure ||= r.item.failure;
    for (const m of r.item.methods) if (!methods.includes(m)) methods.push(m);
    if (r.shown) perHost.set(r.shown, (perHost.get(r.shown) ?? 0) + r.item.count);
  }
  // Busiest first; equal counts keep the order the hosts were first seen in.
  const top = [...perHost].sort((a, b) => b[1] - a[1]).slice(0, MAX_LISTED_HOSTS);
  const item: TimelineItem = {
    ...first.item,
    key,
    count,
    methods,
    hosts: top.map(([h]) => h),
    hostCounts: top.map(([, n]) => n),
    hostTotal: perHost.size,
    failure,
  };
  if (relayLines.length > 1) item.relayLines = relayLines;
  return item;
}

/** What rows of one code gather under: one catalog entry, one hang-up request, one verdict, and a
 *  relayed copy of a failure never with a failure of its own, nor with the relays of another
 *  failure (a 503 relaying a call's 488 and one relaying another call's 486 are two rows). */
export function rowKind(r: Row): string {
  const { item } = r;
  const verdict = item.failure ? (item.relays === undefined ? ":failure" : `:relayed:${r.relayKey}`) : "";
  return `${r.code}:${item.id}${r.hangup ? `:reason:${r.hangup}` : ""}${verdict}`;
}

/**
 * Rows per code and host → the timeline: a code's rows that name no sending host become one, and
 * join the code's row when it has exactly one host; a code from more than MAX_HOST_ROWS hosts is
 * one row. A gathered row takes the place of its earliest part. Hang-up reasons (a BYE's or
 * CANCEL's Reason) gather only with reasons of the same request, never with responses of the
 * same code, normal occurrences of a code only with normal ones, and a code's rows only with rows
 * of the same catalog entry: a row is one verdict and one meaning.
 */
export function foldRows(rows: Row[]): TimelineItem[] {
  const byCode = new Map<string, Row[]>();
  for (const r of rows) {
    // One catalog entry per row: a Mobius 503 in registration and one in unregistration share
    // their code but not their meaning.
    const k = rowKind(r);
    const list = byCode.get(k);
    if (list) list.push(r);
    else byCode.set(k, [r]);
  }
  const into = new Map<Row, TimelineItem | null>();
  for (const rs of byCode.values()) {
    if (rs.length === 1) continue;
    const { code } = rs[0] as Row;
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
    // A few destinations that each failed keep their own rows, each named: one dead dispatcher
    // node and a whole dead set are different incidents.
    // A lone one keeps apart too (timeline-rows.ts names it): a host-less line of the code (tm's
    // 408 of a call) is not the destination's failure, so neither row may take the other's words.
    const apart = rs.filter((r) => r.dest);
    if (apart.length > 0 && apart.length <= MAX_HOST_ROWS) {
      if (apart.length > 1) for (const r of apart) r.item.label = `${r.item.label} ${r.dest}`;
      groups = groups.map((g) => g.filter((r) => !r.dest)).filter((g) => g.length > 1);
    }
    groups = keepReceiversApart(rs, groups);
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

/** The words a row sent to `to` is named with. */
export const TO_WORDS = "(sent to ";

/**
 * A failure this log's system sent itself to a few hosts (Asterisk refusing an unknown carrier's
 * INVITE and a phone's REGISTER with a wrong password) keeps a row per host, each named: they are
 * different peers with different fixes. Past MAX_HOST_ROWS hosts (a scan from many addresses)
 * they stay one row.
 */
function keepReceiversApart(rs: readonly Row[], groups: Row[][]): Row[][] {
  const to = new Set<string>();
  for (const r of rs) if (r.to && r.item.failure && r.item.relays === undefined) to.add(r.to);
  if (to.size < 2 || to.size > MAX_HOST_ROWS) return groups;
  const apart = (r: Row) => r.to !== undefined && to.has(r.to);
  for (const r of rs) if (apart(r)) r.item.label = `${r.item.label} ${TO_WORDS}${r.to})`;
  return groups.map((g) => g.filter((r) => !apart(r))).filter((g) => g.length > 1);
}

/** The labels of normal rows, in log order: none that also names a failing row, and no Q.850
 *  cause logged on its own when a BYE's or CANCEL's Reason already gave it (one event, one line). */
export function normalLabels(rows: Row[]): string[] {
  const failing = new Set<string>();
  const reasons = new Set<string>();
  for (const r of rows) {
    if (r.item.failure) failing.add(r.item.label);
    else if (r.hangup) reasons.add(r.code);
  }
  const out = new Set<string>();
  for (const r of rows) {
    const l = r.item.label;
    if (r.item.failure || failing.has(l)) continue;
    if (!r.hangup && r.code.startsWith("q850:") && reasons.has(r.code)) continue;
    out.add(l);
  }
  return [...out];
}
