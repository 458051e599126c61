// What the scanner tells toFinding about a line it keeps findings of (its time, the headers of the
// message it starts, how many input lines they span), read lazily from the scanner's buffer; and
// whether a stack's one-line summary of a response is followed by the response itself.
import type { Catalog } from "../../catalog/indexes.js";
import { dumpTime, isDumpLine } from "./channel-dumps.js";
import { type Surroundings, sipHeaders } from "./context.js";
import { openedMessageStart } from "./escaped.js";
import { timeOf } from "./events.js";
import type { LineContext } from "./finding.js";
import { HEADER_BYTES } from "./hosts.js";
import { jsonObjectTime } from "./json-time.js";
import { lineAt, nextLines, prevLineStart, prevLines, quoteEnd, unquoted } from "./text-lines.js";
import { isTsharkMessage, tsharkMessageLines } from "./tshark.js";

/** The lines of a SIP message in tshark's tree its headers' codes may be found on. */
const MAX_TSHARK_LINES = 200;

/** A line of the buffer: buf[ls, le) is `line`, number `lineNo` of the input. */
export interface Where {
  buf: string;
  line: string;
  ls: number;
  le: number;
  lineNo: number;
}

/**
 * The context of the line at `w`. `headerLines` bounds how far the message's headers are read;
 * `inputLines` (absent when every "\n" of the buffer ends an input line) counts the input lines a
 * run of buffer lines spans.
 */
export function lineContext(
  catalog: Catalog,
  w: Where,
  headerLines: number,
  inputLines?: (n: number) => number,
): LineContext {
  let time: { text: string; ms: number } | undefined | null = null;
  let headers: Surroundings | undefined;
  const ctx: LineContext = {
    catalog,
    lineNo: w.lineNo,
    line: w.line,
    time: () => {
      // A member of a pretty-printed JSON object has its object's time, not that of a line just above.
      if (time === null) {
        const member = jsonObjectTime(w.buf, w.line, w.ls);
        time = member === undefined ? ownTime(w, inputLines !== undefined) : (member ?? undefined);
      }
      return time;
    },
    headers: () => {
      if (!headers) {
        // A response's SDP body too: an answer's c= address can show the far end is behind NAT.
        headers = sipHeaders(w.buf, w.le, headerLines, true, true);
        // tshark's tree: the Reason header and the rest lie further down than the header run.
        if (isTsharkMessage(w.line)) headers.lines = tsharkMessageLines(w.buf, w.le, MAX_TSHARK_LINES);
        if (!headers.method && !headers.lines) {
          const method = cancelAnswered(w.buf, w.ls, w.line);
          if (method) headers.method = method;
        }
      }
      return headers;
    },
  };
  if (inputLines) ctx.inputLines = inputLines;
  ctx.below = (n) => nextLines(w.buf, w.le, n);
  ctx.above = (n) => prevLines(w.buf, w.ls, n);
  return ctx;
}

/**
 * The time of the line at `w`. A line of a message opened from a JSON string (`opened`: the buffer
 * has such lines) has the time of the message's first line, which holds the record's own: its
 * headers are many lines below it, past where a plain trace's line looks for a stamp.
 */
function ownTime(w: Where, opened: boolean): { text: string; ms: number } | undefined {
  // A FreeSWITCH channel variable has its dump's time, not a date another variable holds.
  if (isDumpLine(unquoted(w.line))) {
    const dumped = dumpTime(w.buf, w.ls);
    if (dumped) return dumped;
  }
  const start = opened ? openedMessageStart(w.buf, w.ls) : undefined;
  if (start === undefined || start === w.ls) return timeOf(w.buf, w.line, w.ls);
  const le = w.buf.indexOf("\n", start);
  return timeOf(w.buf, lineAt(w.buf, start, le < 0 ? w.buf.length : le), start);
}

/** Does the line after the one ending at buf[le] start with the status line of `code`? */
export function statusLineFollows(buf: string, le: number, code: number): boolean {
  // Past a chat quote marker, as the line itself may have one.
  let k = quoteEnd(buf, le + 1);
  // tcpdump -A: the packet's header bytes, shown as dots, come between its line and the message.
  const next = buf.indexOf("\n", k);
  if (next > k && next - k < 200 && HEADER_BYTES.test(buf.slice(k, next))) k = quoteEnd(buf, next + 1);
  while (buf.charCodeAt(k) === 32 || buf.charCodeAt(k) === 9) k++;
  const c = buf.charCodeAt(k + 11);
  return (
    buf.startsWith("SIP/2.0 ", k) &&
    (buf.charCodeAt(k + 8) - 48) * 100 + (buf.charCodeAt(k + 9) - 48) * 10 + buf.charCodeAt(k + 10) - 48 ===
      code &&
    !(c >= 48 && c <= 57)
  );
}

/**
 * Does the status line of `code` follow the line ending at buf[le], maybe under the transport line
 * Asterisk's pjsip logger writes above each message ("<--- Transmitting SIP response … --->")?
 */
export function responseFollows(buf: string, le: number, code: number): boolean {
  if (statusLineFollows(buf, le, code)) return true;
  const next = buf.indexOf("\n", le + 1);
  return (
    next > le &&
    buf.startsWith("<--- Transmitting", quoteEnd(buf, le + 1)) &&
    statusLineFollows(buf, next, code)
  );
}

/** A one-line CANCEL request ("send --> CANCEL sip:2001@10.0.0.9 SIP/2.0 [Time:…]"). */
const CANCEL_LINE = /\bCANCEL (?:sips?|tel):\S+ SIP\/2\.0\b/;
/** AudioCodes' session id, the same on every line of one call. */
const SESSION = /\[SID=([^\]\s]+)\]/;

/**
 * For a one-line response (no headers follow it) logged right after a one-line CANCEL of the same
 * session: "CANCEL", the request it answers (AudioCodes logs "send --> CANCEL …" then "recv <--
 * SIP/2.0 200 OK"); "INVITE" for a 487, the INVITE's answer once that CANCEL terminated it, whether
 * or not the CANCEL's 200 OK came first.
 */
function cancelAnswered(buf: string, ls: number, line: string): string | undefined {
  if (ls === 0 || unquoted(line).indexOf("SIP/2.0 ") <= 0) return undefined;
  const from = prevLineStart(buf, ls);
  let above = lineAt(buf, from, ls - 1);
  const terminated = line.includes("SIP/2.0 487");
  // A 487 may follow the CANCEL's 200 OK rather than the CANCEL itself.
  if (terminated && from > 0 && above.includes("SIP/2.0 200"))
    above = lineAt(buf, prevLineStart(buf, from), from - 1);
  if (!above.includes("CANCEL") || !CANCEL_LINE.test(above)) return undefined;
  const a = SESSION.exec(above)?.[1];
  const b = a === undefined ? undefined : SESSION.exec(line)?.[1];
  if (a !== undefined && b !== undefined && a !== b) return undefined;
  // A 487 never answers a CANCEL (RFC 3261 §9.2): it is the INVITE's, terminated by that CANCEL.
  return terminated ? "INVITE" : "CANCEL";
}
