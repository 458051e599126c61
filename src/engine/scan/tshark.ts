// `tshark -V` prints each frame as a tree: the frame's arrival time and its IP and UDP/TCP layers
// come first, the SIP message ("Status-Line: SIP/2.0 480 …", "Request-Line: INVITE …") below them.
// A message read there takes its time and sender from the layers of its own frame.

/** A SIP message's first line in tshark's tree, indented under "Session Initiation Protocol". */
const FIRST_LINE = /^\s+(?:Status|Request)-Line: /;
/** "Arrival Time: Mar  5, 2024 03:15:06.124345000 UTC" (the zone is tshark's local one, or absent). */
const ARRIVAL =
  /^\s*Arrival Time: ([A-Z][a-z]{2}) {1,2}(\d{1,2}), (\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?: ([A-Z]{2,5}))?/;
/** "Epoch Arrival Time: 1709608506.124345000" (called "Epoch Time" before tshark 4.2). */
const EPOCH = /^\s*Epoch (?:Arrival )?Time: (\d{9,11})(?:\.(\d{1,9}))?/;
/** "Internet Protocol Version 4, Src: 203.0.113.10, Dst: …"; with name resolution "Src: sbc.example (203.0.113.10)". */
const IP_LAYER = /^Internet Protocol Version [46], Src: (?:\S+ \(([^)\s]+)\)|([^,\s]+)),/;
/** "User Datagram Protocol, Src Port: 5060, Dst Port: 5060" (or TCP's), the sender's port first. */
const PORT_LAYER = /^(?:User Datagram|Transmission Control) Protocol, Src Port: (\d{1,5})\b/;
const FRAME = /^Frame \d+: /;
const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
/** A frame's layers above its SIP message span some dozens of lines (TCP's tree is the longest). */
const MAX_FRAME_LINES = 150;

export interface TsharkFrame {
  time?: { text: string; ms: number };
  /** The frame's source: the side that sent the message. */
  host?: string;
}

/** Whether `line` is the first line of a SIP message in tshark's tree. */
export function isTsharkMessage(line: string): boolean {
  // Indented under its protocol: a line that starts at the margin is none (most lines).
  const c = line.charCodeAt(0);
  return (c === 32 || c === 9) && line.includes("-Line: ") && FIRST_LINE.test(line);
}

/**
 * The time and source of the frame whose SIP message starts on the line at text[ls], read from
 * the lines above it up to the frame's own first line (frames are separated by blank lines).
 */
export function tsharkFrame(text: string, ls: number): TsharkFrame {
  const out: TsharkFrame = {};
  let arrival: RegExpExecArray | null = null;
  let epochMs: number | undefined;
  let port: string | undefined;
  let ip: string | undefined;
  let end = ls - 1;
  for (let k = 0; k < MAX_FRAME_LINES && end > 0; k++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    end = start - 1;
    if (line.trim() === "") break;
    const c = line.charCodeAt(0);
    // Layer lines start at the margin; their fields are indented.
    if (c !== 32 && c !== 9) {
      if (ip === undefined && line.startsWith("Internet Protocol")) {
        const m = IP_LAYER.exec(line);
        if (m) ip = m[1] ?? m[2];
      } else if (port === undefined && line.includes("Src Port: ")) port = PORT_LAYER.exec(line)?.[1];
      if (FRAME.test(line)) break;
    } else if (line.includes("Time: ")) {
      arrival ??= ARRIVAL.exec(line);
      const e = epochMs === undefined ? EPOCH.exec(line) : null;
      if (e) epochMs = Number(e[1]) * 1000 + fraction(e[2]);
    }
  }
  const time = arrivalTime(arrival, epochMs);
  if (time) out.time = time;
  if (ip) out.host = address(ip, port);
  return out;
}

function fraction(digits: string | undefined): number {
  return digits ? Math.round(Number(`0.${digits}`) * 1000) : 0;
}

/** "203.0.113.10:5060", "[2001:db8::1]:5060". */
function address(ip: string, port: string | undefined): string {
  if (!port) return ip;
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * The arrival time written as a date and time of day with microseconds ("2024-03-05
 * 03:15:06.124345"), and the zone when it is not UTC. The epoch time, when tshark printed it, is
 * the exact instant; else the written time is read as UTC (intervals within the capture hold).
 */
function arrivalTime(
  a: RegExpExecArray | null,
  epochMs: number | undefined,
): { text: string; ms: number } | undefined {
  if (!a) return epochMs === undefined ? undefined : { text: new Date(epochMs).toISOString(), ms: epochMs };
  const month = MONTHS.indexOf(a[1] ?? "");
  if (month % 3 !== 0) return undefined;
  const [, , day, year, h, m, s, frac, zone] = a;
  const micro = frac ? `.${frac.slice(0, 6).padEnd(6, "0")}` : "";
  const utc = !zone || zone === "UTC" || zone === "GMT";
  const text = `${year}-${`${month / 3 + 1}`.padStart(2, "0")}-${(day ?? "").padStart(2, "0")} ${h}:${m}:${s}${micro}${utc ? "" : ` ${zone}`}`;
  const written =
    Date.UTC(Number(year), month / 3, Number(day), Number(h), Number(m), Number(s)) + fraction(frac);
  if (Number.isNaN(written)) return undefined;
  return { text, ms: epochMs ?? written };
}

/**
 * Where the frame that is still open at text[at] (a line start) begins: its "Frame N:" line, when
 * the lines above `at` reach one before a blank line. The scanner keeps those lines when it moves
 * on to the next block, so a message below reads its frame's layers as in one piece.
 */
export function openFrameStart(text: string, at: number): number | undefined {
  let end = at - 1;
  for (let k = 0; k < MAX_FRAME_LINES && end > 0; k++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const c = text.charCodeAt(start);
    // Layers and fields are never blank; "Frame" at the margin opens the frame.
    if (c === 70 && FRAME.test(text.slice(start, start + 16))) return start;
    if (c === 13 || c === 10 || end === start || text.slice(start, end).trim() === "") return undefined;
    end = start - 1;
  }
  return undefined;
}

/**
 * How many lines below the first line at text[le] ("\n") belong to its SIP message: the indented
 * tree up to the blank line that ends the frame. tshark breaks headers into fields ("[Resent
 * Packet: False]", "Sequence Number: 314159"), so the message does not end at the first line that
 * is no header.
 */
export function tsharkMessageLines(text: string, le: number, max: number): number {
  let n = 0;
  for (let start = le + 1; n < max; n++) {
    const e = text.indexOf("\n", start);
    if (e < 0) break;
    const c = text.charCodeAt(start);
    // A line at the margin is no part of the SIP tree; a blank one ends the frame.
    if ((c !== 32 && c !== 9) || text.slice(start, e).trim() === "") break;
    start = e + 1;
  }
  return n;
}
