// One SIP reply that a proxy or a stack logs on several lines, counted once: Kamailio tm's debug
// lines for one reply ("T_code=0, new_code=408", "t_pick_branch(): picked branch 0, code 408",
// "_reply_light(): reply sent out … code 408", acc's "reply code 500" and its record), an xlog
// onreply line and the failure_route's "$T_reply_code=486" after it, pjsua's "SIP registration
// failed, status=401" under the 401 it received, sipgo's "dialog response - 404", and LiveKit
// SIP's error wrapped again by each layer it passes ("SIP invite failed", then "SIP call failed",
// each with "sip status: 486: Busy Here").
import type { Hit } from "./hit.js";
import { lineCallId } from "./line-keys.js";

/**
 * Words of a line that restates a reply logged just before it rather than logging a new one.
 * Each starts with a literal the cheap test below looks for.
 */
const RESTATING =
  /new_code=|picked branch \d+, code|reply sent out|reply code \d|T_reply_code|ACC: |registration failed, status=|dialog response - |sip status: \d/;
/**
 * Where each restating line stands in the logging of one reply: tm decides on it (new_code=),
 * picks the branch, runs the failure route, sends it out, then acc and the stacks sum it up. A
 * reply's lines only move forward, so a line at the same stage or an earlier one than the chain it
 * would join starts another reply: each of ten transactions timing out in tm's timer process in
 * one second logs its own "new_code=408", and pjsua logs "registration failed" once per account.
 */
const STAGES: Array<[string, number]> = [
  ["new_code=", 1],
  ["picked branch", 2],
  ["T_reply_code", 3],
  ["reply code", 3],
  ["reply sent out", 4],
  ["ACC: ", 5],
  ["registration failed", 5],
  ["dialog response", 5],
  ["sip status: ", 5],
];
/** LiveKit's error text: every layer logs it again, at one stage, so its lines are told apart by
 *  their call (callID) alone. */
const WRAPPED = "sip status: ";
/** The literals of RESTATING, tested before it. */
const LITERALS = ["code", "reply sent", "ACC: ", "registration failed", "dialog response", WRAPPED];
/** The logging process: syslog's "kamailio[5131]:", Kamailio's own "85(3884) ". */
const PROCESS = /^[^\]]{0,100}?\[(\d{1,8})\]:|^\s*\d{1,6}\((\d{1,8})\)\s/;
/** The line's time to the second ("03:01:42" of "Mar  5 03:01:42" or "02:14:07.260"). */
const SECOND = /\b(\d{1,2}:\d{2}:\d{2})\b/;
/** A restatement follows what it restates within these lines (a pjsip message runs ~12). */
const NEAR_LINES = 16;
/** How many replies are remembered (a proxy interleaves calls' lines). */
const KEPT = 8;

interface Mention {
  code: number;
  lineNo: number;
  process: string | undefined;
  second: string | undefined;
  callId: string | undefined;
  /** How far the reply's logging has got (STAGES); 0 for the line that gave the reply. */
  stage: number;
  /** The line restates LiveKit's wrapped error ("sip status: 486"). */
  wrapped: boolean;
}

function restating(line: string): boolean {
  return LITERALS.some((l) => line.includes(l)) && RESTATING.test(line);
}

function stageOf(line: string): number {
  for (const [literal, stage] of STAGES) if (line.includes(literal)) return stage;
  return 0;
}

function read(h: Hit, line: string, lineNo: number, again: boolean): Mention {
  const head = line.slice(0, 160);
  const p = PROCESS.exec(head);
  return {
    code: h.code,
    lineNo,
    process: p ? (p[1] ?? p[2]) : undefined,
    second: SECOND.exec(head.slice(0, 60))?.[1],
    callId: lineCallId(line),
    stage: again ? stageOf(line) : 0,
    wrapped: again && line.includes(WRAPPED),
  };
}

/** Whether the line of `d` restates the reply `p` gave: same code, process, second and call, at a
 *  later stage of its logging. */
function restates(p: Mention, d: Mention): boolean {
  if (p.code !== d.code || d.lineNo === p.lineNo || d.lineNo - p.lineNo > NEAR_LINES) return false;
  // The same wrapped error again is the same reply only when both lines name the same call.
  const sameCall = d.wrapped && p.wrapped && p.callId !== undefined && p.callId === d.callId;
  if (d.stage <= p.stage && !sameCall) return false;
  if (p.process !== undefined && d.process !== undefined && p.process !== d.process) return false;
  if (p.second !== undefined && d.second !== undefined && p.second !== d.second) return false;
  return p.callId === undefined || d.callId === undefined || p.callId === d.callId;
}

/** The last failure replies seen, to tell a restated reply from a new one. */
export class RestatedReplies {
  private readonly seen: Mention[] = [];
  /** The line and code last found to restate a reply: its other hits (tm's "(SIP/2.0 408 …),
   *  len=412, code 408") restate it too. */
  private restatedLine = -1;
  private restatedCode = 0;

  /** Whether the SIP failure `h` on `line` (number lineNo) restates a reply offered just before. */
  repeats(h: Hit, line: string, lineNo: number): boolean {
    if (lineNo === this.restatedLine && h.code === this.restatedCode) return true;
    const again = restating(line);
    const d = read(h, line, lineNo, again);
    if (again) {
      for (let i = this.seen.length - 1; i >= 0; i--) {
        const p = this.seen[i] as Mention;
        if (!restates(p, d)) continue;
        // The next restatement is compared with this line: tm's lines follow one another.
        p.lineNo = lineNo;
        p.stage = d.stage;
        this.restatedLine = lineNo;
        this.restatedCode = h.code;
        return true;
      }
    }
    this.seen.push(d);
    if (this.seen.length > KEPT) this.seen.shift();
    return false;
  }
}
