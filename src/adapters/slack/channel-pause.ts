// Slack rate-limits chat.postMessage per channel. Once it answers a post with a short Retry-After,
// replies to that channel form a line: when the pause is over they take turns in the order they
// arrived, whichever of them met the 429, and a reply keeps its turn for all of its posts (card,
// then checklist), so no other reply comes between them. They wait outside their reply slot
// (withoutSlot), so replies in other channels keep going. A reply whose turn would come too late
// gives up instead (the caller tells the user Slack is rate-limiting). Channels Slack never paused
// have no line.
import { withoutSlot } from "../../limiter.js";

interface Waiter {
  /** Arrival order of the reply. */
  seq: number;
  /** The latest the pause may end for this reply to still wait for it (epoch ms). */
  deadline: number;
  /** True: the reply's turn has come; false: it would come too late. */
  go: (ok: boolean) => void;
}

interface Line {
  /** Posts to this channel wait until then (epoch ms). */
  until: number;
  /** Whether a reply has the turn (is posting) right now. */
  held: boolean;
  /** Replies waiting for the turn, by arrival (`seq`). */
  waiting: Waiter[];
  /** Hands the turn on when the pause ends, while replies wait for it. */
  timer?: NodeJS.Timeout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A reply's place in a paused channel's line, held from its first post there to its last. */
export class Place {
  private holding = false;

  constructor(
    private readonly pauses: ChannelPauses,
    private readonly channel: string,
    private readonly line: Line,
    private readonly seq: number,
  ) {}

  /**
   * Waits, outside the reply slot, for this reply's turn (once: it keeps it until `leave`) and the
   * end of the channel's pause. False, as soon as that is known, when the pause ends after
   * `deadline`: the reply then gives up, so a channel Slack keeps throttling cannot stack wait
   * upon wait.
   */
  turn(deadline: number): Promise<boolean> {
    return withoutSlot(async () => {
      if (!this.holding) {
        if (this.line.until > deadline) return false;
        const ok = await new Promise<boolean>((go) => {
          const { waiting } = this.line;
          const at = waiting.findIndex((w) => w.seq > this.seq);
          waiting.splice(at < 0 ? waiting.length : at, 0, { seq: this.seq, deadline, go });
          this.pauses.next(this.channel, this.line);
        });
        if (!ok) return false;
        this.holding = true;
      }
      // Holding the turn, a later post of this reply can still meet a pause grown by another
      // post that was already on its way when the 429 came.
      for (let left = this.line.until - Date.now(); left > 0; left = this.line.until - Date.now()) {
        if (this.line.until > deadline) return false;
        await sleep(left);
      }
      return true;
    });
  }

  /** When the channel's pause ends as things stand (epoch ms). */
  get pauseEnds(): number {
    return this.line.until;
  }

  /** Lets the next reply in the line go. */
  leave(): void {
    if (!this.holding) return;
    this.holding = false;
    this.line.held = false;
    this.pauses.next(this.channel, this.line);
  }
}

export class ChannelPauses {
  private readonly lines = new Map<string, Line>();

  /** Slack asked for `ms` of quiet in this channel: every post there waits for it. */
  pause(channel: string, ms: number): void {
    const until = Date.now() + ms;
    const line = this.lines.get(channel);
    if (!line) {
      this.lines.set(channel, { until, held: false, waiting: [] });
      return;
    }
    line.until = Math.max(line.until, until);
    // Replies that would now wait past their deadline hear so at once, not when the pause ends.
    const late = line.waiting.filter((w) => w.deadline < line.until);
    line.waiting = line.waiting.filter((w) => w.deadline >= line.until);
    for (const w of late) w.go(false);
  }

  /**
   * A place in the channel's line for the reply that arrived `seq`-th, or undefined when the
   * channel is not paused.
   */
  join(channel: string, seq: number): Place | undefined {
    const line = this.lines.get(channel);
    if (!line) return undefined;
    if (this.idle(line)) {
      this.lines.delete(channel);
      return undefined;
    }
    return new Place(this, channel, line, seq);
  }

  /**
   * Gives the turn to the earliest reply waiting once the pause is over (a timer does when it
   * ends); the line goes once nobody holds or waits for it and the pause is over.
   */
  next(channel: string, line: Line): void {
    if (line.held || line.timer) return;
    const left = line.until - Date.now();
    if (line.waiting.length > 0 && left > 0) {
      line.timer = setTimeout(() => {
        line.timer = undefined;
        this.next(channel, line);
      }, left);
      return;
    }
    const first = line.waiting.shift();
    if (first) {
      line.held = true;
      first.go(true);
    } else if (this.idle(line) && this.lines.get(channel) === line) this.lines.delete(channel);
  }

  private idle(line: Line): boolean {
    return !line.held && line.waiting.length === 0 && Date.now() >= line.until;
  }
}
