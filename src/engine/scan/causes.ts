// Q.850 causes that stacks print in their own notation: Cisco's hex cause fields, Telnyx's
// lower-case FreeSWITCH names, and Asterisk's dial status words. Names are read through the
// catalog's aliases (AST_CAUSE_CONGESTION, UNALLOCATED_NUMBER), never from a list of our own.
import { D } from "./gate-bits.js";
import { all, type Emit, hit, put } from "./hit.js";
import * as P from "./patterns.js";
import type { ScanIndex } from "./scan-index.js";

/** Cisco IOS call history and accounting: "DisconnectCause=2F" is always hex. */
const hex = (m: RegExpExecArray) => Number.parseInt(m[1] ?? "", 16);

/**
 * The cause value of a Q.931 cause information element written as hex octets ("8291"): skip the
 * coding/location octet, and the recommendation octet when the first one's extension bit is clear.
 */
export function q931Cause(octets: string): number {
  const first = Number.parseInt(octets.slice(0, 2), 16);
  const at = first & 0x80 ? 2 : 4;
  if (octets.length < at + 2) return 0;
  return Number.parseInt(octets.slice(at, at + 2), 16) & 0x7f;
}

/**
 * Asterisk's app_dial: DIALSTATUS=BUSY, CONGESTION or NOANSWER is the outcome of a Dial() whose
 * legs ended with AST_CAUSE_BUSY, AST_CAUSE_CONGESTION or AST_CAUSE_NOANSWER, and "PJSIP/trunk-1
 * is circuit-busy" is logged when a leg signals congestion (handled as AST_CAUSE_CONGESTION).
 * CHANUNAVAIL stands for many causes, so it is no code.
 */
const DIAL_STATUS = /\bDIALSTATUS\s*[=:]\s*["']?([A-Z]{4,12})\b/g;
const CIRCUIT_BUSY = /\bis circuit-busy\b/g;

/** The cause detectors gated by a "cause" word (D.CAUSE_NUM) or a named anchor (D.CAUSE_NAME). */
export function detectCauses(segment: string, index: ScanIndex, emit: Emit, gates: number): void {
  if (gates & D.CAUSE_NUM) {
    if (segment.includes("DisconnectCause") || segment.includes("h323-disconnect-cause"))
      all(P.CISCO_DISCONNECT, segment, (m) => {
        const code = hex(m);
        if (code > 0 && code <= 127) put(emit, hit("q850", code, null, 0.85, "cause-number", true), m);
      });
    if (segment.includes(" rx:"))
      all(P.CISCO_BRIEF_CAUSE, segment, (m) => {
        const code = hex(m);
        if (code > 0 && code <= 127) put(emit, hit("q850", code, null, 0.85, "cause-number", true), m);
      });
    if (segment.includes("Cause i = 0x"))
      all(P.Q931_CAUSE, segment, (m) => {
        const code = q931Cause(m[1] ?? "");
        if (code > 0) put(emit, hit("q850", code, null, 0.85, "cause-number", true), m);
      });
    if (segment.includes("angup"))
      all(P.LOWER_CAUSE_NAME, segment, (m) => {
        const named = index.causeNames.get((m[1] ?? "").toUpperCase());
        if (named) put(emit, hit(named.namespace, named.code, null, 0.85, "cause-name", true), m);
      });
  }
  if (gates & D.CAUSE_NAME) {
    if (segment.includes("DIALSTATUS"))
      all(DIAL_STATUS, segment, (m) => {
        const named = index.causeNames.get(`AST_CAUSE_${m[1]}`);
        if (named) put(emit, hit(named.namespace, named.code, null, 0.8, "dial-status", true), m);
      });
    if (segment.includes("circuit-busy"))
      all(CIRCUIT_BUSY, segment, (m) => {
        const named = index.causeNames.get("AST_CAUSE_CONGESTION");
        if (named) put(emit, hit(named.namespace, named.code, null, 0.8, "dial-status", true), m);
      });
  }
}
