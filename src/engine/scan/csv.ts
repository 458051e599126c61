// CDR and accounting exports pasted as CSV: once a header row names code columns (or the first
// lines are Asterisk Master.csv rows), each row that fits the header yields the codes of those
// columns only, with the row's own time and Call-ID; a row that does not fit is an ordinary line.
import type { LineAnchors, LineSource } from "./anchors.js";
import { acsRowHit, gridTime, withoutZoneTags } from "./csv-acs.js";
import { remoteEnder } from "./csv-audiocodes.js";
import {
  barTableStart,
  CODE_ROLES,
  type Column,
  DISPOSITIONS,
  type Layout,
  layoutOf,
  masterLayout,
  type Role,
  separatorOf,
  splitCells,
} from "./csv-columns.js";
import { freeswitchLayout } from "./csv-freeswitch.js";
import type { Finding } from "./finding.js";
import { W } from "./gates.js";
import { type Hit, hit } from "./hit.js";
import { type RedactOptions, redact } from "./redact.js";
import { sameLineRules } from "./same-line.js";
import type { ScanIndex } from "./scan-index.js";
import { parseTimestamp } from "./timestamps.js";
import { TsharkSummary } from "./tshark-summary.js";

/** A header without a code/cause/status word, and Master.csv rows, count only this early. */
export const SNIFF_LINES = 10;
/** This many lines in a row that do not fit end the table. */
const MAX_MISFITS = 20;
/** Rows past this are no export row (and cost too much to split). */
const MAX_ROW = 8192;
const DETECTOR = "csv-column";
const CONFIDENCE = 0.95;
/** Words every worded code column has: a header after SNIFF_LINES is an anchored line. */
const HEADER_WORDS = W.CODE | W.CAUSE | W.STATUS;
const WORDED = /code|cause|status/;
/** Characters of log lines, never of a header row. */
const NOT_HEADER = /[:=[\]<>{}]/;
const DIGITS = /^\d{1,6}$/;
const CAUSE_NAME = /^[A-Z][A-Z0-9_]*$/;
const METHOD = /^[A-Z]{3,9}$/;
const PHONE_CELL = /^\+?\d[\d ()-]{5,}\d$/;
const EPOCH = /^\d{10}(?:\.\d{1,9})?$|^\d{13}$/;
/** Asterisk dispositions with an established cause (cdr.c sets BUSY for 17, CONGESTION for 34). */
const DISPOSITION_CAUSE: ReadonlyMap<string, number> = new Map([
  ["BUSY", 17],
  ["CONGESTION", 34],
]);

/** A row's findings-to-be, the row as shown (party numbers masked), and what its columns add. */
export interface CsvRow {
  line: string;
  hits: Hit[];
  patch: (f: Finding) => void;
}

export class CsvReader {
  private layout: Layout | undefined;
  private misfits = 0;
  private readonly starts: number[] = [];
  /** tshark's one-line frame summaries: a table of columns too, read by its own rules. */
  private readonly tshark = new TsharkSummary();

  constructor(
    private readonly index: ScanIndex,
    private readonly opts: RedactOptions,
  ) {}

  /** Whether the scanner must visit every line from line `lineNo` on (not only anchored ones). */
  watching(lineNo: number): boolean {
    return this.layout !== undefined || this.tshark.active || lineNo <= SNIFF_LINES;
  }

  /** The line source for the lines from `next` (line `lineNo`): every line while watching. */
  lines(src: LineSource, next: number, lineNo: number): LineSource {
    if (this.watching(lineNo)) return src instanceof AllLines ? src : new AllLines(src, next);
    return src instanceof AllLines ? src.inner : src;
  }

  /**
   * A row of the table (its hits may be none), null for a header row, or undefined for a line to
   * scan as usual. `words`: the line's word anchors.
   */
  take(line: string, lineNo: number, words: number): CsvRow | null | undefined {
    const frame = this.layout === undefined ? this.tshark.take(line) : undefined;
    if (frame) return frame;
    if (this.layout === undefined && lineNo > SNIFF_LINES && (words & HEADER_WORDS) === 0) return undefined;
    if (line.length < 3 || line.length > MAX_ROW) return this.misfit();
    const off = barTableStart(line);
    if (off === 0) return this.takeTable(line, lineNo);
    // The table after a syslog prefix: its hits and shown row keep the prefix.
    const row = this.takeTable(line.slice(off), lineNo);
    if (!row) return row;
    for (const h of row.hits) h.at += off;
    return { ...row, line: line.slice(0, off) + row.line };
  }

  private takeTable(line: string, lineNo: number): CsvRow | null | undefined {
    if (this.layout) {
      const row = this.row(line, this.layout);
      if (row) {
        this.misfits = 0;
        return row;
      }
    }
    const header = this.header(line, lineNo);
    if (header) {
      this.layout = header;
      this.misfits = 0;
      return null;
    }
    if (lineNo <= SNIFF_LINES && this.layout === undefined) {
      const cells = line.charCodeAt(0) === 34 ? splitCells(line, ",", this.starts) : undefined;
      const master = cells && (masterLayout(cells) ?? freeswitchLayout(cells));
      if (master) {
        this.layout = master;
        this.misfits = 0;
        return this.row(line, master);
      }
    }
    return this.misfit();
  }

  private misfit(): undefined {
    if (this.layout && ++this.misfits >= MAX_MISFITS) this.layout = undefined;
    return undefined;
  }

  private header(line: string, lineNo: number): Layout | undefined {
    const c0 = line.charCodeAt(0);
    // A name, a quoted name or a byte-order mark first (or the "|" a mysql client table starts
    // its rows with); none of a log line's punctuation.
    if (!((c0 | 0x20) >= 97 && (c0 | 0x20) <= 122) && c0 !== 34 && c0 !== 95 && c0 !== 0xfeff && c0 !== 124)
      return undefined;
    const bare = withoutZoneTags(line);
    if (NOT_HEADER.test(bare)) return undefined;
    const sep = separatorOf(bare);
    const names = sep ? splitCells(bare, sep, this.starts) : undefined;
    if (!names || names.length < 2) return undefined;
    const layout = layoutOf(names, sep);
    const codes = layout?.columns.filter((c) => c.role !== undefined && CODE_ROLES.has(c.role));
    if (!codes || codes.length === 0) return undefined;
    // Past the first lines, only a header the anchors stop at (see HEADER_WORDS) counts.
    if (lineNo > SNIFF_LINES && !codes.some((c) => WORDED.test(c.name))) return undefined;
    return layout;
  }

  /** The row's hits when `line` fits the layout: as many cells, and code cells that hold codes. */
  private row(line: string, layout: Layout): CsvRow | undefined {
    const starts = this.starts;
    const cells = splitCells(line, layout.sep, starts);
    if (!cells || cells.length !== layout.columns.length) return undefined;
    const cell = (r: Role) => (layout.at[r] === undefined ? "" : (cells[layout.at[r] as number] as string));
    // A request in the status column (AudioCodes' SIPTrmReason "BYE") ended the call: no code.
    const sip = METHOD.test(cell("sip")) ? "" : cell("sip");
    const sub = cell("subcode");
    const q850 = cell("q850");
    const cause = cell("cause");
    const disposition = cell("disposition");
    const acs = cell("acs");
    if (
      (sip && !DIGITS.test(sip)) ||
      (acs && !DIGITS.test(acs)) ||
      (sub && !DIGITS.test(sub)) ||
      (q850 && !DIGITS.test(q850)) ||
      (cause && !CAUSE_NAME.test(cause) && !DIGITS.test(cause)) ||
      (disposition && !DISPOSITIONS.has(disposition))
    )
      return undefined;
    const hits: Hit[] = [];
    const add = (h: Hit | undefined, r: Role) => {
      if (!h) return;
      const k = layout.at[r] as number;
      h.at = starts[k] as number;
      h.len = (cells[k] as string).length;
      hits.push(h);
    };
    const method = METHOD.test(cell("method")) ? cell("method") : undefined;
    add(this.sipHit(sip, sub, cell("reason"), method), "sip");
    add(acsRowHit(this.index.catalog, acs, sub, CONFIDENCE, DETECTOR), "acs");
    add(causeHit(q850), "q850");
    const named = this.index.causeNames.get(cause);
    add(
      named ? hit(named.namespace, named.code, null, CONFIDENCE, DETECTOR, true) : causeHit(cause),
      "cause",
    );
    const busy = DISPOSITION_CAUSE.get(disposition);
    if (busy) add(hit("q850", busy, null, CONFIDENCE, DETECTOR, true), "disposition");
    // FreeSWITCH writes one cause three ways (NORMAL_CLEARING, 16, …): one finding per code.
    const shown = this.masked(line, cells, layout.columns);
    return { line: shown, hits: sameLineRules(hits), patch: this.patch(cells, layout) };
  }

  /** A SIP status; with a Teams subcode, the ACS call-end pair when the catalog has it. */
  private sipHit(sip: string, sub: string, reason: string, method: string | undefined): Hit | undefined {
    if (!sip) return undefined;
    const code = Number(sip);
    if (sub && this.index.catalog.byId.has(`acs/${code}-${Number(sub)}`))
      return hit("acs", code, Number(sub), CONFIDENCE, DETECTOR, true, reason ? { reason } : undefined);
    if (code < 100 || code > 699) return undefined;
    const said = sub && sub !== "0" ? `${reason ? `${reason} ` : ""}(Microsoft subcode ${sub})` : reason;
    return hit("sip", code, null, CONFIDENCE, DETECTOR, true, { reason: said || undefined, method });
  }

  /** The line with the digits of its party columns masked like any phone number. */
  private masked(line: string, cells: string[], columns: Column[]): string {
    if (this.opts.maskPhoneNumbers === false) return line;
    let out = line;
    for (let k = 0; k < cells.length; k++) {
      const v = cells[k] as string;
      if (!columns[k]?.party || !PHONE_CELL.test(v)) continue;
      const masked = redact(`number=${v}`, this.opts).slice("number=".length);
      if (masked === v || masked.length !== v.length) continue;
      const at = out.indexOf(v, this.starts[k]);
      if (at >= 0) out = out.slice(0, at) + masked + out.slice(at + v.length);
    }
    return out;
  }

  /** The row's time, Call-ID and responder, from its columns (not guessed from its text). */
  private patch(cells: string[], layout: Layout): (f: Finding) => void {
    let time: { text: string; ms: number } | undefined;
    for (const k of layout.times) {
      time = timeOf(cells[k] as string);
      if (time) break;
    }
    const at = layout.at;
    const cell = (r: Role) => (at[r] === undefined ? "" : (cells[at[r] as number] as string));
    const callId = cell("callId");
    const hangup = cell("hangup");
    const gateway = cell("gateway");
    // AudioCodes: the far end that ended the call sent its SIPTrmReason.
    const ender = at.endedBy === undefined ? undefined : remoteEnder(cell);
    const opts = this.opts;
    return (f) => {
      // A row with an empty time column has no time: not one borrowed from the rows above.
      if (time) {
        f.timestamp = time.text;
        f.tsMs = time.ms;
      } else if (layout.times.length > 0) {
        delete f.timestamp;
        delete f.tsMs;
      }
      if (callId) f.callId = redact(callId, opts);
      delete f.host;
      delete f.direction;
      // FreeSWITCH: recv_refuse is a refusal from the far end (the gateway, when named), send_refuse
      // one FreeSWITCH sent itself; a BYE or CANCEL says who hung up, not who sent the code.
      if (hangup === "recv_refuse") {
        f.direction = "in";
        if (gateway) f.host = gateway;
      } else if (hangup === "send_refuse") f.direction = "local";
      if (ender) {
        f.host = ender;
        f.direction = "in";
      }
    };
  }
}

/** A cause number: Q.850 up to 127; above, FreeSWITCH's own causes, which are SIP statuses (487). */
function causeHit(v: string): Hit | undefined {
  if (!v || !DIGITS.test(v)) return undefined;
  const n = Number(v);
  if (n >= 1 && n <= 127) return hit("q850", n, null, CONFIDENCE, DETECTOR, true);
  if (n >= 128 && n <= 699) return hit("sip", n, null, CONFIDENCE, DETECTOR, true);
  return undefined;
}

function timeOf(v: string): { text: string; ms: number } | undefined {
  if (!v) return undefined;
  if (EPOCH.test(v)) {
    const ms = v.length === 13 ? Number(v) : Math.round(Number(v) * 1000);
    return { text: new Date(ms).toISOString(), ms };
  }
  return parseTimestamp(v) ?? gridTime(v);
}

const NO_ANCHORS: LineAnchors = { words: 0, named: 0, digits: [], nDigits: 0, event: false };

/** Every line, each with the anchors `inner` finds on it (none for most). */
export class AllLines implements LineSource {
  constructor(
    readonly inner: LineSource,
    private next: number,
  ) {}
  peek(): number {
    return Math.min(this.next, this.inner.peek());
  }
  take(ls: number, le: number): LineAnchors {
    this.next = le + 1;
    return this.inner.peek() < le ? this.inner.take(ls, le) : NO_ANCHORS;
  }
  quietUntil(end: number): boolean {
    return this.inner.quietUntil(end);
  }
}
