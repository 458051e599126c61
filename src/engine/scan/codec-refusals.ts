// FreeSWITCH finding nothing it accepts in an SDP logs "CODEC NEGOTIATION ERROR.  SDP: …" (the SDP
// follows, line by line), then ends the channel with INCOMPATIBLE_DESTINATION. On a call it
// received, that is the caller's offer and the channel ends before routing: "Hangup
// sofia/external/+1415…@198.51.100.20 [CS_NEW] [INCOMPATIBLE_DESTINATION]". On a leg it placed, it
// is the far end's answer and the leg ends while it rings: "Hangup sofia/gateway/carrier_a/+1415…
// [CS_CONSUME_MEDIA] [INCOMPATIBLE_DESTINATION]", summed up by "Originate Resulted in Error Cause:
// 88". All of these are one refusal. The hang-up names the channel (profile and caller, or the
// gateway), so when it comes it takes the place of the codec line's finding, which keeps the codec
// reason and the codec line's number and time; a codec line alone stays a finding of its own.
import type { Finding } from "./finding.js";
import type { Hit } from "./hit.js";
import { CODEC_REFUSAL_REASON, PBX_REPLY } from "./pbx-refusals.js";

const INCOMPATIBLE_DESTINATION = 88;
/** How far below the codec line the hang-up comes: the SDP is logged between them. */
const SDP_LINES = 80;
/** How many codec lines wait for their hang-up at once (calls interleave on a busy system). */
const HELD = 4;
/** The session UUID FreeSWITCH 1.10 starts a session's lines with. */
const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s/;
const HANGUP = /\bHangup \S+ \[(CS_[A-Z_]+)\] \[INCOMPATIBLE_DESTINATION\]/;
/** How far above the codec line its session's "New Channel" line is looked for. */
const NEW_CHANNEL_LINES = 80;
/** switch_channel's "New Channel sofia/external/+1415…@203.0.113.5 [uuid]" or "sofia/gateway/NAME/…". */
const NEW_CHANNEL = /\bNew Channel sofia\/(?:gateway\/([\w.-]+)\/|([\w.-]+)\/[^\s@]*@([^\s:;\]]+))/;

/** The codec line's hit: FreeSWITCH's own INCOMPATIBLE_DESTINATION. */
export function isCodecRefusal(h: Hit): boolean {
  return h.detector === PBX_REPLY && h.reason === CODEC_REFUSAL_REASON;
}

/** The UUID `line` starts with, if any; a cheap character test first. */
function uuidOf(line: string): string | undefined {
  return line.charCodeAt(8) === 45 ? UUID.exec(line)?.[1] : undefined;
}

/**
 * Whether `line` is the hang-up of the channel a codec line refused: one received and ended in
 * CS_NEW, or a leg this FreeSWITCH placed, ended in any other state. A channel ending while it runs
 * the dialplan (CS_EXECUTE) is the caller whose bridge failed, which the originate's summary
 * speaks for (originate-outcomes.ts), not the leg that got the answer.
 */
function isRefusedHangup(h: Hit, line: string): boolean {
  if (h.namespace !== "q850" || h.code !== INCOMPATIBLE_DESTINATION || !line.includes("Hangup "))
    return false;
  const state = HANGUP.exec(line)?.[1];
  return state !== undefined && state !== "CS_EXECUTE";
}

/** switch_ivr_originate's or mod_dptools' summary of the failed bridge, with that cause. */
function isSummary(h: Hit, line: string): boolean {
  return (
    h.namespace === "q850" &&
    h.code === INCOMPATIBLE_DESTINATION &&
    (line.includes("Originate Resulted in Error") || line.includes("Originate Failed"))
  );
}

interface Held {
  f: Finding;
  lineNo: number;
  uuid: string | undefined;
}

/** The channel of session `uuid` as its "New Channel" line among `above` names it, without the number. */
function channelOf(uuid: string, above: readonly string[]): string | undefined {
  for (const l of above) {
    if (!l.startsWith(uuid) || !l.includes("New Channel")) continue;
    const m = NEW_CHANNEL.exec(l);
    if (m?.[1]) return `gateway/${m[1]}`;
    if (m?.[2] && m[3] && m[2] !== "gateway") return `${m[2]}@${m[3]}`;
    return undefined;
  }
  return undefined;
}

export class CodecRefusals {
  private held: Held[] = [];
  /** The UUID of the codec line being offered, for its finding, and its session's channel. */
  private next: string | undefined;
  private channel: string | undefined;

  /**
   * Notes the codec line `line` as its hit is offered: its finding comes next, in see(). With a
   * session UUID, the session's "New Channel" line above (`above`) says which call it was.
   */
  offered(line: string, above?: (n: number) => string[]): void {
    this.next = uuidOf(line);
    this.channel = this.next && above ? channelOf(this.next, above(NEW_CHANNEL_LINES)) : undefined;
  }

  /** The codec line's finding, as the store keeps it. */
  see(f: Finding, lineNo: number): void {
    if (this.channel) f.channel = this.channel;
    this.held.push({ f, lineNo, uuid: this.next });
    this.next = undefined;
    this.channel = undefined;
    if (this.held.length > HELD) this.held.shift();
  }

  /** Whether a codec line waits for its hang-up; the common case, none, costs one test. */
  get waiting(): boolean {
    return this.held.length > 0;
  }

  /**
   * Whether the hit `h` on `line` is the hang-up restating a codec line kept above: the kept
   * finding then names the hang-up's channel, built by `build`, in its place in the store's line
   * order and still on the codec line.
   * When the lines carry UUIDs, the hang-up must carry the codec line's; without them, it is the
   * nearest codec line's, with no other hit between them.
   */
  restates(h: Hit, line: string, lineNo: number, build: () => Finding): boolean {
    this.held = this.held.filter((k) => lineNo > k.lineNo && lineNo - k.lineNo <= SDP_LINES);
    if (this.held.length === 0) return false;
    const uuid = uuidOf(line);
    const i = this.match(uuid);
    if (i < 0 || !isRefusedHangup(h, line)) {
      // Another session's line leaves a codec line with a UUID waiting; any other line ends the
      // wait of those without one.
      this.held = this.held.filter((k) => k.uuid !== undefined && k.uuid !== uuid);
      return false;
    }
    const [k] = this.held.splice(i, 1);
    if (!k) return false;
    const { timestamp, tsMs } = k.f;
    const kept = k.f as unknown as Record<string, unknown>;
    for (const key of Object.keys(kept)) delete kept[key];
    Object.assign(k.f, build(), { reason: CODEC_REFUSAL_REASON });
    // The refusal is cited where it was logged, with that line's time: the SDP to read is below
    // the codec line, and another call's hang-up logged between the two lines must not come before
    // it in time order. A line number and a time always belong to the same line.
    k.f.line = k.lineNo;
    if (tsMs !== undefined) Object.assign(k.f, { timestamp, tsMs });
    else {
      delete k.f.timestamp;
      delete k.f.tsMs;
    }
    return true;
  }

  /**
   * Whether the hit `h` on `line` is the originate's summary right after a codec line with no
   * leg's hang-up logged between them: the bridge failed on that codec line, counted once. The
   * summary is logged by the caller's session, so a UUID does not tie it to the leg's.
   */
  summarises(h: Hit, line: string, lineNo: number): boolean {
    const last = this.held[this.held.length - 1];
    if (!last || lineNo - last.lineNo > SDP_LINES || !isSummary(h, line)) return false;
    this.held.pop();
    return true;
  }

  /** The kept codec line a hang-up with `uuid` (or none) may restate, or -1. */
  private match(uuid: string | undefined): number {
    for (let i = this.held.length - 1; i >= 0; i--) {
      const k = this.held[i] as Held;
      if (k.uuid === undefined || uuid === undefined || k.uuid === uuid) return i;
    }
    return -1;
  }
}
