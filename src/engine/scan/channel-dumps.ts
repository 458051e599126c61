// FreeSWITCH's dump of one channel's variables (the `info` application's "CHANNEL_DATA:" block,
// `uuid_dump`) states one call's outcome several times: sip_term_status, sip_invite_failure_status
// and last_bridge_proto_specific_hangup_cause all hold the 503 that refused the bridge, and
// sip_term_cause, originate_disposition, DIALSTATUS and bridge_hangup_cause its cause 41. Each code
// counts once per dump, at the time of the dump's header line. The variables are still read: in
// the calling leg's dump they may be the only record of the failure.
import type { Finding } from "./finding.js";
import type { Hit } from "./hit.js";
import { lineAt, prevLineStart, quoteEnd } from "./text-lines.js";
import { parseTimestamp } from "./timestamps.js";

/** How far apart two lines of one dump may be (a dump runs to a few hundred variables). */
const DUMP_LINES = 600;
/** The lines above a dump's first code read first: its header is usually among them. */
const OPENING_LINES = 40;

/** A member of `uuid_dump UUID json` (cJSON's pretty print): `\t"variable_sip_term_status":\t"503",`. */
const JSON_MEMBER = /^\s*"([A-Za-z][\w-]*)":\s*"([^"]*)",?\s*$/;

/**
 * `line` as the plain dump writes it ("Name: value"): a JSON member is turned into that form, so
 * both forms of uuid_dump read alike. Other lines come back as they are.
 */
export function dumpField(line: string): string {
  if (line.charCodeAt(0) !== 34 && line.charCodeAt(0) !== 9 && line.charCodeAt(0) !== 32) return line;
  const m = JSON_MEMBER.exec(line);
  return m ? `${m[1]}: ${m[2]}` : line;
}

/** A line of a dump that may carry a code: a channel variable, or the hang-up event's cause field. */
export function isDumpLine(raw: string): boolean {
  const line = dumpField(raw);
  return line.startsWith("variable_") || line.startsWith("Hangup-Cause: ");
}

/** A field of the event headers ("Channel-State: [CS_EXECUTE]"), or a line of a multi-line value's SDP. */
const FIELD = /^(?:[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*: |[a-z]=|\]|\s*$)/;
/** The lines that name the dump's channel or call: another value starts another dump. */
const IDS = ["Unique-ID: ", "variable_sip_call_id: "];

/** The id `line` names, as [field, value]. */
function idOf(line: string): [string, string] | undefined {
  for (const id of IDS) if (line.startsWith(id)) return [id, line.slice(id.length).trim()];
  return undefined;
}

/** Is `line` a header that starts a dump ("… CHANNEL_DATA:", "Event-Name: CHANNEL_DATA")? */
function isHeader(line: string): boolean {
  return line.includes("CHANNEL_DATA") || line.startsWith("Event-Name: ");
}

/** Is `line` one a dump holds between its header and its last variable? */
function inDump(line: string): boolean {
  return isDumpLine(line) || FIELD.test(line);
}

/** The codes one dump gave, by key, with their lines and (once built) findings. */
interface Given {
  lineNo: number;
  finding?: Finding;
}

/** The dump being read: the codes it gave and the ids it named. */
export class ChannelDumps {
  private lineNo = -1;
  private readonly given = new Map<string, Given>();
  private readonly ids = new Map<string, string>();

  /**
   * Whether the hit `h` on the dump line numbered lineNo restates a code its dump already
   * gave. `above(n)` gives the n lines above, nearest first, which tell whether the dump goes on.
   */
  repeats(h: Hit, lineNo: number, above: (n: number) => string[]): boolean {
    if (lineNo !== this.lineNo) this.follow(lineNo, above);
    this.lineNo = lineNo;
    const key = `${h.namespace}:${h.code}:${h.subcode ?? ""}`;
    const first = this.given.get(key);
    if (!first) {
      this.given.set(key, { lineNo });
      return false;
    }
    if (first.lineNo === lineNo) return false;
    // sip_invite_failure_status says which request the 503 answered: the first line said less.
    if (h.method && first.finding && !first.finding.method) first.finding.method = h.method;
    return true;
  }

  /** Notes the finding built for a hit, so a later variable can add what it knows. */
  see(h: Hit, f: Finding): void {
    if (this.given.size === 0) return;
    const g = this.given.get(`${h.namespace}:${h.code}:${h.subcode ?? ""}`);
    if (g && g.lineNo === f.line && !g.finding) g.finding = f;
  }

  /** Reads the lines since the dump's last code: a header, another id or another kind of line ends it. */
  private follow(lineNo: number, above: (n: number) => string[]): void {
    const gap = lineNo - this.lineNo - 1;
    if (this.lineNo < 0 || gap > DUMP_LINES) {
      this.restart();
      this.opening(above);
      return;
    }
    const lines = gap > 0 ? above(gap) : [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const l = dumpField(lines[i] as string);
      if (isHeader(l) || !inDump(l)) {
        this.restart();
        continue;
      }
      const named = idOf(l);
      if (!named) continue;
      const was = this.ids.get(named[0]);
      if (was !== undefined && was !== named[1]) this.restart();
      this.ids.set(named[0], named[1]);
    }
  }

  /** The ids a dump named above its first code, up to its header or the line before it. */
  private opening(above: (n: number) => string[]): void {
    let lines = above(OPENING_LINES).map(dumpField);
    if (lines.length === OPENING_LINES && lines.every(inDump)) lines = above(DUMP_LINES).map(dumpField);
    for (const l of lines) {
      if (isHeader(l) || !inDump(l)) return;
      const named = idOf(l);
      if (!named) continue;
      // The same id further up with another value is the dump before this one.
      if (this.ids.has(named[0]) && this.ids.get(named[0]) !== named[1]) return;
      this.ids.set(named[0], named[1]);
    }
  }

  private restart(): void {
    this.given.clear();
    this.ids.clear();
  }
}

const DATE_LOCAL = "Event-Date-Local: ";

/**
 * The time of the dump the line at text[ls] belongs to: its "CHANNEL_DATA:" header's stamp, or
 * uuid_dump's Event-Date-Local; undefined when the lines above end the dump before either. A
 * variable's own date (variable_start_stamp) is not the dump's time.
 */
export function dumpTime(text: string, ls: number): { text: string; ms: number } | undefined {
  for (let k = 0, s = ls; k < DUMP_LINES && s > 0; k++) {
    const p = prevLineStart(text, s);
    const line = dumpField(lineAt(text, quoteEnd(text, p), s - 1));
    s = p;
    if (line.startsWith(DATE_LOCAL)) return parseTimestamp(urlDecoded(line.slice(DATE_LOCAL.length)));
    if (line.includes("CHANNEL_DATA")) return parseTimestamp(line);
    if (!inDump(line)) return undefined;
  }
  return undefined;
}

/**
 * A value as an ESL event writes it: uuid_dump's plain form URL-encodes every value
 * ("2024-03-05%2003%3A40%3A01"). A value that is no valid encoding is kept as it is.
 */
function urlDecoded(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
