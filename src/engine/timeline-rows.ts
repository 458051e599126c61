// The timeline's rows as analyze() builds them, finding by finding in time order: one row per code,
// host and verdict, so repeats of a code from one host count in one row; rows.ts then gathers rows
// of a code from many hosts.

import { dialplanMiss, explainsAnswer } from "./dialplan.js";
import { gatewayLine } from "./gateway-lines.js";
import { addRelayLines, type Row, rowKind, type TimelineItem } from "./rows.js";
import type { FoldedCount } from "./scan/fold.js";
import { keyHost } from "./scan/fold.js";
import { hostRole } from "./scan/hosts.js";
import { type Finding, groupKey } from "./scan/scanner.js";

/** How a row names the FreeSWITCH gateway its failure went through. */
const GATEWAY_WORDS = "via FreeSWITCH gateway ";
/**
 * How a row names the destination that never answered the log's own system, whose response (a
 * dispatcher probe's 408) that system made up itself: the code did not come from the destination.
 */
export const SILENT_WORDS = "(generated locally: no answer from ";

/** A finding placed in a row, kept to find the row again for the next finding of its code and host. */
interface Placed {
  f: Finding;
  row: Row;
}

/**
 * The destination a failure names as the one that failed, in words for its row: the host the log's
 * own system gave up on (a dispatcher probe that timed out), or the FreeSWITCH gateway a leg or a
 * failed ping went through. A code repeated for a few destinations keeps a row for each, so each is
 * named; a gateway's failed ping keeps apart from the calls FreeSWITCH refused through it.
 */
function destination(f: Finding): { key: string; words: string } | undefined {
  if (f.host && f.direction === "local" && hostRole(f.text, f.host, f.direction) === "upstream")
    return { key: `>${f.host}`, words: `${SILENT_WORDS}${f.host})` };
  if (f.host) return undefined;
  const gw = gatewayLine(f.text);
  if (gw?.kind === "ping" && !gw.ok) return { key: `ping ${gw.gw}`, words: `${GATEWAY_WORDS}${gw.gw}` };
  if (gw?.kind !== "leg" && gw?.kind !== "refused") return undefined;
  return { key: `gateway ${gw.gw}`, words: `${GATEWAY_WORDS}${gw.gw}` };
}

/** How many Call-IDs a row remembers to tell its calls from another row's; past that it says nothing. */
const MAX_ROW_CALLS = 8;

/** Where a row's findings came from, to tell whether a row naming no host is the same event as
 *  its code's one host row: the request they answer and the calls they belong to. */
interface Origin {
  /** Every finding was the log's own system's reply or decision (a proxy's failure_route 408). */
  local: boolean;
  /** The row's first finding. */
  first: Finding;
  calls: Set<string>;
  /** More calls than MAX_ROW_CALLS: the row's calls are not all known. */
  many: boolean;
}

/** Whether two rows' findings belong to different calls or requests, as far as they say. */
function differ(bare: Row, a: Origin, host: Row, b: Origin): boolean {
  // The system that wrote the log made this one up itself: it did not come from that host.
  if (a.local && !b.local) return true;
  const m = bare.item.methods;
  const n = host.item.methods;
  if (m.length > 0 && n.length > 0 && !m.some((x) => n.includes(x))) return true;
  if (a.many || b.many || a.calls.size === 0 || b.calls.size === 0) return false;
  for (const c of a.calls) if (b.calls.has(c)) return false;
  return true;
}

/**
 * Asterisk's own line about the 404 it answered ("rejected because extension not found in context
 * 'from-pstn'") and a trace's 404 from it (Server: Asterisk …), pasted together: one failure told
 * by each system, so one row, though the line reads as the log's own reply.
 */
function toldByPbx(a: Origin, b: Origin): boolean {
  if (a.first.code !== 404 || !a.local) return false;
  const miss = dialplanMiss(a.first);
  return miss !== undefined && explainsAnswer(miss, b.first);
}

/** The key rows.ts gathers a code's rows under: a row names its gateway there when it is one of a few. */
const gatherKey = rowKind;

/**
 * A failure through a FreeSWITCH gateway (a leg's cause, a refusal) names the gateway in its row even
 * when it is the only one of its code: with one gateway down and calls through another failing with
 * their own cause, each row must say which gateway it was. So does a destination that never answered
 * (a dispatcher probe's 408), lest the row read as that host's answer or name no host at all. Rows
 * of one code through a few destinations are named by rows.ts itself.
 */
function nameLoneGateways(rows: readonly Row[], named: WeakSet<Row>): void {
  const byKey = new Map<string, number>();
  for (const r of rows) if (r.dest) byKey.set(gatherKey(r), (byKey.get(gatherKey(r)) ?? 0) + 1);
  for (const r of rows) {
    const lone = r.dest?.startsWith(GATEWAY_WORDS) || r.dest?.startsWith(SILENT_WORDS);
    if (!lone || named.has(r) || byKey.get(gatherKey(r)) !== 1) continue;
    r.item.label = `${r.item.label} ${r.dest}`;
    named.add(r);
  }
}

export class TimelineRows {
  private readonly all: Row[] = [];
  private readonly named = new WeakSet<Row>();
  private readonly origins = new WeakMap<Row, Origin>();
  /** The rows, each lone gateway failure named by its gateway (read once all findings are in). */
  get rows(): Row[] {
    this.keepOthersApart();
    nameLoneGateways(this.all, this.named);
    return this.all;
  }

  /**
   * rows.ts gathers a code's occurrences that name no host into its one host row, as the same event
   * told again (pjsua's "DISCONNECTED [reason=480]" under the 480 it received). One of another
   * request, another call, or the log's own system's making (a dispatcher probe's 408 from
   * 10.0.0.21 and a failure_route 408 of a call) is another event: it keeps a row of its own,
   * as one sent by this system would, so no row counts it as coming from that host.
   */
  private keepOthersApart(): void {
    const byKey = new Map<string, Row[]>();
    for (const r of this.all) {
      const list = byKey.get(gatherKey(r));
      if (list) list.push(r);
      else byKey.set(gatherKey(r), [r]);
    }
    for (const rs of byKey.values()) {
      const hosted = rs.filter((r) => r.shown);
      const host = hosted[0];
      if (hosted.length !== 1 || !host) continue;
      const b = this.origins.get(host);
      for (const r of rs) {
        const a = this.origins.get(r);
        if (!r.shown && !r.sent && a && b && differ(r, a, host, b) && !toldByPbx(a, b)) r.sent = true;
      }
    }
  }

  /** Notes where `f` came from in its row's origin. */
  private note(row: Row, f: Finding, opened: boolean): void {
    const local = f.direction === "local";
    const o = this.origins.get(row);
    if (!o || opened) {
      this.origins.set(row, { local, first: f, calls: new Set(f.callId ? [f.callId] : []), many: false });
      return;
    }
    o.local &&= local;
    if (!f.callId || o.calls.has(f.callId)) return;
    if (o.calls.size < MAX_ROW_CALLS) o.calls.add(f.callId);
    else o.many = true;
  }
  /** Rows by the key the scanner folds repeats under, for the counts it folded. */
  private readonly groups = new Map<string, Row>();
  /** The same rows by code and host, so a repeat finds its row without building the key string. */
  private readonly byCode = new Map<number, Map<string, Placed[]>>();
  /** The row each failing SIP response of its own went to, by line, and each such row's number:
   *  a relayed response's row is keyed by the row of the failure it passes on. */
  private readonly failureRows = new Map<number, Row>();
  private readonly rowIds = new WeakMap<Row, number>();

  /** Remembers `row` as where the failure on `f`'s line went, when `f` is a failure of its own. */
  private noteFailure(f: Finding, row: Row, failure: boolean, hangup: string | false, relays?: number): void {
    if (!failure || hangup || relays !== undefined || f.namespace !== "sip" || this.failureRows.has(f.line))
      return;
    this.failureRows.set(f.line, row);
  }

  /** The key of the failure row a relay of the failure on line `from` passes on. */
  private relayKey(from: number): string {
    const row = this.failureRows.get(from);
    const id = row && this.rowIds.get(row);
    // Not found (its row was never placed): the line itself, so relays of other failures keep apart.
    return id === undefined ? `line ${from}` : `row ${id}`;
  }

  /**
   * Counts `f` in its row, or opens one. `failure`: the verdict on `f` (a normal occurrence and a
   * failing one of a code keep apart: a row is one verdict). `hangup`: the method of the BYE or
   * CANCEL whose Reason `f` is, or false. `label` is asked for only when a row is opened.
   * `relays`: for a failure a B2BUA only relayed to its caller, the line of the failure it passes
   * on (such a row keeps apart from the code's own failures).
   */
  add(f: Finding, failure: boolean, hangup: string | false, label: () => string, relays?: number): void {
    let hosts = this.byCode.get(f.code);
    if (!hosts) {
      hosts = new Map();
      this.byCode.set(f.code, hosts);
    }
    // A response sent to f.host (">host") keeps apart from the ones f.host sent; one the log's
    // own system generated ("flood from X - sl_send_reply(503)") went to X too.
    const foldHost = keyHost(f);
    const relayKey = relays === undefined ? undefined : this.relayKey(relays);
    const dest = failure && !hangup && relays === undefined ? destination(f) : undefined;
    const host = dest ? dest.key : f.direction === "local" && f.host ? `>${f.host}` : foldHost;
    const bucket = hosts.get(host);
    // A hang-up reason gets its own row: it is no response.
    const placed = bucket?.find(
      (b) =>
        b.f.namespace === f.namespace &&
        b.f.subcode === f.subcode &&
        b.f.id === f.id &&
        b.row.hangup === hangup &&
        b.row.item.failure === failure &&
        b.row.relayKey === relayKey,
    )?.row;
    if (placed) {
      const g = placed.item;
      g.count++;
      // Another call's failure of the same row, relayed too: the row names each line it passes on.
      if (relays !== undefined && g.relays !== undefined && relays !== g.relays)
        g.relayLines = addRelayLines(g.relayLines ?? [g.relays], [relays]);
      this.noteFailure(f, placed, failure, hangup, relays);
      if (f.method && !g.methods.includes(f.method)) g.methods.push(f.method);
      if (g.hosts.length > 0) g.hostCounts[0] = g.count;
      this.note(placed, f, false);
      return;
    }
    const key = groupKey({ namespace: f.namespace, code: f.code, subcode: f.subcode, host });
    // Shown as "from host": a host the response was sent to is not where it came from.
    const sent = host.startsWith(">");
    // A destination that failed is named in the row's words, never as where the code came from.
    const shown = sent || dest ? "" : host;
    const item: TimelineItem = {
      key,
      label: label(),
      id: f.id,
      count: 1,
      firstLine: f.line,
      methods: f.method ? [f.method] : [],
      hosts: shown ? [shown] : [],
      hostCounts: shown ? [1] : [],
      hostTotal: shown ? 1 : 0,
      failure,
    };
    if (f.timestamp) item.timestamp = f.timestamp;
    if (relays !== undefined) item.relays = relays;
    const row: Row = { item, code: `${f.namespace}:${f.code}:${f.subcode}`, shown, sent, hangup };
    if (dest) row.dest = dest.words;
    // A response this system sent to f.host: its own refusal logged in words ("local") or the
    // response its SIP logger shows going out ("out", pjsip's "Transmitting SIP response … to").
    else if (sent && !hangup && f.host && (f.direction === "local" || f.direction === "out")) row.to = f.host;
    if (relayKey !== undefined) row.relayKey = relayKey;
    this.note(row, f, true);
    this.rowIds.set(row, this.all.length);
    this.all.push(row);
    this.noteFailure(f, row, failure, hangup, relays);
    // Folded repeats count in the responses' row, keyed as the scanner folds them (by keyHost),
    // whatever host the row is shown with.
    const foldKey =
      host === foldHost
        ? key
        : groupKey({ namespace: f.namespace, code: f.code, subcode: f.subcode, host: foldHost });
    if (!hangup && !this.groups.has(foldKey)) this.groups.set(foldKey, row);
    if (bucket) bucket.push({ f, row });
    else hosts.set(host, [{ f, row }]);
  }

  /** Repeats the scanner folded past its storage cap count where their first occurrence is. */
  addFolded(folded: readonly FoldedCount[]): void {
    for (const r of folded) {
      const g = this.groups.get(r.key)?.item;
      if (!g) continue;
      g.count += r.count;
      if (g.hosts.length > 0) g.hostCounts[0] = g.count;
    }
  }
}
