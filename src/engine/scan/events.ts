// Timing events (SIP requests and keepalives, with their time) and the timestamp a line borrows
// from the lines before it: what the timer-aware analysis measures intervals between.
import { detach } from "./detach.js";
import { timingEvent } from "./event-kinds.js";
import { lineHost } from "./hosts.js";
import { jsonObjectTime } from "./json-time.js";
import { LOOKUP_MISS, noteLookupMiss, resetLookupMiss } from "./lookup-miss.js";
import { redact } from "./redact.js";
import { referToOf } from "./refer-to.js";
import { FORWARD_LITERAL } from "./relay-forward.js";
import { RELAY_ANCHOR } from "./relay-lines.js";
import { closedConnection, type StatedTimeout, statedTimeout, TIMEOUT_ANCHORS } from "./stated-timeouts.js";
import { timeOf as nearTime } from "./time-of.js";
import { isYearless } from "./timestamps.js";
import { sentAt, type TimingEvent } from "./timing-event.js";
import { VOICEMAIL_LITERALS } from "./voicemail.js";

const VOICEMAIL_ANCHORS = VOICEMAIL_LITERALS.map((l) => l.replace("(", "\\(")).join("|");

/**
 * The timestamp of `line` (text[ls…]) or of the lines just above it. The first line of a SIP
 * message opened from a pretty-printed JSON record (`"raw": "CANCEL sip:… SIP/2.0`) has none near
 * it: its record's time field ("create_date") is among the members above, and the message's
 * headers (a CANCEL's Reason) have that time too.
 */
export function timeOf(text: string, line: string, ls: number): { text: string; ms: number } | undefined {
  const ts = nearTime(text, line, ls);
  if (ts || !line.includes("SIP/2.0") || !line.includes('":')) return ts;
  return jsonObjectTime(text, line, ls) ?? undefined;
}
export type { TimingEvent } from "./timing-event.js";

/** FreeSWITCH's core marking a channel answered: "Channel [sofia/internal/1000@10.0.0.5] has been
 *  answered" (NOTICE level, so also in logs without mod_sofia's DEBUG states). */
const ANSWERED = "] has been answered";

/**
 * The literals a line needs for EventLog.record to look at it ("SIP/2.0" of a request line,
 * keep-alives, pjsip's "Request msg", chan_sip's "Retransmitting #", a stack saying a request
 * timed out, a TCP FIN, a PBX handing the call to voicemail, a registrar's "Not found in usrloc",
 * which lookup-miss.ts notes for the reply after it, a proxy script's "relaying INVITE sip:…",
 * Asterisk forwarding a call to a new number);
 * the scanner finds them with one search over a whole block (anchors.ts).
 */
export const EVENT_ANCHORS = new RegExp(
  `SIP/2\\.0|eep|Request msg |ransmitting #|${ANSWERED}|${LOOKUP_MISS}|${TIMEOUT_ANCHORS}|${VOICEMAIL_ANCHORS}|${RELAY_ANCHOR}|${FORWARD_LITERAL}`,
  "g",
);

/** chan_sip's line for a copy it sends again: "Retransmitting #2 (NAT) to 203.0.113.88:5060:". */
const RETRANSMIT = /\bRetransmitting #\d+ \((?:no )?NAT\) to /;

/**
 * How many SIP request lines EventLog.record has read, in any scan so far. The message of a response
 * ends at the next request line: the finding store compares the count to tell a header of that
 * response from one of a request logged after it on the same input line (a Homer export's records).
 */
let requestLines = 0;
export function requestLinesRead(): number {
  return requestLines;
}

/** The request line record() read last: its input line number, its text and its event. */
export interface RequestRead {
  lineNo: number;
  line: string;
  from?: string | undefined;
  to?: string | undefined;
}
let lastRequest: RequestRead | undefined;
export function lastRequestRead(): RequestRead | undefined {
  return lastRequest;
}

/** At most this many events are kept for the timer analysis. */
export const MAX_EVENTS = 5000;

/** The timing events of one scan, with retransmissions counted on their first copy. */
export class EventLog {
  readonly events: TimingEvent[] = [];
  /** Set for large inputs: an event's strings are copied, so none of them keeps its input block
   *  alive (substrings share their parent string in V8). */
  detachAll = false;

  /** `maskNumbers`: phone numbers an event keeps (a transfer target) are masked, as in excerpts. */
  constructor(private readonly maskNumbers = true) {
    // What the finding store reads from the lines recorded (module state) starts afresh.
    lastRequest = undefined;
    resetLookupMiss();
  }

  get full(): boolean {
    return this.events.length >= MAX_EVENTS;
  }

  /** Records the SIP request or keepalive on `line` (text[ls, le), line number `lineNo`), if any. */
  record(text: string, line: string, ls: number, le: number, lineNo: number): void {
    if (line.includes(LOOKUP_MISS)) {
      noteLookupMiss(line, lineNo);
      return;
    }
    if (line.includes(ANSWERED)) {
      // Kept as the findings' texts are (numbers masked alike): the channel names are compared.
      const note = redact(line.slice(0, 400), { maskPhoneNumbers: this.maskNumbers });
      if (!this.full) this.events.push({ kind: "answer", line: lineNo, tsMs: Number.NaN, note });
      return;
    }
    if (line.includes("ransmitting #") && this.retransmitted(text, line, ls, le)) return;
    const ev = timingEvent(text, line, ls, le, this.maskNumbers) ?? this.ending(text, line, le);
    if (!ev) return;
    if (ev.kind === "request" && line.includes("SIP/2.0")) {
      requestLines++;
      lastRequest = { lineNo, line, from: ev.from, to: ev.to };
    }
    const ts = timeOf(text, line, ls);
    // Timers need a time; a CANCEL or BYE also tells analyze what the 487 or Reason after it is.
    if (
      !ts &&
      ev.method !== "CANCEL" &&
      ev.method !== "BYE" &&
      ev.kind !== "voicemail" &&
      ev.kind !== "stale-challenge" &&
      // A forward is placed between the legs it joins by its line alone.
      ev.kind !== "forward" &&
      // A REFER's Refer-To names the target a failed transfer's report gives.
      !(ev.method === "REFER" && referToOf(ev as TimingEvent))
    )
      return;
    const event: TimingEvent = { ...ev, line: lineNo, tsMs: ts ? ts.ms : Number.NaN };
    if (ts && isYearless(ts.text)) event.yearless = true;
    // A BYE's or CANCEL's Reason, and a NOTIFY's sipfrag body, are shown with the request's stamp.
    if (ts && (ev.method === "BYE" || ev.method === "CANCEL" || ev.method === "NOTIFY"))
      event.stamp = ts.text;
    if (this.sameRequest(event)) return;
    const first = this.firstCopy(event);
    if (first) {
      // The timers run from the first copy; later ones only count.
      first.copies = (first.copies ?? 1) + 1;
      if (Number.isFinite(event.tsMs)) {
        first.lastTsMs = event.tsMs;
        sentAt(first, event.tsMs);
      }
      return;
    }
    if (this.detachAll) detach(event);
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
      if (ts) {
        p.lastTsMs = ts.ms;
        sentAt(p, ts.ms);
      }
      break;
    }
    return true;
  }

  /**
   * A stack's statement that a request timed out, or a TCP FIN, as an event; null for any other
   * line. chan_sip's "Packet timed out after 31999ms" on the next line gives the wait.
   */
  private ending(
    text: string,
    line: string,
    le: number,
  ): Omit<TimingEvent, "tsMs" | "line" | "yearless"> | null {
    const stated = statedTimeout(line, () => {
      const end = text.indexOf("\n", le + 1);
      return end < 0 ? "" : text.slice(le + 1, end);
    });
    if (stated) return this.timeout(stated);
    const closed = closedConnection(line);
    return closed ? { kind: "close", from: closed.from, to: closed.to } : null;
  }

  /** A timeout event, with what pjsip's transaction line left out taken from its creation. */
  private timeout(stated: StatedTimeout): Omit<TimingEvent, "tsMs" | "line" | "yearless"> {
    const { tsx, ...named } = stated;
    const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = { kind: "timeout", ...named };
    if (!tsx) return ev;
    for (let k = this.events.length - 1, seen = 0; k >= 0 && seen < 64; k--, seen++) {
      const p = this.events[k] as TimingEvent;
      if (p.tsx !== tsx || p.kind !== "request") continue;
      ev.method = p.method;
      if (p.cseq !== undefined) ev.cseq = p.cseq;
      if (p.to) ev.to = p.to;
      break;
    }
    return ev;
  }

  /**
   * pjsip logs a request it sends twice: its transaction's creation, then "TX … Request msg" with
   * the destination. The second fills in the first.
   */
  private sameRequest(e: TimingEvent): boolean {
    if (e.kind !== "request" || !e.to || e.callId !== undefined) return false;
    for (let k = this.events.length - 1, seen = 0; k >= 0 && seen < 8; k--, seen++) {
      const p = this.events[k] as TimingEvent;
      if (p.tsx === undefined || p.to || p.method !== e.method || p.cseq !== e.cseq) continue;
      p.to = e.to;
      if (e.reliable) p.reliable = true;
      return true;
    }
    return false;
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
