// Bounded retries for Bot Connector calls: 429 (throttled), 412 (precondition, e.g. a concurrent edit),
// 500/502/503/504 and a connection that failed before any answer (reset, refused, DNS) get jittered
// exponential backoff, honouring Retry-After, within a try count and a total time budget so a chat
// reply is never held up for long. Everything else fails at once. A connector that accepts the
// connection but never answers is cut off by a deadline (and not retried: the post may have landed).
import { SipcodeError } from "../../errors.js";

export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([412, 429, 500, 502, 503, 504]);

/**
 * Socket errors that happen before the connector answers. The usual one is a kept-alive connection
 * that a load balancer or NAT dropped while idle: the request never reached the connector, so sending
 * it again on a fresh connection cannot post the same message twice.
 */
export const RETRYABLE_NETWORK: ReadonlySet<string> = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

export interface RetryOptions {
  /** Attempts in total, the first included. */
  tries?: number;
  /** Wall-clock budget for all attempts and waits together. */
  budgetMs?: number;
  /** First backoff; doubles each retry, then scaled by a random factor in [0.5, 1.5). */
  baseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** `status` is the HTTP status, or the socket error code for a call that got no answer. */
  onRetry?: (info: { attempt: number; status: number | string; delayMs: number }) => void;
}

export const RETRY_DEFAULTS = { tries: 3, budgetMs: 5_000, baseMs: 300 } as const;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The HTTP status an SDK error carries, whichever field its author chose. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const s = e.statusCode ?? e.status ?? e.response?.status;
  return typeof s === "number" ? s : undefined;
}

/** The socket error code ("ECONNRESET") of a call that failed before any HTTP answer, if retryable. */
export function networkErrorOf(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || statusOf(err) !== undefined) return undefined;
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === "string" ? e.code : e.cause?.code;
  if (typeof code === "string" && RETRYABLE_NETWORK.has(code)) return code;
  // Node names a reset before the response "socket hang up"; some wrappers drop its code.
  return e.message === "socket hang up" ? "ECONNRESET" : undefined;
}

/** Retry-After in milliseconds (seconds or an HTTP date), when the error's response has one. */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | undefined {
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers;
  let raw: unknown;
  if (headers && typeof (headers as { get?: unknown }).get === "function") {
    raw = (headers as { get(name: string): unknown }).get("retry-after");
  } else if (headers && typeof headers === "object") {
    raw = (headers as Record<string, unknown>)["retry-after"];
  }
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(String(raw));
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const tries = opts.tries ?? RETRY_DEFAULTS.tries;
  const budget = opts.budgetMs ?? RETRY_DEFAULTS.budgetMs;
  const base = opts.baseMs ?? RETRY_DEFAULTS.baseMs;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const httpStatus = statusOf(err);
      const status =
        httpStatus !== undefined && RETRYABLE_STATUS.has(httpStatus) ? httpStatus : networkErrorOf(err);
      if (status === undefined || attempt >= tries) throw err;
      // Jitter spreads retries from several replicas so they don't hit the throttle together.
      const backoff = Math.round(base * 2 ** (attempt - 1) * (0.5 + random()));
      const delayMs = Math.max(backoff, retryAfterMs(err, now()) ?? 0);
      if (now() - started + delayMs > budget) throw err;
      opts.onRetry?.({ attempt, status, delayMs });
      await sleep(delayMs);
    }
  }
}

/**
 * Bot Framework gives up on a bot after about 15 s; a connector call (its retries included) that has
 * not finished by this deadline is abandoned, so the turn can end and the HTTP request be answered.
 */
export const CONNECTOR_TIMEOUT_MS = 10_000;

export class ConnectorTimeoutError extends SipcodeError {
  /** True when a shutdown gave the call up before its own deadline. */
  cutByShutdown = false;

  constructor(
    readonly op: string,
    readonly timeoutMs: number,
    detail = `Bot Connector ${op} did not answer within ${timeoutMs} ms`,
  ) {
    super("PLATFORM_API", "Teams didn't take my reply in time. Please try again in a minute.", detail);
    this.name = "ConnectorTimeoutError";
  }

  /** A call the shutdown gave up `afterMs` into it: said as such, not as the 10 s deadline. */
  static cutByShutdown(op: string, afterMs: number): ConnectorTimeoutError {
    const err = new ConnectorTimeoutError(
      op,
      afterMs,
      `Bot Connector ${op} was given up by the shutdown after ${afterMs} ms without an answer`,
    );
    err.cutByShutdown = true;
    return err;
  }
}

/** `fn()`, or a ConnectorTimeoutError once `ms` have passed without it settling. */
export function withDeadline<T>(fn: () => Promise<T>, ms: number, op: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorTimeoutError(op, ms)), ms);
  });
  return Promise.race([fn(), deadline]).finally(() => clearTimeout(timer));
}
