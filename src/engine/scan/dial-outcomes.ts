// Asterisk logs one failed Dial() several times: app_dial's "PJSIP/trunk-0000002a is busy" for the
// leg, its "Everyone is busy/congested at this time (1:1/0/0)" summary, then pbx.c's "Auto
// fallthrough, channel '…' status is 'BUSY'" (or a DIALSTATUS the dialplan prints). They restate
// one dial result of one call, which is counted once; another call's result is counted again.
// CHANUNAVAIL (chan-unavail.ts) stands in for a cause the log did not give: a cause line of the same
// call before it ("Unable to create channel of type 'PJSIP' (cause 3 - …)") is that cause, and the
// dial status only restates it. So is a HANGUPCAUSE the dialplan prints for the call just after
// (on the next priority or the `h` extension): app_dial sets it to the failed leg's cause, and the
// CHANUNAVAIL finding already kept takes that cause. A later dial result of the same call (the
// next Dial()'s leg or summary, or another status) ends that wait: Asterisk overwrites HANGUPCAUSE
// on every Dial(), so a cause printed after a failover belongs to the trunk tried last.
import { CallLines } from "./call-lines.js";
import type { Finding } from "./finding.js";
import type { Hit } from "./hit.js";

/** The detector of these lines (causes.ts). */
export const DIAL_STATUS = "dial-status";

/** Where a line stands in a Dial()'s output: a leg's result, the summary, the call's status. */
const LEG = 0;
const SUMMARY = 1;
const STATUS = 2;

/** The call a line belongs to, as far as its words tell. */
interface DialLine {
  code: number;
  kind: number;
  lineNo: number;
  /** Asterisk's call id, `[C-00000012]`: every line of one call carries it. */
  callId: string | undefined;
  /** The logging thread, `VERBOSE[4521]`: one call's dialplan runs on one thread. */
  thread: string | undefined;
  /** The stamp to the second (`[Mar  5 03:10:12]`), or "" when the line has none. */
  second: string;
  /** The technology of the channel the line names (PJSIP, SIP, DAHDI), if any. */
  tech: string | undefined;
}

const CALL_ID = /\[(C-[0-9a-f]{8})\]/;
const THREAD = /^\[[^\]]{6,40}\][ \t]+[A-Z]+\[(\d+)\]/;
const STAMP = /^\[([^\]]{6,40}?)(?:[.,]\d{1,6})?\]/;
const CHANNEL_TECH = /(?<![\w/-])([A-Z][A-Za-z0-9]{0,15})\/[^\s'"]/;
/** Lines without a call id or a thread, read as one call only when this close. */
const NEAR_LINES = 5;

function kindOf(line: string): number {
  if (line.includes("Everyone is busy")) return SUMMARY;
  if (line.includes("Auto fallthrough") || line.includes("DIALSTATUS") || line.includes("DialStatus"))
    return STATUS;
  return LEG;
}

function readLine(h: Hit, line: string, lineNo: number): DialLine {
  const head = line.slice(0, 200);
  return {
    code: h.code,
    kind: kindOf(line),
    lineNo,
    callId: CALL_ID.exec(head)?.[1],
    thread: THREAD.exec(head)?.[1],
    second: STAMP.exec(head)?.[1] ?? "",
    tech: CHANNEL_TECH.exec(line.slice(line.indexOf(": ") + 1))?.[1],
  };
}

/**
 * Whether `d` restates the dial result `p` of the same call: the same cause, later in a Dial()'s
 * output (a leg, then the summary, then the status), another busy leg of the same Dial(), or the
 * status printed again (a DIALSTATUS, then the fall-through). A second summary is a second Dial().
 * The same call is the same call id; without one, the same thread and second; without those, the
 * same second a few lines apart, naming channels of one technology. Lines with no stamp at all
 * (AMI events, console output) only restate a line of an earlier kind.
 */
function restates(p: DialLine, d: DialLine): boolean {
  if (p.code !== d.code) return false;
  const again = d.kind === p.kind && d.kind !== SUMMARY;
  if (p.callId !== undefined && d.callId !== undefined)
    return p.callId === d.callId && (d.kind > p.kind || again);
  if (p.second !== d.second) return false;
  if (!(d.kind > p.kind || (again && d.kind === STATUS && d.second !== ""))) return false;
  if (p.thread !== undefined && d.thread !== undefined) return p.thread === d.thread;
  if (d.lineNo - p.lineNo > NEAR_LINES) return false;
  return p.tech === undefined || d.tech === undefined || p.tech === d.tech;
}

/** Whether the cause line `p` and the dial line `d` after it are of one call (see restates). */
function sameCall(p: DialLine, d: DialLine): boolean {
  if (p.callId !== undefined && d.callId !== undefined) return p.callId === d.callId;
  if (p.second !== d.second || p.second === "") return false;
  if (p.thread !== undefined && d.thread !== undefined) return p.thread === d.thread;
  return d.lineNo - p.lineNo <= NEAR_LINES;
}

/** How many calls' cause lines are remembered. */
const CAUSE_CALLS = 8;
/** How far below a CHANUNAVAIL its call's HANGUPCAUSE is still read as its cause. */
const CAUSE_AHEAD = 12;
/** How long after a CHANUNAVAIL its call's HANGUPCAUSE may come and still be that Dial()'s. */
const CAUSE_WITHIN_MS = 2000;

/** Whether `line` prints the HANGUPCAUSE variable (a NoOp/Verbose of the dialplan). */
function printsHangupCause(line: string): boolean {
  return line.includes("HANGUPCAUSE");
}

/**
 * app_dial's "Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)": the
 * cause the channel driver set when it failed the leg. Right under chan_pjsip's "Unable to create
 * PJSIP channel - endpoint '…' was not found" (a leg result of cause 3) it restates that failure.
 */
const CREATE_FAILED = "Unable to create channel of type";

/** Whether the leg result `p` of the same call, with the same cause, is a few lines above `d`. */
function legJustAbove(p: DialLine, d: DialLine): boolean {
  return (
    p.kind === LEG &&
    p.code === d.code &&
    d.lineNo > p.lineNo &&
    d.lineNo - p.lineNo <= NEAR_LINES &&
    sameCall(p, d)
  );
}

/** The last dial lines of the last few calls, to tell a restated dial result from a new one. */
export class DialOutcomes {
  private readonly calls = new CallLines<DialLine>(restates);
  /** The last failures Asterisk logged with a cause of their own, on lines naming a call or thread. */
  private readonly causes: DialLine[] = [];
  /** CHANUNAVAIL results kept as findings, waiting a few lines for their call's HANGUPCAUSE. */
  private readonly unavail: Array<{ d: DialLine; f: Finding | undefined }> = [];

  /**
   * Whether the dial result `h` on `line` (number lineNo) restates one offered before. `stands`:
   * `h` stands in for a cause the log did not give (CHANUNAVAIL), so any cause of the call before it
   * is the one it restates.
   */
  repeats(h: Hit, line: string, lineNo: number, stands = false): boolean {
    const d = readLine(h, line, lineNo);
    const caused = stands && this.causes.some((p) => p.lineNo <= lineNo && sameCall(p, d));
    const again = this.calls.repeats(d) || caused;
    this.closeWaits(d);
    if (stands && !again) {
      this.unavail.push({ d, f: undefined });
      if (this.unavail.length > CAUSE_CALLS) this.unavail.shift();
    }
    return again;
  }

  /**
   * A dial line `d` that is a result of its own (another cause, a new summary, a leg after the
   * summary) shows its call has moved on to another Dial(): the CHANUNAVAIL results of that call
   * waiting above stop waiting, so the next Dial()'s HANGUPCAUSE is never theirs.
   */
  private closeWaits(d: DialLine): void {
    for (let i = this.unavail.length - 1; i >= 0; i--) {
      const u = this.unavail[i]?.d;
      if (!u || u.lineNo >= d.lineNo || !sameCall(u, d)) continue;
      const newResult = d.code !== u.code || d.kind === SUMMARY || (d.kind === LEG && u.kind > LEG);
      if (newResult) this.unavail.splice(i, 1);
    }
  }

  /** The finding kept for a CHANUNAVAIL result just accepted by repeats(). */
  see(f: Finding): void {
    const last = this.unavail[this.unavail.length - 1];
    if (last && last.f === undefined && last.d.lineNo === f.line) last.f = f;
  }

  /**
   * A failure with a cause on an Asterisk line (its thread or call id), for CHANUNAVAIL after it.
   * True when it is the HANGUPCAUSE of a call whose CHANUNAVAIL was kept a few lines above: that
   * finding takes the cause (from `build`, the cause line's finding) and this line only restates it.
   */
  noteCause(
    h: Hit,
    line: string,
    lineNo: number,
    build?: () => Finding,
    above?: (n: number) => string[],
  ): boolean {
    // Asterisk's lines start with their stamp in brackets.
    if (line.charCodeAt(0) !== 91) return false;
    const d = readLine(h, line, lineNo);
    if (build && this.unavail.length > 0 && printsHangupCause(line) && this.giveCause(d, build, above))
      return true;
    // The HANGUPCAUSE of a Dial() whose leg or summary just gave that cause restates it.
    if (printsHangupCause(line) && this.calls.some((p) => this.gave(p, d))) return true;
    const restated = line.includes(CREATE_FAILED) && this.calls.some((p) => legJustAbove(p, d));
    if (d.callId === undefined && d.thread === undefined) return restated;
    // Kept even when restated: it is still the cause a CHANUNAVAIL summary of the call restates.
    this.causes.push(d);
    if (this.causes.length > CAUSE_CALLS) this.causes.shift();
    return restated;
  }

  /** Whether the dial line `p` gave the cause `d` prints, for the same call a few lines above. */
  private gave(p: DialLine, d: DialLine): boolean {
    return p.code === d.code && d.lineNo >= p.lineNo && d.lineNo - p.lineNo <= CAUSE_AHEAD && sameCall(p, d);
  }

  /** The kept CHANUNAVAIL of the call of `d` just above it, given the cause `d` prints. */
  private giveCause(d: DialLine, build: () => Finding, above?: (n: number) => string[]): boolean {
    const i = this.unavail.findIndex(
      (u) =>
        u.f !== undefined &&
        d.lineNo > u.d.lineNo &&
        d.lineNo - u.d.lineNo <= CAUSE_AHEAD &&
        sameCall(u.d, d),
    );
    const u = this.unavail[i];
    if (!u?.f) return false;
    this.unavail.splice(i, 1);
    // A Dial() of the call between the two lines is a failover: the cause is that Dial()'s.
    if (above && redialled(u.d, above(d.lineNo - u.d.lineNo - 1))) return false;
    const c = build();
    const f = u.f;
    // The h extension prints the cause within moments of the Dial() ending; one printed seconds
    // later is another Dial()'s (a failover that rang, whose own lines name no result).
    if (f.tsMs !== undefined && c.tsMs !== undefined && c.tsMs - f.tsMs > CAUSE_WITHIN_MS) return false;
    f.namespace = c.namespace;
    f.code = c.code;
    f.subcode = c.subcode;
    f.id = c.id;
    f.confidence = Math.max(f.confidence, c.confidence);
    f.reason = `HANGUPCAUSE=${c.code} of this call (line ${c.line}): Dial() ended CHANUNAVAIL with this cause`;
    if (f.callId === undefined && c.callId !== undefined) f.callId = c.callId;
    return true;
  }
}

/** Whether one of `between` (the lines after `u`'s) starts another Dial() of `u`'s call. */
function redialled(u: DialLine, between: readonly string[]): boolean {
  return between.some((l) => l.includes("Dial(") && (u.callId === undefined || l.includes(u.callId)));
}
