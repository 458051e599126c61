// FreeSWITCH's dump of one channel's variables (the `info` application's "CHANNEL_DATA:" block,
// `uuid_dump`) states one call's outcome several times: sip_term_status, sip_invite_failure_status
// and last_bridge_proto_specific_hangup_cause all hold the 503 that refused the bridge, and
// sip_term_cause, originate_disposition, DIALSTATUS and bridge_hangup_cause its cause 41. Each code
// counts once per dump, at the time of the dump's header line. The variables are still read: in
// the calling leg's dump they may be the only record of the failure. The two legs of one bridge
// dumped one after the other (the A-leg's bridge_uuid, signal_bond, last_bridge_to or
// Other-Leg-Unique-ID naming the B-leg's Unique-ID, or the B-leg's naming the A-leg's) are one call:
// a code both legs ended with counts once, and its finding says both legs ended with it. The link
// counts wherever either dump holds it: given the lines below, the second dump is read to its end.
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

/** The lines that name the dump's own channel. */
const SELF = ["Unique-ID: ", "variable_uuid: "];
/**
 * The lines that name the other leg of its bridge: FreeSWITCH's bridge_uuid, signal_bond and
 * last_bridge_to (on a bridged leg), originating_leg_uuid (on a B-leg), and the event's
 * Other-Leg-Unique-ID.
 */
const LINKS = [
  "Other-Leg-Unique-ID: ",
  "variable_bridge_uuid: ",
  "variable_signal_bond: ",
  "variable_last_bridge_to: ",
  "variable_originating_leg_uuid: ",
];

/** The value after the first of `fields` that starts `line`, without info's brackets. */
function fieldValue(line: string, fields: readonly string[]): string | undefined {
  for (const f of fields) {
    if (!line.startsWith(f)) continue;
    const v = line
      .slice(f.length)
      .trim()
      .replace(/^\[(.*)\]$/, "$1");
    return v === "" ? undefined : v;
  }
  return undefined;
}

/** The channels one dump names: its own, and the other leg of its bridge. */
interface Legs {
  self: Set<string>;
  links: Set<string>;
}

/** Whether two dumps are the two legs of one bridge: either names the other's channel. */
function bridged(a: Legs, b: Legs): boolean {
  for (const id of a.links) if (b.self.has(id)) return true;
  for (const id of b.links) if (a.self.has(id)) return true;
  return false;
}

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

/** A dump read before the one being read: its codes and channels. */
interface Dumped {
  given: Map<string, Given>;
  legs: Legs;
}

/** What "both legs" says on a finding both legs of one bridge ended with. */
export const BOTH_LEGS = "both legs of the bridge";

/** The dump being read: the codes it gave and the ids it named. */
export class ChannelDumps {
  private lineNo = -1;
  private given = new Map<string, Given>();
  private readonly ids = new Map<string, string>();
  private legs: Legs = { self: new Set(), links: new Set() };
  /** The last dump that gave a code, while the next may be the other leg of its bridge. */
  private previous: Dumped | undefined;
  /** Whether the rest of this dump, below the line being read, was read for its channels. */
  private aheadRead = false;

  /**
   * Whether the hit `h` on the dump line numbered lineNo restates a code its dump already
   * gave. `above(n)` gives the n lines above, nearest first, which tell whether the dump goes on;
   * `below(n)`, when given, the n lines below, where the rest of the dump may name the other leg.
   */
  repeats(h: Hit, lineNo: number, above: (n: number) => string[], below?: (n: number) => string[]): boolean {
    if (lineNo !== this.lineNo) this.follow(lineNo, above);
    this.lineNo = lineNo;
    const key = `${h.namespace}:${h.code}:${h.subcode ?? ""}`;
    const first = this.given.get(key);
    if (!first) {
      // The other leg of the bridge the dump before ended with the same code: one call, once.
      const prev = this.previous;
      const shared = prev?.given.get(key);
      if (prev && shared && below && !this.aheadRead && !bridged(prev.legs, this.legs)) this.ahead(below);
      const leg = prev && shared && bridged(prev.legs, this.legs) ? shared : undefined;
      this.given.set(key, leg ?? { lineNo });
      if (!leg) return false;
      if (leg.finding) leg.finding.legs = BOTH_LEGS;
      return true;
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
      if (named) {
        const was = this.ids.get(named[0]);
        if (was !== undefined && was !== named[1]) this.restart();
        this.ids.set(named[0], named[1]);
      }
      this.leg(l);
    }
  }

  /** The ids a dump named above its first code, up to its header or the line before it. */
  private opening(above: (n: number) => string[]): void {
    let lines = above(OPENING_LINES).map(dumpField);
    if (lines.length === OPENING_LINES && lines.every(inDump)) lines = above(DUMP_LINES).map(dumpField);
    for (const l of lines) {
      if (isHeader(l) || !inDump(l)) return;
      const named = idOf(l);
      // The same id further up with another value is the dump before this one.
      if (named && this.ids.has(named[0]) && this.ids.get(named[0]) !== named[1]) return;
      this.leg(l);
      if (named) this.ids.set(named[0], named[1]);
    }
  }

  /**
   * The channels the rest of the dump names, below its first code that the dump before also gave:
   * FreeSWITCH writes a hung-up B-leg's Hangup-Cause among the event's first fields and its
   * Other-Leg-Unique-ID after the caller profile, and a link variable may come after every code.
   * Read once per dump, up to its end (a header, another id or another kind of line), so the next
   * call's dump lends it nothing.
   */
  private ahead(below: (n: number) => string[]): void {
    this.aheadRead = true;
    const seen = new Map(this.ids);
    for (const raw of below(DUMP_LINES)) {
      const l = dumpField(raw);
      if (isHeader(l) || !inDump(l)) return;
      const named = idOf(l);
      if (named) {
        const was = seen.get(named[0]);
        if (was !== undefined && was !== named[1]) return;
        seen.set(named[0], named[1]);
      }
      this.leg(l);
    }
  }

  /** Notes the channel `line` names, the dump's own or its bridge's other leg. */
  private leg(line: string): void {
    // Cheap first: most dump lines are variables naming neither.
    if (!line.includes("-I") && !line.includes("uuid") && !line.includes("bridge") && !line.includes("bond"))
      return;
    const self = fieldValue(line, SELF);
    if (self) this.legs.self.add(self);
    const other = self ? undefined : fieldValue(line, LINKS);
    if (other) this.legs.links.add(other);
  }

  private restart(): void {
    // A dump that gave codes stays, for the other leg of its bridge dumped next.
    if (this.given.size > 0) this.previous = { given: this.given, legs: this.legs };
    else if (this.legs.self.size === 0 && this.legs.links.size === 0 && this.ids.size === 0) return;
    this.given = new Map();
    this.aheadRead = false;
    this.ids.clear();
    this.legs = { self: new Set(), links: new Set() };
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
