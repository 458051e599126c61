// The timeline's rows as analyze() builds them, finding by finding in time order: one row per code,
// host and verdict, so repeats of a code from one host count in one row; rows.ts then gathers rows
// of a code from many hosts.

import type { Row, TimelineItem } from "./rows.js";
import type { FoldedCount } from "./scan/fold.js";
import { keyHost } from "./scan/fold.js";
import { type Finding, groupKey } from "./scan/scanner.js";

/** A finding placed in a row, kept to find the row again for the next finding of its code and host. */
interface Placed {
  f: Finding;
  row: Row;
}

export class TimelineRows {
  readonly rows: Row[] = [];
  /** Rows by the key the scanner folds repeats under, for the counts it folded. */
  private readonly groups = new Map<string, Row>();
  /** The same rows by code and host, so a repeat finds its row without building the key string. */
  private readonly byCode = new Map<number, Map<string, Placed[]>>();

  /**
   * Counts `f` in its row, or opens one. `failure`: the verdict on `f` (a normal occurrence and a
   * failing one of a code keep apart: a row is one verdict). `hangup`: the method of the BYE or
   * CANCEL whose Reason `f` is, or false. `label` is asked for only when a row is opened.
   */
  add(f: Finding, failure: boolean, hangup: string | false, label: () => string): void {
    let hosts = this.byCode.get(f.code);
    if (!hosts) {
      hosts = new Map();
      this.byCode.set(f.code, hosts);
    }
    // A response sent to f.host (">host") keeps apart from the ones f.host sent; one the log's
    // own system generated ("flood from X - sl_send_reply(503)") went to X too.
    const foldHost = keyHost(f);
    const host = f.direction === "local" && f.host ? `>${f.host}` : foldHost;
    const bucket = hosts.get(host);
    // A hang-up reason gets its own row: it is no response.
    const g = bucket?.find(
      (b) =>
        b.f.namespace === f.namespace &&
        b.f.subcode === f.subcode &&
        b.f.id === f.id &&
        b.row.hangup === hangup &&
        b.row.item.failure === failure,
    )?.row.item;
    if (g) {
      g.count++;
      if (f.method && !g.methods.includes(f.method)) g.methods.push(f.method);
      if (g.hosts.length > 0) g.hostCounts[0] = g.count;
      return;
    }
    const key = groupKey({ ...f, host });
    // Shown as "from host": a host the response was sent to is not where it came from.
    const sent = host.startsWith(">");
    const shown = sent ? "" : host;
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
    const row: Row = { item, code: `${f.namespace}:${f.code}:${f.subcode}`, shown, sent, hangup };
    this.rows.push(row);
    // Folded repeats count in the responses' row, keyed as the scanner folds them (by keyHost),
    // whatever host the row is shown with.
    const foldKey = host === foldHost ? key : groupKey({ ...f, host: foldHost });
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
