// Builds the Bolt app: HTTP receiver (signed requests on the shared server) or Socket Mode, a Web
// API client with a short retry policy, no start-up network calls, and every listener folder
// (grouped by kind, listener-groups.ts) with acks that can be serialised once (json-ack.ts).
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { Logger } from "../../log.js";
import type { SlackDeps } from "./deps.js";
import { carryResponse, responseExtractor } from "./json-ack.js";
import { withListeners } from "./listener-groups.js";

/** The WebClient default retries for about 30 minutes; an incident bot must answer or give up fast. */
export const SLACK_RETRY_POLICY = {
  retries: 2,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5_000,
  randomize: true,
};

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
  socketMode: boolean;
}

export function buildSlackApp(deps: SlackDeps): BuiltSlackApp {
  const { slack } = deps;
  const logger = boltLogger(deps.logger);
  const clientOptions = { slackApiUrl: slack.apiUrl, retryConfig: SLACK_RETRY_POLICY };
  const common = {
    // A fixed authorize (instead of `token`) means Bolt never calls auth.test: a signed slash
    // command is answered with no network access. Our own messages are filtered by bot_id.
    authorize: async () => ({ botToken: slack.botToken }),
    logger,
    clientOptions,
    ignoreSelf: false,
    // sipcode keeps no conversation state in process (checklists carry theirs in the message).
    convoStore: false as const,
  };
  if (slack.appToken) {
    const app = withListeners(new App({ ...common, appToken: slack.appToken, socketMode: true }), deps);
    return { app, socketMode: true };
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
