// Q.850 causes that stacks print in their own notation: Cisco's hex cause fields, Telnyx's
// lower-case FreeSWITCH names, and Asterisk's dial status words. Names are read through the
// catalog's aliases (AST_CAUSE_CONGESTION, UNALLOCATED_NUMBER), never from a list of our own.
import { DIAL_STATUS as DIAL_DETECTOR } from "./dial-outcomes.js";
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
 * Asterisk's app_dial: DIALSTATUS=BUSY (AMI's DialEnd event: "DialStatus: BUSY"), CONGESTION or NOANSWER is the outcome of a Dial() whose
 * legs ended with AST_CAUSE_BUSY, AST_CAUSE_CONGESTION or AST_CAUSE_NOANSWER, and "PJSIP/trunk-1
 * is circuit-busy" is logged when a leg signals congestion (handled as AST_CAUSE_CONGESTION).
 * CHANUNAVAIL stands for many causes, so it is no code.
 */
const DIAL_STATUS = /\b(?:DIALSTATUS|DialStatus)\s*[=:]\s*["']?([A-Z]{4,12})\b/g;
const CIRCUIT_BUSY = /\bis circuit-busy\b/g;
/**
 * app_dial's other words for the same outcomes: "PJSIP/trunk-0000003e is busy" (a leg answered
 * busy), pbx.c's "Auto fallthrough, channel '…' status is 'BUSY'" (the DIALSTATUS the dialplan
 * fell through with) and "Everyone is busy/congested at this time (1:1/0/0)", whose counters are
 * the legs dialled and how many were busy, congested or unavailable.
 */
const LEG_BUSY = /(?<![\w/-])[A-Z][A-Za-z0-9]{0,15}\/[^\s'"]{1,160} is busy[ \t\r]*$/g;
const FALLTHROUGH = /\bAuto fallthrough, channel '[^'\n]{1,200}' status is '([A-Z]{4,12})'/g;
const EVERYONE = /\bEveryone is busy\/congested at this time \(\d{1,5}:(\d{1,5})\/(\d{1,5})\/\d{1,5}\)/g;

/** The cause of app_dial's counters: busy or congestion when only one of them counted. A leg
 *  that could not be created (the third counter, CHANUNAVAIL) stands for many causes. */
function everyoneCause(busy: number, congested: number): string | undefined {
  if (busy > 0 && congested === 0) return "AST_CAUSE_BUSY";
  if (congested > 0 && busy === 0) return "AST_CAUSE_CONGESTION";
  return undefined;
}

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
    const dial = (name: string | undefined, m: RegExpExecArray) => {
      const named = name === undefined ? undefined : index.causeNames.get(name);
      if (named) put(emit, hit(named.namespace, named.code, null, 0.8, DIAL_DETECTOR, true), m);
    };
    // The AMI DialEnd event's "DialStatus: CONGESTION" too.
    if (segment.includes("DIALSTATUS") || segment.includes("DialStatus"))
      all(DIAL_STATUS, segment, (m) => dial(`AST_CAUSE_${m[1]}`, m));
    if (segment.includes("circuit-busy")) all(CIRCUIT_BUSY, segment, (m) => dial("AST_CAUSE_CONGESTION", m));
    if (segment.includes(" is busy")) {
      if (segment.includes("Everyone"))
        all(EVERYONE, segment, (m) => dial(everyoneCause(Number(m[1]), Number(m[2])), m));
      else all(LEG_BUSY, segment, (m) => dial("AST_CAUSE_BUSY", m));
    }
    if (segment.includes("Auto fallthrough")) all(FALLTHROUGH, segment, (m) => dial(`AST_CAUSE_${m[1]}`, m));
  }
}
