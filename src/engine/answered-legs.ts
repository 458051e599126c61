// FreeSWITCH legs that were answered, by channel: a log of FreeSWITCH has no Call-ID on its lines,
// so an answer and the hang-up that ends the same leg are tied by the channel name they both
// print ("sofia/gateway/carrier_a/+1415…") and, when the log carries it, the leg's UUID. An answer
// is mod_sofia's 2xx state or the core's own "Channel [sofia/…] has been answered" (NOTICE level,
// so a log without DEBUG lines still has it).
import { callKey } from "./scan/voicemail.js";

/** The sofia channel a FreeSWITCH line names: "sofia/gateway/carrier_a/+14155550123". */
const CHANNEL = /\bsofia\/[\w.-]+\/[^\s\]]+/;
/** mod_sofia's call state on an answer: the INVITE got (or gave) its 2xx. Terminating states with a
 *  200 are the BYE's own answer, which says nothing about how the call began. */
const ANSWER_STATE = /entering state \[(?:completed|completing|ready)\]\[2\d\d\]/;
/** switch_channel.c's line when a channel is marked answered: "Channel [sofia/internal/1000@10.0.0.5]
 *  has been answered". It names the channel in brackets, which CHANNEL reads. */
const ANSWERED_WORDS = "] has been answered";
/** The hang-up line of a leg, with the state the leg was in: "Hangup sofia/… [CS_EXCHANGE_MEDIA] [CAUSE]". */
const HANGUP = /\bHangup sofia\/\S+ \[(CS_[A-Z_]+)\]/;

/** The channel a line names and the UUID it starts with, if any. */
function legOf(text: string, uuid?: string): { channel: string; uuid: string } | undefined {
  if (!text.includes("sofia/")) return undefined;
  const channel = CHANNEL.exec(text)?.[0];
  return channel ? { channel, uuid: uuid ?? callKey(text).uuid ?? "" } : undefined;
}

/** A log line the caller hands over in line order: its number and its text, redacted as a
 *  finding's text is (phone numbers masked alike), since the channel names are compared. */
export interface LogLine {
  line: number;
  text: string;
}

export class AnsweredLegs {
  /** Answered channels, each with the UUID of the answered leg ("" when the log prints none). */
  private readonly legs = new Map<string, string>();
  /** The line of the last hang-up whose leg was let go, and its verdict: the other findings of that
   *  line (a cause told twice) get the same one. */
  private ended: { line: number; channel: string; answered: boolean } | undefined;
  /** Lines that are no finding but may answer a leg ("has been answered"), read as the findings
   *  after them are judged. */
  private readonly answers: readonly LogLine[];
  private nextAnswer = 0;

  /** `answers`: the log's "Channel [sofia/…] has been answered" lines, in line order (other lines
   *  are skipped). */
  constructor(answers: readonly LogLine[] = []) {
    this.answers = answers;
  }

  /** Notes a FreeSWITCH finding that answers its leg (mod_sofia's "[completed][200]" state). */
  see(f: { text: string; detector?: string; code: number; uuid?: string | undefined }): void {
    if (f.detector !== "sofia-state" || f.code < 200 || f.code >= 300) return;
    if (!ANSWER_STATE.test(f.text)) return;
    const leg = legOf(f.text, f.uuid);
    if (leg) this.legs.set(leg.channel, leg.uuid);
  }

  /** Notes a line that is FreeSWITCH's core marking its leg answered; false for any other line. */
  seeLine(text: string): boolean {
    if (!text.includes(ANSWERED_WORDS)) return false;
    const leg = legOf(text);
    if (leg) this.legs.set(leg.channel, leg.uuid);
    return leg !== undefined;
  }

  /** Reads the answer lines given up front that come before line `line`. */
  private catchUp(line: number): void {
    const answers = this.answers;
    while (this.nextAnswer < answers.length && (answers[this.nextAnswer] as LogLine).line < line) {
      this.seeLine((answers[this.nextAnswer] as LogLine).text);
      this.nextAnswer++;
    }
  }

  /**
   * Whether the FreeSWITCH leg a line names was answered before it; undefined when the line names
   * no sofia channel (other evidence decides). A hang-up in CS_EXCHANGE_MEDIA is of a leg that
   * was bridged to another, which FreeSWITCH does once the leg answered (it bridges early media only
   * when told to, with bridge_early_media). A hang-up ends the leg: a later call on the same channel
   * name needs its own answer.
   */
  answered(f: { text: string; line: number; uuid?: string | undefined }): boolean | undefined {
    if (this.nextAnswer < this.answers.length) this.catchUp(f.line);
    // The finding's UUID: its excerpt may have cut the one the line starts with.
    const leg = legOf(f.text, f.uuid);
    if (!leg) return undefined;
    const last = this.ended;
    if (last && last.line === f.line && last.channel === leg.channel) return last.answered;
    const uuid = this.legs.get(leg.channel);
    // Two UUIDs that differ are two legs that happened to reach the same channel name.
    let answered = uuid !== undefined && (uuid === "" || leg.uuid === "" || uuid === leg.uuid);
    const hangup = f.text.includes("Hangup ") ? HANGUP.exec(f.text) : null;
    if (hangup?.[1] === "CS_EXCHANGE_MEDIA") answered = true;
    if (hangup) {
      this.legs.delete(leg.channel);
      this.ended = { line: f.line, channel: leg.channel, answered };
    }
    return answered;
  }
}
