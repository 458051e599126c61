// What every Slack listener needs, passed explicitly so listeners stay small and testable.
import type { Catalog } from "../../catalog/indexes.js";
import type { Config } from "../../config.js";
import type { InFlight } from "../../inflight.js";
import type { Limiter } from "../../limiter.js";
import type { Logger } from "../../log.js";
import type { ShutdownDeadline } from "../../shutdown-deadline.js";
import type { Store } from "../../store/store.js";
import type { EventDedupe } from "./dedupe.js";
import type { ButtonRefs } from "./refs.js";
import type { SlackRequestFields } from "./request-log.js";

/**
 * The Slack settings; `apiTimeoutMs` (SLACK_API_TIMEOUT_MS, default SLACK_API_TIMEOUT_MS in
 * app.ts) is how long one Web API or response_url call may take before it is given up, and
 * `socketGraceMs` (SLACK_SOCKET_GRACE_MS) how long Socket Mode may be down before /readyz says so,
 * and `socketRetryMaxMs` (SLACK_SOCKET_RETRY_MAX_MS) the longest pause between connection tries
 * while Slack is unreachable.
 */
export type SlackConfig = NonNullable<Config["slack"]>;

export interface SlackDeps {
  catalog: Catalog;
  config: Config;
  slack: SlackConfig;
  logger: Logger;
  dedupe: EventDedupe;
  /** Work still running after Slack got its ack; shutdown waits for it. */
  work: InFlight<SlackRequestFields>;
  /** Bounds how many thread replies are being built at once. */
  replies: Limiter;
  /** What Share / Post checklist buttons carry (never the paste itself). */
  refs: ButtonRefs;
  /** Shared state: each checklist's latest ticks, so near-simultaneous ticks all stay. */
  store?: Store;
  /** When a stopping server gives up what is still running: downloads and rate-limit waits end by then. */
  shutdown?: ShutdownDeadline;
}
