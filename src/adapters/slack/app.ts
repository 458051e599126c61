// Builds the Bolt app: HTTP receiver (signed requests on the shared server) or Socket Mode, a Web
// API client with a short retry policy and a per-call timeout, no start-up network calls, and every
// listener folder (grouped by kind, listener-groups.ts) with acks that can be serialised once.
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { ShutdownDeadline, withSignals } from "../../shutdown-deadline.js";
import type { SlackDeps } from "./deps.js";
import { carryResponse, responseExtractor } from "./json-ack.js";
import { withListeners } from "./listener-groups.js";
import { isTimeout } from "./send.js";
import { SOCKET_RETRY_MAX_MS } from "./socket-retry.js";
import { SOCKET_GRACE_MS, SocketState } from "./socket-state.js";

export { withSignals };

/** The WebClient default retries for about 30 minutes; an incident bot must answer or give up fast. */
export const SLACK_RETRY_POLICY = {
  retries: 2,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5_000,
  randomize: true,
};

/**
 * One Web API (or response_url) call may take this long. Without it a Slack that accepts the
 * connection and never answers held every thread-reply slot for good. A call that timed out is
 * not retried: Slack may have posted it already, and a stalled API rarely answers the next try.
 */
export const SLACK_API_TIMEOUT_MS = 10_000;

/** The longest wait SLACK_RETRY_POLICY puts before a retry (500 ms × 2 × a random 1–2). */
const LONGEST_RETRY_WAIT_MS = 2_000;

function clientOptions(deps: SlackDeps, shutdown: ShutdownDeadline) {
  const timeout = deps.slack.apiTimeoutMs ?? SLACK_API_TIMEOUT_MS;
  const retryConfig = {
    ...SLACK_RETRY_POLICY,
    // p-retry (under the WebClient) stops retrying when this throws. Once a shutdown has begun,
    // a retry whose wait could outlast its deadline is not tried: the failure is reported instead.
    onFailedAttempt: (err: unknown) => {
      if (isTimeout(err) || shutdown.leftMs() < LONGEST_RETRY_WAIT_MS) throw err;
    },
  };
  // Bolt's respond() (response_url) uses this fetch and sets no deadline of its own. Every call,
  // including one already waiting when the shutdown begins, also ends at the shutdown's deadline.
  const fetchWithDeadline: typeof fetch = (input, init) =>
    withSignals(init?.signal ?? AbortSignal.timeout(timeout), shutdown.signal, (signal) =>
      fetch(input, { ...init, signal }),
    );
  // A 429 rejects at once instead of pausing the client's shared queue for the whole Retry-After:
  // one rate-limited call must not hold up replies in other channels (send.ts retries it briefly).
  return {
    slackApiUrl: deps.slack.apiUrl,
    retryConfig,
    timeout,
    fetch: fetchWithDeadline,
    rejectRateLimitedCalls: true,
  };
}

function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    // Bolt logs whole request bodies at debug level: only format what will be written.
    debug: (...m: unknown[]) => logger.enabled("debug") && logger.debug(m.map(String).join(" ")),
    info: (...m: unknown[]) => logger.enabled("info") && logger.info(m.map(String).join(" ")),
    warn: (...m: unknown[]) => logger.enabled("warn") && logger.warn(m.map(String).join(" ")),
    error: (...m: unknown[]) => logger.error(m.map(String).join(" ")),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export interface BuiltSlackApp {
  app: App;
  /** Present in HTTP mode: mount its listener on POST /slack/events. */
  receiver?: HTTPReceiver;
  /** Present in Socket Mode: whether the connection is up (for /readyz). */
  socket?: SocketState;
  socketMode: boolean;
}

/** `shutdown`: when the Web API calls must end once the server is stopping (index.ts arms it). */
export function buildSlackApp(deps: SlackDeps, shutdown = new ShutdownDeadline()): BuiltSlackApp {
  const { slack } = deps;
  const logger = boltLogger(deps.logger);
  const common = {
    // A fixed authorize (instead of `token`) means Bolt never calls auth.test: a signed slash
    // command is answered with no network access. Our own messages are filtered by bot_id.
    authorize: async () => ({ botToken: slack.botToken }),
    logger,
    clientOptions: clientOptions(deps, shutdown),
    ignoreSelf: false,
    // sipcode keeps no conversation state in process (checklists carry theirs in the message).
    convoStore: false as const,
  };
  if (slack.appToken) {
    // Built here rather than by Bolt so the connection's state can be watched (socket-state.ts);
    // its own Web API client (apps.connections.open) gets the same options as the app's.
    const state = new SocketState(
      deps.logger,
      slack.socketGraceMs ?? SOCKET_GRACE_MS,
      Date.now,
      slack.socketRetryMaxMs ?? SOCKET_RETRY_MAX_MS,
    );
    const api = common.clientOptions;
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      installerOptions: { clientOptions: { ...api, fetch: state.fetchFor(api.fetch) } },
    });
    state.watch(receiver.client);
    const app = withListeners(new App({ ...common, receiver }), deps);
    return { app, socket: state, socketMode: true };
  }
  const receiver = new HTTPReceiver({
    signingSecret: slack.signingSecret ?? "",
    endpoints: "/slack/events",
    logger,
    processBeforeResponse: false,
    customPropertiesExtractor: responseExtractor,
  });
  carryResponse(receiver);
  const app = withListeners(new App({ ...common, receiver }), deps);
  app.error(async (err) => {
    deps.logger.error("slack listener failed", { err });
  });
  return { app, receiver, socketMode: false };
}
