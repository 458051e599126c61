// How the Teams part stops: turns still running after their invoke was answered, and every Bot
// Connector call (a reply being posted inside an open request, a card update, a reminder), get a
// bounded wait, and the calls a deadline inside it, so a stalled call fails through its normal path
// instead of being cut with the process. Each call given up is named, so the person can be told.
import { InFlight } from "../../inflight.js";
import type { Logger } from "../../log.js";
import { DEADLINE_MARGIN_MS, ShutdownDeadline } from "../../shutdown-deadline.js";

/** How long a shutdown waits for turns and connector calls still running. */
export const DRAIN_MS = 8_000;

/** Calls named one by one in a shutdown warning; a flood beyond is only counted. */
const MAX_LISTED = 50;

/** What one outgoing connector call was, enough to find the chat and the message it was for. */
export interface ConnectorCall {
  /** "reply" answers a message; "card update" edits a card in place; "reminder" is proactive. */
  what: "reply" | "card update" | "reminder" | "message";
  conversation: string;
  /** The message a reply answers. */
  replyToId?: string;
  /** The message a card update edits. */
  activityId?: string;
}

function named(calls: ConnectorCall[]) {
  return {
    calls: calls.slice(0, MAX_LISTED),
    ...(calls.length > MAX_LISTED ? { unlisted: calls.length - MAX_LISTED } : {}),
  };
}

export class TeamsDrain {
  /** Ends the connector calls still open 2 s before the wait ends (the adapter races them with it). */
  readonly deadline = new ShutdownDeadline();
  /** Turns still running after their invoke was answered (the card update after a tick). */
  readonly turns = new InFlight();
  private readonly calls = new InFlight<ConnectorCall>();
  private started: number | undefined;
  /** Some call was given up by the deadline: someone got no reply, so the stop is not clean. */
  private cut = false;

  constructor(
    private readonly logger: Logger,
    private readonly drainMs = DRAIN_MS,
  ) {}

  /** Runs one connector call under the shutdown's deadline, tracked so the shutdown waits for it. */
  call<T>(label: ConnectorCall, work: () => Promise<T>, cutError: () => unknown): Promise<T> {
    // A call begun after the deadline is not sent: it is given up like the ones still open then.
    if (this.deadline.passed) {
      this.givenUp([label]);
      return Promise.reject(cutError());
    }
    return this.calls.track(this.deadline.race(work(), cutError), label);
  }

  /** Starts the shutdown clock (the first call wins). */
  begin(): void {
    if (this.started !== undefined) return;
    this.started = Date.now();
    // A turn with no call open loses nothing yet: a call it starts later is given up in call().
    this.deadline.arm(this.drainMs - DEADLINE_MARGIN_MS, () => {
      if (this.calls.size > 0) this.givenUp(this.calls.labels());
    });
  }

  /**
   * Waits out the rest of the window. False (the stop was not clean) when the deadline gave up some
   * call or something was still running when the window ended.
   */
  async finish(): Promise<boolean> {
    this.begin();
    const left = Math.max(0, this.drainMs - (Date.now() - (this.started ?? Date.now())));
    const [turns, calls] = await Promise.all([this.turns.drain(left), this.calls.drain(left)]);
    if (turns && calls) return !this.cut;
    // Replies, card updates and reminders all go through the connector: the warning names that.
    this.logger.warn("stopped with Teams connector calls unfinished", {
      left: this.turns.size + this.calls.size,
      turns: this.turns.size,
      ...named(this.calls.labels()),
    });
    return false;
  }

  private givenUp(calls: ConnectorCall[]): void {
    this.cut = true;
    // Their own lines follow (connector call timed out, cutByShutdown).
    this.logger.warn("shutdown deadline: Teams connector calls still open are given up", {
      left: calls.length,
      ...named(calls),
    });
  }
}
