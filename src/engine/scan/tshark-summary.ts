// tshark's one-line summary of each frame (`tshark -r call.pcap -Y sip`): No., Time, Source →
// Destination, Protocol, Length, Info. The number after the protocol is the frame's length in
// bytes, never a code; the Info column's "Status: 488 Not Acceptable Here" is the SIP message.
import type { CsvRow } from "./csv.js";
import type { Finding } from "./finding.js";
import { type Hit, hit } from "./hit.js";
import { parseTimestamp } from "./timestamps.js";

/**
 * "  7 0.480000000 203.0.113.50 → 198.51.100.10 SIP 486 Status: 488 …": the time as tshark's -t
 * option writes it (seconds since the capture started by default, a date and time, a time of day,
 * or epoch seconds), the source, "→" ("->" in older versions and without UTF-8; Wireshark's text
 * export has no arrow), the destination, a SIP protocol ("SIP/SDP"), the length and the Info.
 */
const ROW =
  /^\s*\d+\s+(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?|\d\d:\d\d:\d\d(?:\.\d+)?|\d+(?:\.\d+)?)\s+(\S+)\s+(?:(?:→|->)\s+)?(\S+)\s+SIP(?:\/[\w.-]+)*\s+(?:\d+\s+)?(\S.*)$/;
/** A response in the Info column; Wireshark adds the CSeq method of a final response: "(INVITE)". */
const STATUS = /\bStatus: ([1-6]\d\d)\b([^|]*)/g;
const TRAILING_METHOD = /\s*\(([A-Z]{3,9})\)\s*$/;
/** A request in the Info column: "Request: INVITE sip:…". */
const REQUEST = /\bRequest: ([A-Z]{3,9}) /g;
/** Epoch seconds (-t e), as opposed to seconds since the capture started (-t r, the default). */
const EPOCH = /^\d{9,11}\.\d+$/;
const RELATIVE = /^\d+(?:\.\d+)?$/;
/** `tshark -P -V` prints each frame's tree under its summary line: the tree is read instead. */
const FRAME_TREE = /^Frame \d+: /;
const DETECTOR = "tshark-summary";
const CONFIDENCE = 0.95;
/** This many lines in a row that are no summary row end the table. */
const MAX_MISFITS = 50;
/** Request paths remembered for the responses that follow. */
const MAX_PATHS = 256;

/**
 * Whether the summary row's `hits` (those of the line ending at text[le]) are restated by the
 * frame tree printed right below it (`tshark -P -V`): the tree's message, with its Call-ID, CSeq
 * and source port, stands for the frame. Needed for the first row, before any tree was seen.
 */
export function treeBelow(hits: Hit[], text: string, le: number): boolean {
  return (
    hits[0]?.detector === DETECTOR &&
    text.startsWith("Frame ", le + 1) &&
    FRAME_TREE.test(text.slice(le + 1, le + 24))
  );
}

export class TsharkSummary {
  /** A summary row was seen and the rows after it have not run out. */
  active = false;
  private misfits = 0;
  /** The frames' trees follow their summary lines (tshark -P -V). */
  private treeFollows = false;
  private lastRelative = Number.NEGATIVE_INFINITY;
  /** The Time column does not grow: it holds intervals between frames (-t d), no times. */
  private deltas = false;
  /** Per "requester>responder", the requests sent that way, latest last (a few). */
  private readonly sent = new Map<string, string[]>();

  /** The row's findings-to-be, or undefined for a line that is no summary row of a SIP frame. */
  take(line: string): CsvRow | undefined {
    // Most lines are no summary row: literal searches rule them out. A table starts with a row of
    // a request or a response; once in one, rows with other Info ("Continuation") are read too.
    if (!line.includes("SIP")) return this.misfit(line);
    if (!this.active && !line.includes("Status: ") && !line.includes("Request: ")) return undefined;
    const m = ROW.exec(line);
    if (!m) return this.misfit(line);
    this.active = true;
    this.misfits = 0;
    const [, time = "", source = "", destination = "", info = ""] = m;
    const infoAt = line.length - info.length;
    this.remember(source, destination, info);
    const hits: Hit[] = [];
    if (!this.treeFollows) {
      for (const s of info.matchAll(STATUS)) {
        const code = Number(s[1]);
        const rest = s[2] ?? "";
        const said = TRAILING_METHOD.exec(rest);
        const reason = (said ? rest.slice(0, said.index) : rest).trim();
        const method = said?.[1] ?? this.answered(destination, source, code);
        const h = hit("sip", code, null, CONFIDENCE, DETECTOR, true, { reason: reason || undefined, method });
        h.at = infoAt + (s.index ?? 0) + "Status: ".length;
        h.len = 3;
        hits.push(h);
      }
    }
    return { line, hits, patch: this.patch(source, this.timeOf(time)) };
  }

  private misfit(line: string): undefined {
    if (!this.active) return undefined;
    if (FRAME_TREE.test(line)) this.treeFollows = true;
    if (++this.misfits >= MAX_MISFITS) {
      this.active = false;
      this.sent.clear();
      this.lastRelative = Number.NEGATIVE_INFINITY;
      this.deltas = false;
    }
    return undefined;
  }

  /** Records the requests of a row, by the path they took. */
  private remember(source: string, destination: string, info: string): void {
    if (!info.includes("Request: ")) return;
    const key = `${source}>${destination}`;
    let list = this.sent.get(key);
    if (!list) {
      if (this.sent.size >= MAX_PATHS) this.sent.clear();
      list = [];
      this.sent.set(key, list);
    }
    for (const r of info.matchAll(REQUEST)) {
      const method = r[1] as string;
      // An ACK gets no response.
      if (method === "ACK") continue;
      list.push(method);
      if (list.length > 4) list.shift();
    }
  }

  /**
   * The request a response from `responder` to `requester` most likely answers, as the summary
   * shows no CSeq: a provisional response or a 487 answers the INVITE; any other, the latest
   * request sent that way (a CANCEL's 200 OK, a REGISTER's 401).
   */
  private answered(requester: string, responder: string, code: number): string | undefined {
    const list = this.sent.get(`${requester}>${responder}`);
    if (!list || list.length === 0) return undefined;
    if (code < 200 || code === 487) return list.includes("INVITE") ? "INVITE" : undefined;
    return list[list.length - 1];
  }

  /** The Time column as a time: seconds since the capture started are shown as "+0.480000s". */
  private timeOf(v: string): { text: string; ms: number } | undefined {
    if (EPOCH.test(v)) {
      const ms = Math.round(Number(v) * 1000);
      return { text: new Date(ms).toISOString(), ms };
    }
    if (!RELATIVE.test(v)) return parseTimestamp(v);
    const s = Number(v);
    if (s < this.lastRelative) this.deltas = true;
    this.lastRelative = s;
    if (this.deltas) return undefined;
    const [whole, frac = ""] = v.split(".");
    return { text: `+${whole}${frac ? `.${frac.slice(0, 6)}` : ""}s`, ms: Math.round(s * 1000) };
  }

  /** The Source column sent the message; the row's time is its own, never one borrowed. */
  private patch(source: string, time: { text: string; ms: number } | undefined): (f: Finding) => void {
    return (f) => {
      if (time) {
        f.timestamp = time.text;
        f.tsMs = time.ms;
      } else {
        delete f.timestamp;
        delete f.tsMs;
      }
      f.host = source;
      f.direction = "in";
    };
  }
}
