// Asks Slack for a Socket Mode connection (apps.connections.open) again through an outage, with
// capped, jittered pauses. The Socket Mode client's own pauses grow by 5 s a try without end (two
// minutes apart after a 30-minute outage), so the retries happen here, inside the fetch it is given.
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../../log.js";

/** The longest pause between two tries during an outage (SLACK_SOCKET_RETRY_MAX_MS). */
export const SOCKET_RETRY_MAX_MS = 30_000;

/** The pause after the first failed try; each later one doubles, up to the cap. */
const FIRST_PAUSE_MS = 1_000;

/** How often a long outage is logged again at warn (each try is logged at debug). */
const REMIND_EVERY_MS = 5 * 60_000;

/**
 * The pause after failed try number `attempt` (0 for the first): doubling from 1 s up to `maxMs`,
 * then a random point in its upper half, so many bots coming back after one outage spread out
 * instead of asking Slack together, and no pause is longer than `maxMs`.
 */
export function retryPause(attempt: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, FIRST_PAUSE_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A 429's Retry-After in ms (Slack asks to wait longer than the cap only when it means it). */
function retryAfterMs(res: Response | undefined): number {
  if (res?.status !== 429) return 0;
  const s = Number(res.headers.get("retry-after"));
  return Number.isFinite(s) && s > 0 ? Math.min(s, 3_600) * 1000 : 0;
}

/** What the retries report to the connection's state (socket-state.ts). */
export interface OpenHooks {
  /** A try failed: `failure` says how ("answered HTTP 503", "did not answer"). */
  failed(failure: string): void;
  /** The process is shutting down: stop asking. */
  stopped(): boolean;
  /** Aborted when the process shuts down, to end a pause early. */
  signal: AbortSignal;
}

/**
 * One apps.connections.open call as the Socket Mode client sees it: it settles once Slack answers
 * below 500 and not 429 (a URL, or an error in its JSON), after as many tries as the outage takes.
 * It never settles when the process shuts down meanwhile (nobody is waiting for it then, and a
 * rejection would reach the client's own growing retries).
 */
export async function openWithRetries(
  base: typeof fetch,
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
  hooks: OpenHooks,
  logger: Logger,
  maxMs: number,
): Promise<Response> {
  const started = Date.now();
  let reminded = started;
  for (let attempt = 0; ; attempt++) {
    // The client's deadline belongs to its first try; `base` gives each later try its own.
    const res = await base(input, attempt === 0 ? init : { ...init, signal: undefined }).catch(
      () => undefined,
    );
    if (res && res.status < 500 && res.status !== 429) {
      if (attempt > 0)
        logger.info("Slack answered apps.connections.open again", {
          tries: attempt + 1,
          outageMs: Date.now() - started,
        });
      return res;
    }
    if (hooks.stopped()) return never();
    const failure = res ? `answered HTTP ${res.status}` : "did not answer";
    hooks.failed(failure);
    const pause = Math.max(retryPause(attempt, maxMs), retryAfterMs(res));
    if (attempt === 0)
      logger.warn(
        `Slack is unreachable: apps.connections.open ${failure}; Socket Mode keeps asking, at most ${Math.round(maxMs / 1000)} s apart`,
      );
    else if (Date.now() - reminded >= REMIND_EVERY_MS) {
      reminded = Date.now();
      logger.warn(`Slack is still unreachable: apps.connections.open ${failure}`, {
        tries: attempt + 1,
        outageMs: Date.now() - started,
      });
    }
    logger.debug("slack socket mode will ask for a connection again", {
      try: attempt + 1,
      failure,
      pauseMs: pause,
    });
    try {
      await sleep(pause, undefined, { signal: hooks.signal });
    } catch {
      return never();
    }
    if (hooks.stopped()) return never();
  }
}

function never(): Promise<Response> {
  return new Promise<Response>(() => {});
}
