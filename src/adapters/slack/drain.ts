// How the Slack part stops: replies still being posted after their ack get a bounded wait, and
// their Web API calls a deadline inside it, so a stalled call fails through its normal path (the
// failed post logged with its reason) instead of being cut with the process. Slack will not retry
// an acked event, so every reply that fails or is abandoned this way is named for the operator.
import type { ServerResponse } from "node:http";
import { InFlight } from "../../inflight.js";
import type { Logger } from "../../log.js";
import { DEADLINE_MARGIN_MS, ShutdownDeadline } from "../../shutdown-deadline.js";
import type { SlackRequestFields } from "./request-log.js";

/** How long a shutdown waits for replies still being posted after their event was acked. */
export const DRAIN_MS = 8_000;

/** Replies named one by one in a shutdown warning; a flood beyond is only counted. */
const MAX_LISTED = 50;

function named(labels: SlackRequestFields[]) {
  return {
    replies: labels.slice(0, MAX_LISTED),
    ...(labels.length > MAX_LISTED ? { unlisted: labels.length - MAX_LISTED } : {}),
  };
}

export class SlackDrain {
  /** Handed to the Web API client (app.ts): its calls end when this deadline passes. */
  readonly deadline = new ShutdownDeadline();
  /** HTTP requests not yet answered (their body may still be arriving); see answered(). */
  private readonly arriving = new InFlight();
  private started: number | undefined;
  /** Some reply was still running when the deadline passed: its remaining calls were failed. */
  private cut = false;

  constructor(
    private readonly work: InFlight<SlackRequestFields>,
    private readonly logger: Logger,
    private readonly drainMs = DRAIN_MS,
  ) {}

  /** Starts the shutdown clock; call first thing, before closing the Socket Mode connection. */
  begin(): void {
    if (this.started !== undefined) return;
    this.started = Date.now();
    this.deadline.arm(this.drainMs - DEADLINE_MARGIN_MS, () => {
      if (this.work.size > 0) this.givenUp(this.work.labels());
    });
  }

  /** Counts an HTTP request until its response is closed, so a stop waits to learn what it was. */
  answered(res: ServerResponse): void {
    this.arriving.track(new Promise<void>((done) => res.once("close", done)));
  }

  /** Runs one request's work (the reply after its ack), tracked so the shutdown waits for it. */
  track<T>(label: SlackRequestFields, work: () => Promise<T>): Promise<T> {
    // Begun after the deadline (a click, or a request that finished arriving late): every Web API
    // call it makes fails at once, so it is named like the replies still open then.
    if (this.deadline.passed) this.givenUp([label]);
    return this.work.track(work(), label);
  }

  /**
   * Waits out the rest of the window. False (the stop was not clean) when the deadline failed some
   * reply's calls or some reply was still running when the window ended: someone got no answer.
   */
  async finish(): Promise<boolean> {
    this.begin();
    const end = (this.started ?? Date.now()) + this.drainMs;
    const left = () => Math.max(0, end - Date.now());
    // A request still arriving becomes a reply once read (or is given up, past the deadline): wait
    // for it so it is counted. One that never finishes arriving loses nothing: Slack sends it again.
    await this.arriving.drain(left());
    if (await this.work.drain(left())) return !this.cut;
    const abandoned = this.work.labels();
    this.logger.warn("stopped with Slack replies unfinished", {
      left: this.work.size,
      abandoned: abandoned.slice(0, MAX_LISTED),
      ...(abandoned.length > MAX_LISTED ? { unlisted: abandoned.length - MAX_LISTED } : {}),
    });
    return false;
  }

  private givenUp(labels: SlackRequestFields[]): void {
    this.cut = true;
    // These replies' remaining Web API calls fail now; their own lines follow (chat.postMessage failed).
    this.logger.warn("shutdown deadline: Slack calls still open are given up", {
      left: labels.length,
      ...named(labels),
    });
  }
}
