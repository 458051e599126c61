// The streaming log scanner: text in (any size, any encoding junk), findings out. Text is handled
// in blocks: anchors.ts finds the few lines that can hold a code, gates.ts picks the detectors worth
// running on each, and memory stays bounded (one block, 40 lines of look-ahead; fold.ts keeps the
// findings, folding repeats past a cap into counts).
import type { Catalog } from "../../catalog/indexes.js";
import { type Anchors, anchorsFor, EveryLine, type LineAnchors, type LineSource, Walker } from "./anchors.js";
import { keptFrom, LOOKAHEAD, scanLimit } from "./block-window.js";
import { ColourFilter } from "./colours.js";
import { CsvReader, type CsvRow } from "./csv.js";
import { Cuts } from "./cuts.js";
import { detect, detectLong, type Hit, isQuietLine, SUMMARY, withoutClaimed } from "./detectors.js";
import { EscapedMessages, type Opened } from "./escaped.js";
import { EventLog, type TimingEvent } from "./events.js";
import { type Finding, type LineContext, toFinding } from "./finding.js";
import { FindingStore } from "./fold.js";
import { ALL_DETECTORS, lineGates } from "./gates.js";
import { isPacketLine, messageSource } from "./hosts.js";
import { lineContext, statusLineFollows } from "./line-context.js";
import { detectPairsAhead, mayPair } from "./pair.js";
import { PasteFilter } from "./paste-prefix.js";
import { PBX_REPLY, type PendingRefusal, refusalAnswered, withRefusal } from "./pbx-refusals.js";
import type { RedactOptions } from "./redact.js";
import { markReinvites } from "./reinvite.js";
import { RepeatCache } from "./repeats.js";
import { nameRequestPeers } from "./request-peer.js";
import { sameLineRules } from "./same-line.js";
import { type ScanIndex, scanIndexFor } from "./scan-index.js";
import type { ScanOutput } from "./scan-output.js";
import { isSpace } from "./tails.js";
import { countLines, endOfNext, lineAt, nextLines, prevLines } from "./text-lines.js";
import { Trigger } from "./trigger.js";
import { treeBelow } from "./tshark-summary.js";

export type { TimingEvent } from "./events.js";
export { MAX_EVENTS } from "./events.js";
export type { Finding } from "./finding.js";
export { resolveId } from "./finding-id.js";
export type { FoldedCount } from "./fold.js";
export { FIRST_PER_KEY, groupKey, MAX_FINDINGS, MAX_STORED_FINDINGS } from "./fold.js";
export type { ScanOutput } from "./scan-output.js";

/** Past this much input, everything kept from it is copied out of its block (see detach.ts). */
const LARGE_INPUT = 1 << 20;
const SEGMENT = 4096;
/** How far the pieces of a long line overlap: more than any one match is long. */
const OVERLAP = 256;
/** A line longer than this is cut, so one endless line cannot hold the whole input in memory. */
const MAX_LINE = 1 << 20;

export class Scanner {
  private readonly index: ScanIndex;
  private readonly anchors: Anchors;
  private readonly trigger: Trigger;
  /** Unscanned text, preceded by a few scanned lines whose timestamps later lines may borrow. */
  private buf = "";
  /** Start of the first unscanned line in `buf`, and its line number. */
  private pos = 0;
  private lineNo = 1;
  private bytes = 0;
  /** Offset of buf[0] in the whole input, and the "\n"s in buf that are not the input's: the
   *  pieces of a cut line or an opened JSON-escaped message keep one line number. */
  private base = 0;
  private readonly cuts = new Cuts();
  private readonly colours = new ColourFilter();
  /** A chat's or wiki's indent and quote markers before every pasted line. */
  private readonly paste = new PasteFilter();
  private readonly escaped = new EscapedMessages();
  private readonly log: EventLog;
  /** Hits of short lines by their text after any leading timestamp, with their offsets there. */
  private readonly repeats = new RepeatCache();
  /** Hits of the line being scanned (reused: one line at a time). */
  private readonly found: Hit[] = [];
  private readonly emit = (h: Hit, at: number) => {
    h.at = at;
    this.found.push(h);
  };
  private readonly store = new FindingStore();
  /** The last refusal line whose response follows it (pbx-refusals.ts). */
  private refusal: PendingRefusal | undefined;
  private readonly csv: CsvReader;
  /** The line whose hits are offered to the store, and how to build their findings. */
  private readonly at = {
    line: "",
    ls: 0,
    le: 0,
    lineNo: 0,
    ctx: undefined as LineContext | undefined,
    /** A CSV row's columns: its time, Call-ID and responder. */
    row: undefined as CsvRow | undefined,
    build: (h: Hit): Finding => {
      const at = this.at;
      at.ctx ??= this.context(at.line, at.ls, at.le, at.lineNo);
      const f = toFinding(at.ctx, h, this.opts);
      at.row?.patch(f);
      return f;
    },
    /** The host the message's surroundings name (the line above a packet dump), as toFinding reads it. */
    sourceHost: (): string | undefined => {
      // What sipHeaders() gives toFinding as `host`, without reading the headers that follow.
      const at = this.at;
      return at.ctx ? at.ctx.headers().host : messageSource(this.buf, at.ls)?.host;
    },
    above: (n: number): string[] => prevLines(this.buf, this.at.ls, n),
    below: (n: number): string[] => nextLines(this.buf, this.at.le, n),
  };
  get events(): TimingEvent[] {
    return this.log.events;
  }

  /**
   * `exhaustive` runs every detector on every line, skipping no line and no detector: slow, and
   * exactly what the anchors and gates must reproduce (the tests compare the two).
   */
  constructor(
    private readonly catalog: Catalog,
    private readonly opts: RedactOptions = {},
    private readonly mode: { exhaustive?: boolean } = {},
  ) {
    this.index = scanIndexFor(catalog);
    this.anchors = anchorsFor(this.index);
    this.trigger = new Trigger(this.index);
    this.csv = new CsvReader(this.index, opts);
    this.log = new EventLog(opts.maskPhoneNumbers ?? true);
  }

  push(input: string): void {
    this.bytes += input.length;
    if (this.bytes > LARGE_INPUT && !this.store.detachAll) {
      this.store.detachAll = true;
      this.log.detachAll = true;
    }
    this.append(this.escaped.take(this.paste.take(this.colours.take(input))));
    if (this.buf.length - this.buf.lastIndexOf("\n") - 1 > MAX_LINE) {
      this.cuts.add(this.base + this.buf.length);
      this.buf += "\n";
    }
    this.drain(false);
  }

  private append(opened: Opened): void {
    for (const k of opened.added) this.cuts.add(this.base + this.buf.length + k);
    this.buf += opened.text;
  }

  /** How many of the "\n"s in buf[from, to) are cuts (they end no line). */
  private cutsIn(from: number, to: number): number {
    return this.cuts.countIn(this.base + from, this.base + to);
  }

  end(): ScanOutput {
    this.append(this.escaped.take(this.paste.take(this.colours.flush())));
    this.append(this.escaped.take(this.paste.flush()));
    this.append(this.escaped.flush());
    if (this.buf.length > 0 && !this.buf.endsWith("\n")) this.buf += "\n";
    this.drain(true);
    this.store.end();
    markReinvites(this.store.findings);
    nameRequestPeers(this.store.findings, this.events);
    return {
      findings: this.store.findings,
      events: this.events,
      omitted: this.store.omitted,
      folded: this.store.folded,
      lines: this.lineNo - 1,
      bytes: this.bytes,
    };
  }

  /** Scans every line that has LOOKAHEAD complete lines after it (all of them at the end). */
  private drain(final: boolean): void {
    const buf = this.buf;
    const limit = scanLimit(buf, this.pos, final);
    if (limit <= this.pos) return;
    // Inside a CSV table (and in the first lines, where one may start) every line is a row to read.
    let walker: LineSource = this.mode.exhaustive
      ? new EveryLine(this.pos)
      : this.csv.lines(new Walker(buf, this.anchors, this.pos, !this.log.full), this.pos, this.lineNo);
    // Lines are counted on the way to each anchor: [ls, le) is line lineNo.
    let ls = this.pos;
    let lineNo = this.lineNo;
    for (let p = walker.peek(); p < limit; p = walker.peek()) {
      let le = buf.indexOf("\n", ls);
      while (le < p) {
        ls = le + 1;
        if (this.cuts.none || this.cutsIn(le, le + 1) === 0) lineNo++;
        le = buf.indexOf("\n", ls);
      }
      this.scanLine(ls, le, lineNo, walker.take(ls, le), walker);
      if (!this.mode.exhaustive) walker = this.csv.lines(walker, le + 1, lineNo + 1);
    }
    lineNo += countLines(buf, ls, limit) - this.cutsIn(ls, limit);
    const keep = keptFrom(buf, limit);
    this.buf = buf.slice(keep);
    this.base += keep;
    this.cuts.dropBefore(this.base);
    this.pos = limit - keep;
    this.lineNo = lineNo;
  }

  private scanLine(ls: number, le: number, lineNo: number, a: LineAnchors, walker: LineSource): void {
    const buf = this.buf;
    const line = lineAt(buf, ls, le);
    if (a.event && !this.log.full) this.log.record(this.buf, line, ls, le, lineNo);
    const row = this.csv.take(line, lineNo, a.words);
    if (row !== undefined) {
      if (row !== null && row.hits.length > 0 && !treeBelow(row.hits, buf, le))
        this.keep(row.line, ls, le, lineNo, row.hits, row);
      return;
    }
    if (line.length < 3 || (a.words === 0 && a.named === 0 && a.nDigits === 0)) return;
    if (line.length > SEGMENT) {
      this.scanLongLine(line, ls, le, lineNo);
      return;
    }
    // Header and SDP lines start with a letter or a space; a timestamped log line skips this test.
    const c0 = line.charCodeAt(0);
    const letter = (c0 | 0x20) >= 97 && (c0 | 0x20) <= 122;
    if ((letter || isSpace(c0)) && isQuietLine(line)) return;
    // Without word anchors there is no JSON-pair look-ahead, so the hits depend on the line alone.
    const k = a.words === 0 && !this.mode.exhaustive ? this.repeats.keyOf(line, letter) : undefined;
    let hits = k ? this.repeats.get(k) : undefined;
    if (!hits) {
      hits = this.detectLine(line, le, a, walker);
      if (k) this.repeats.set(k, hits);
    }
    if (hits.length > 0) this.keep(line, ls, le, lineNo, hits);
  }

  /** The findings-to-be of a line that is neither a header nor SDP. */
  private detectLine(line: string, le: number, a: LineAnchors, walker: LineSource): Hit[] {
    const buf = this.buf;
    const exhaustive = this.mode.exhaustive === true;
    const gates = exhaustive
      ? ALL_DETECTORS
      : lineGates(line, a.words, a.named, a.digits, a.nDigits, this.index);
    const pair = mayPair(line, buf, le, a.words, gates, exhaustive, walker, this.anchors);
    const found = this.found;
    found.length = 0;
    if (gates !== 0) detect(line, this.index, this.emit, gates);
    if (pair) detectPairsAhead(line, buf, le, this.index, this.anchors, this.emit, exhaustive, SEGMENT);
    if (found.length === 0) return [];
    const triggered = exhaustive ? this.trigger.test(line) : this.trigger.passes(line, found);
    return triggered ? sameLineRules(withoutClaimed(found)) : [];
  }

  /** Lines past SEGMENT: every detector on overlapping pieces, as no anchor gating is needed. */
  private scanLongLine(line: string, ls: number, le: number, lineNo: number): void {
    // The trigger has no anchors and is linear: the whole line (at most MAX_LINE) is tested, so a
    // code deep into a long line is not missed.
    if (!this.trigger.test(line) || isQuietLine(line)) return;
    const hits = detectLong(line, this.index, SEGMENT, OVERLAP);
    if (hits.length > 0) this.keep(line, ls, le, lineNo, sameLineRules(withoutClaimed(hits)));
  }

  private context(line: string, ls: number, le: number, lineNo: number): LineContext {
    const where = { buf: this.buf, line, ls, le, lineNo };
    const inputLines = this.cuts.none
      ? undefined
      : (n: number) => n - this.cutsIn(le + 1, endOfNext(where.buf, le, n) + 1);
    return lineContext(this.catalog, where, LOOKAHEAD - 1, inputLines);
  }

  private keep(line: string, ls: number, le: number, lineNo: number, hits: Hit[], row?: CsvRow): void {
    const at = this.at;
    at.row = row;
    at.line = line;
    at.ls = ls;
    at.le = le;
    at.lineNo = lineNo;
    at.ctx = undefined;
    const timing = !this.log.full;
    for (const h0 of hits) {
      if (h0.namespace === "sip" && (h0.code < 100 || h0.code > 699)) continue;
      // A stack's summary of a response and the response it logs right after are one response:
      // the status line, with its headers (Call-ID, CSeq, Via, agent), stands for both.
      if (
        (h0.detector === SUMMARY || (h0.detector === "sip-status" && isPacketLine(line))) &&
        statusLineFollows(this.buf, le, h0.code)
      )
        continue;
      // A PBX's refusal line and the response its SIP logger shows next: the response keeps why.
      if (h0.detector === PBX_REPLY && refusalAnswered(this.buf, le, h0.code)) {
        this.refusal = { code: h0.code, reason: h0.reason, line: lineNo };
        continue;
      }
      const h = this.refusal ? withRefusal(h0, lineNo, this.refusal) : h0;
      if (this.store.isVendorPairRepeat(h, lineNo)) continue;
      this.store.offer(h, lineNo, at, timing);
    }
  }
}

/** Scans a whole string (a chat paste). */
export function scanText(catalog: Catalog, text: string, opts: RedactOptions = {}): ScanOutput {
  const s = new Scanner(catalog, opts);
  s.push(text);
  return s.end();
}
