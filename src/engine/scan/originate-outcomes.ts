// FreeSWITCH logs one failed bridge several times: the leg's own end ("Hangup sofia/internal/1001@…
// [CS_CONSUME_MEDIA] [USER_BUSY]", or "Cannot create outgoing channel of type [sofia] cause:
// [GATEWAY_DOWN]" for a leg never created), switch_ivr_originate's "Originate Resulted in Error
// Cause: 17 [USER_BUSY]", mod_dptools' "Originate Failed.  Cause: USER_BUSY", and often the caller's
// own channel hanging up with that cause right after. They restate one result of one call, which is
// counted once; each leg that failed (two phones of a ring group busy) still counts.
import { CallLines } from "./call-lines.js";
import type { Hit } from "./hit.js";

/** A leg's own end, or the originate's summary of the legs. */
const LEG = 0;
const SUMMARY = 1;

interface OriginateLine {
  namespace: string;
  code: number;
  kind: number;
  lineNo: number;
  /** The stamp to the second ("2024-03-05 02:30:01"), or "" when the line has none. */
  second: string;
  /** Which summary line it is: switch_ivr_originate's or mod_dptools'. */
  text: string;
  /** The session UUID FreeSWITCH prefixes the line with, if any: the channel that logged it. */
  uuid: string | undefined;
  /** A channel hanging up while it runs the dialplan ([CS_EXECUTE]): the caller whose bridge
   *  failed, never a leg it originated (those end before they leave CS_CONSUME_MEDIA). */
  caller: boolean;
}

const STAMP = /\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/;
const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s/;
const HANGUP = /\bHangup \S+ \[CS_[A-Z_]+\] \[[A-Z_]+\]/;
/** How close the lines of one bridge are logged. */
const NEAR_LINES = 8;

/** Whether `line` is one of the FreeSWITCH lines above; cheap literal tests first. */
export function isOriginateLine(line: string): boolean {
  return (
    line.includes("Originate ") ||
    line.includes("Cannot create outgoing channel") ||
    (line.includes("Hangup ") && line.includes("[CS_") && HANGUP.test(line))
  );
}

function readLine(h: Hit, line: string, lineNo: number): OriginateLine {
  const summary = line.includes("Originate Resulted in Error")
    ? "resulted"
    : line.includes("Originate Failed")
      ? "failed"
      : "";
  return {
    namespace: h.namespace,
    code: h.code,
    kind: summary ? SUMMARY : LEG,
    lineNo,
    second: STAMP.exec(line.slice(0, 90))?.[0] ?? "",
    text: summary,
    uuid: UUID.exec(line)?.[1],
    caller: !summary && line.includes("[CS_EXECUTE]"),
  };
}

/**
 * Whether `d` restates `p`, an earlier line of the same bridge: the same code in the same second a
 * few lines on, where the originate's summary follows a leg's end, mod_dptools' summary follows
 * switch_ivr_originate's, or the caller's channel (the one that logged the summary, when the lines
 * carry UUIDs) ends after the summary. Two legs' ends are two results, and so is a leg ending after
 * a summary: the next bridge of a failover, to another gateway, failed too.
 */
function restates(p: OriginateLine, d: OriginateLine): boolean {
  if (p.code !== d.code || p.namespace !== d.namespace || p.second !== d.second) return false;
  if (d.lineNo - p.lineNo > NEAR_LINES) return false;
  if (d.kind === SUMMARY) return p.kind === LEG || (p.text === "resulted" && d.text === "failed");
  if (p.kind !== SUMMARY || !d.caller) return false;
  return p.uuid === undefined || d.uuid === undefined || p.uuid === d.uuid;
}

/** The last lines of the last few bridges, to tell a restated result from a new one. */
export class OriginateOutcomes {
  private readonly calls = new CallLines<OriginateLine>(restates);

  /** Whether the hit `h` on `line` (number lineNo) restates one offered before. */
  repeats(h: Hit, line: string, lineNo: number): boolean {
    return this.calls.repeats(readLine(h, line, lineNo));
  }
}
