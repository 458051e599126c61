// Slack rate-limits chat.postMessage per channel. Once it answers a post with a short Retry-After,
// posts to that channel form a line: the rate-limited post first, then any that came later, each
// waiting for the pause to end and for the one before it to finish. They wait outside their reply
// slot (withoutSlot), so replies in other channels keep going, and no reply overtakes an earlier
// one in the paused channel. A post whose turn would come too late gives up instead (the caller
// tells the user Slack is rate-limiting). Channels Slack never paused have no line.
import { withoutSlot } from "../../limiter.js";

interface Line {
  /** Posts to this channel wait until then (epoch ms). */
  until: number;
  /** Whether a post holds the channel's turn right now. */
  held: boolean;
  /** Posts that were rate-limited themselves: they go before posts that have not been tried. */
  retries: Array<() => void>;
  fresh: Array<() => void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A post's place in a paused channel's line. */
export class Place {
  private holding = false;

  constructor(
    private readonly pauses: ChannelPauses,
    private readonly channel: string,
    private readonly line: Line,
  ) {}

  /**
   * Waits, outside the reply slot, for this post's turn and the end of the channel's pause. False
   * (at once, without waiting) when the pause, grown by the posts ahead, ends after `deadline`:
   * the post then gives up, so a channel Slack keeps throttling cannot stack wait upon wait.
   */
  turn(retry: boolean, deadline: number): Promise<boolean> {
    return withoutSlot(async () => {
      if (!this.holding) {
        if (this.line.held)
          await new Promise<void>((r) => (retry ? this.line.retries : this.line.fresh).push(r));
        this.line.held = true;
        this.holding = true;
      }
      if (this.line.until > deadline) return false;
      // The pause can grow while we wait (another post that was already on its way got a 429).
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

  /** Lets the next post in the line go. */
  leave(): void {
    if (!this.holding) return;
    this.holding = false;
    this.pauses.pass(this.channel, this.line);
  }
}

export class ChannelPauses {
  private readonly lines = new Map<string, Line>();

  /** Slack asked for `ms` of quiet in this channel: every post there waits for it. */
  pause(channel: string, ms: number): void {
    const line = this.lines.get(channel);
    const until = Date.now() + ms;
    if (line) line.until = Math.max(line.until, until);
    else this.lines.set(channel, { until, held: false, retries: [], fresh: [] });
  }

  /** A place in the channel's line, or undefined when the channel is not paused. */
  join(channel: string): Place | undefined {
    const line = this.lines.get(channel);
    if (!line) return undefined;
    if (!line.held && Date.now() >= line.until) {
      this.lines.delete(channel);
      return undefined;
    }
    return new Place(this, channel, line);
  }

  /** Hands the turn to the next post; the line goes once it is empty and the pause is over. */
  pass(channel: string, line: Line): void {
    const next = line.retries.shift() ?? line.fresh.shift();
    if (next) {
      next();
      return;
    }
    line.held = false;
    if (Date.now() >= line.until && this.lines.get(channel) === line) this.lines.delete(channel);
  }
}
