// Timing events (SIP requests and keepalives, with their time) and the timestamp a line borrows
// from the lines before it: what the timer-aware analysis measures intervals between.
import { parseTimestamp, sipHeaders } from "./context.js";
import { lineHost } from "./hosts.js";
import { lineAt, nextLines, prevLineStart } from "./text-lines.js";
import { isYearless } from "./timestamps.js";

/**
 * The literals a line needs for EventLog.record to look at it ("SIP/2.0" of a request line,
 * keep-alives, pjsip's "Request msg", chan_sip's "Retransmitting #"); the scanner finds them with
 * one search over a whole block (anchors.ts).
 */
export const EVENT_ANCHORS = /SIP\/2\.0|eep|Request msg |ransmitting #/g;

/** Requests and keepalives with their time: what the timer-aware analysis measures between. */
export interface TimingEvent {
  kind: "request" | "keepalive";
  method?: string;
  line: number;
  /** NaN for a CANCEL or BYE on a line without a time: they still pair with what follows by line. */
  tsMs: number;
  /** The stamp names a date but no year ("May  2 02:00:00"). */
  yearless?: true;
  callId?: string;
  /** The request's CSeq number: a retransmission repeats it. */
  cseq?: number;
  /** Where a request was sent, when the log says ("TX … to UDP 203.0.113.60:5060"). */
  to?: string;
  /** For a BYE or CANCEL: the Reason header or the line's own words (session timer mentions). */
  note?: string;
  /** How many times the request was sent (retransmissions included) and when the last copy went. */
  copies?: number;
  lastTsMs?: number;
}

/** The packet line above a request that names where it went: "U 10.0.0.5:5060 -> 198.51.100.2:5060"
 *  or tcpdump's "IP 10.0.0.5.5060 > 198.51.100.2.5060:". */
const ARROW_TARGET = /-{1,3}>\s*\[?((?:\d{1,3}\.){3}\d{1,3}|[0-9a-f:]*:[0-9a-f:]+)\]?(?::(\d{2,5}))?/i;
const TCPDUMP_TARGET = /\bIP6? \S+ > ((?:\d{1,3}\.){3}\d{1,3})\.(\d{1,5}):/;

/** Where the request whose line starts at text[ls] went, read from the packet line above it. */
function packetTarget(text: string, ls: number): string | undefined {
  if (ls === 0) return undefined;
  const above = lineAt(text, prevLineStart(text, ls), ls - 1);
  const m = above.includes(">") ? (ARROW_TARGET.exec(above) ?? TCPDUMP_TARGET.exec(above)) : null;
  return m?.[1] ? (m[2] ? `${m[1]}:${m[2]}` : m[1]) : undefined;
}

const REQUEST_LINE =
  /\b(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|UPDATE|PRACK|SUBSCRIBE|NOTIFY|REFER|INFO|MESSAGE) (?:sips?|tel):\S+ SIP\/2\.0\.?\s*$/;
/** pjsip's line for a request it sends: "TX 1109 bytes Request msg INVITE/cseq=201 (tdta0x55) to UDP 203.0.113.60:5060:". */
const PJSIP_REQUEST =
  /\bTX \d+ bytes Request msg ([A-Z]+)\/cseq=(\d+) \([^)]*\) to (?:UDP|TCP|TLS|WSS?) ([^\s:]+:\d+|\[[^\]]+\]:\d+)/;
const KEEPALIVE = /keep-?alive/i;
/** A keepalive line that reports one failing ("Keepalive failed with status 500", "5 keepalives
 *  missed"): no heartbeat. */
const KEEPALIVE_FAILED =
  /\b(?:fail(?:ed|ure|s)?|miss(?:ed|ing)?|errors?|time[ds]?[ -]?out|timed out|not sent|unanswered|no response)\b/i;
/** chan_sip's line for a copy it sends again: "Retransmitting #2 (NAT) to 203.0.113.88:5060:". */
const RETRANSMIT = /\bRetransmitting #\d+ \((?:no )?NAT\) to /;
const REASON_HEADER = /^\s*Reason\s*:/i;

/** The event `line` (text[ls, le), its "\n" at text[le]) records, without its time and line number. */
export function timingEvent(
  text: string,
  line: string,
  ls: number,
  le: number,
): Omit<TimingEvent, "tsMs" | "line" | "yearless"> | null {
  const trimmed = line.trimEnd();
  // ngrep shows each line's "\r" as a dot: "CANCEL sip:… SIP/2.0."
  if (trimmed.endsWith("SIP/2.0") || trimmed.endsWith("SIP/2.0.")) {
    const m = REQUEST_LINE.exec(trimmed);
    if (!m?.[1]) return null;
    const headers = sipHeaders(text, le, 39);
    const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = {
      kind: "request",
      method: m[1],
      callId: headers.callId,
    };
    if (headers.cseq !== undefined) ev.cseq = headers.cseq;
    const to = headers.host && headers.direction === "out" ? headers.host : packetTarget(text, ls);
    if (to) ev.to = to;
    if (m[1] === "BYE" || m[1] === "CANCEL") {
      let headers = nextLines(text, le, 29);
      // A CANCEL's own headers end at the blank line: a Reason below it is another message's.
      if (m[1] === "CANCEL") {
        const end = headers.findIndex((l) => l.trim() === "");
        if (end >= 0) headers = headers.slice(0, end);
      }
      const reason = headers.find((l) => REASON_HEADER.test(l));
      if (reason) ev.note = reason.trim().slice(0, 160);
    }
    return ev;
  }
  if (line.includes("Request msg ")) {
    const p = PJSIP_REQUEST.exec(line);
    if (p?.[1]) return { kind: "request", method: p[1], cseq: Number(p[2]), to: p[3] };
  }
  return line.includes("eep") && KEEPALIVE.test(line) && !KEEPALIVE_FAILED.test(line)
    ? { kind: "keepalive" }
    : null;
}

/** The timestamp of `line` (starting at text[ls]), or the nearest one in the three lines before it. */
export function timeOf(text: string, line: string, ls: number): { text: string; ms: number } | undefined {
  let current = line;
  let start = ls;
  for (let k = 0; k <= 3; k++) {
    const ts = parseTimestamp(current);
    if (ts) return ts;
    if (start === 0) return undefined;
    const prev = prevLineStart(text, start);
    current = lineAt(text, prev, start - 1);
    start = prev;
  }
  return undefined;
}

/** At most this many events are kept for the timer analysis. */
export const MAX_EVENTS = 5000;

/** The timing events of one scan, with retransmissions counted on their first copy. */
export class EventLog {
  readonly events: TimingEvent[] = [];

  get full(): boolean {
    return this.events.length >= MAX_EVENTS;
  }

  /** Records the SIP request or keepalive on `line` (text[ls, le), line number `lineNo`), if any. */
  record(text: string, line: string, ls: number, le: number, lineNo: number): void {
    if (line.includes("ransmitting #") && this.retransmitted(text, line, ls, le)) return;
    const ev = timingEvent(text, line, ls, le);
    if (!ev) return;
    const ts = timeOf(text, line, ls);
    // Timers need a time; a CANCEL or BYE also tells analyze what the 487 or Reason after it is.
    if (!ts && ev.method !== "CANCEL" && ev.method !== "BYE") return;
    const event: TimingEvent = { ...ev, line: lineNo, tsMs: ts ? ts.ms : Number.NaN };
    if (ts && isYearless(ts.text)) event.yearless = true;
    const first = this.firstCopy(event);
    if (first) {
      // The timers run from the first copy; later ones only count.
      first.copies = (first.copies ?? 1) + 1;
      if (Number.isFinite(event.tsMs)) first.lastTsMs = event.tsMs;
      return;
    }
    this.events.push(event);
  }

  /**
   * chan_sip's "Retransmitting #N (NAT) to HOST:" line; without the message after it (which, when
   * it follows, is recorded itself), one more copy of the last request sent to HOST. False for
   * any other line.
   */
  private retransmitted(text: string, line: string, ls: number, le: number): boolean {
    if (!RETRANSMIT.test(line) || line.includes("SIP/2.0")) return false;
    const next = text.indexOf("\n", le + 1);
    if (next >= 0 && text.slice(le + 1, next).includes("SIP/2.0")) return true;
    const to = lineHost(line);
    for (let k = this.events.length - 1, seen = 0; to && k >= 0 && seen < 16; k--, seen++) {
      const p = this.events[k] as TimingEvent;
      if (p.kind !== "request" || p.to !== to) continue;
      p.copies = (p.copies ?? 1) + 1;
      const ts = timeOf(text, line, ls);
      if (ts) p.lastTsMs = ts.ms;
      break;
    }
    return true;
  }

  /** The request `e` repeats (same method, CSeq, Call-ID and destination): a retransmission. */
  private firstCopy(e: TimingEvent): TimingEvent | undefined {
    if (e.kind !== "request" || e.cseq === undefined) return undefined;
    for (let k = this.events.length - 1, seen = 0; k >= 0 && seen < 16; k--, seen++) {
      const p = this.events[k] as TimingEvent;
      if (p.method === e.method && p.cseq === e.cseq && p.callId === e.callId && p.to === e.to) return p;
    }
    return undefined;
  }
}
