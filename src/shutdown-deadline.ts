// The moment by which a platform's outgoing API calls must end once a shutdown has begun. A call's
// own timeout (10 s by default, up to 60 s) is longer than the wait a shutdown grants the replies
// still being posted, so without this a stalled call was cut with the process instead of failing
// through its normal error path (logged, the user told) while the shutdown still waits for it.

/** Time kept between the deadline and the end of the drain, for the failure path to run and log. */
export const DEADLINE_MARGIN_MS = 2_000;

/** How a call that was cut by the shutdown reads: a timeout, so callers handle it as one. */
export function shutdownTimeout(): DOMException {
  return new DOMException("The call was cut short because the process is shutting down", "TimeoutError");
}

export class ShutdownDeadline {
  private readonly controller = new AbortController();
  private endsAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Aborts (as a TimeoutError) when the deadline passes; never before a shutdown has begun. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get passed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Milliseconds left before the deadline; Infinity while no shutdown has begun. */
  leftMs(now = Date.now()): number {
    return this.endsAt === undefined ? Number.POSITIVE_INFINITY : Math.max(0, this.endsAt - now);
  }

  /** Starts the countdown (the first call wins); `onPassed` runs when it ends. */
  arm(ms: number, onPassed?: () => void): void {
    if (this.endsAt !== undefined) return;
    this.endsAt = Date.now() + ms;
    this.timer = setTimeout(() => {
      onPassed?.();
      this.controller.abort(shutdownTimeout());
    }, ms);
    // The deadline must never be what keeps a stopping process alive.
    this.timer.unref();
  }

  /** `work`, or a rejection with `cut()` once the deadline passes first. */
  race<T>(work: Promise<T>, cut: () => unknown): Promise<T> {
    // Calls started before the shutdown began end with it too: they listen from the start.
    const signal = this.controller.signal;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(cut());
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      work.then(
        (v) => {
          signal.removeEventListener("abort", onAbort);
          resolve(v);
        },
        (err: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(err);
        },
      );
    });
  }
}

/** The parts of an abort signal withSignals uses (the Azure SDK's own signals have just these). */
type SignalLike = Pick<AbortSignal, "aborted" | "reason" | "addEventListener" | "removeEventListener">;

/**
 * Runs `call` with a signal that aborts when `own` (if any) or the long-lived `shutdown` does, and
 * stops listening to both once the call settles. (AbortSignal.any with a signal that lives as long
 * as the process keeps every call's combined signal reachable: the server's memory grew by about
 * 100 MB over 350,000 Slack Web API calls.)
 */
export function withSignals<T>(
  own: SignalLike | undefined,
  shutdown: AbortSignal,
  call: (s: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onOwn = () => controller.abort(own?.reason);
  const onShutdown = () => controller.abort(shutdown.reason);
  if (own?.aborted) onOwn();
  else if (shutdown.aborted) onShutdown();
  own?.addEventListener("abort", onOwn, { once: true });
  shutdown.addEventListener("abort", onShutdown, { once: true });
  return call(controller.signal).finally(() => {
    own?.removeEventListener("abort", onOwn);
    shutdown.removeEventListener("abort", onShutdown);
  });
}
