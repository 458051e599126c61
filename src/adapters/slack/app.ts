// Builds the Bolt app: HTTP receiver (signed requests on the shared server) or Socket Mode, a Web
// API client with a short retry policy, no start-up network calls, and every listener folder, with
// listeners of one kind sharing one Bolt listener chain and acks that can be serialised once.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type AckFn,
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  App,
  type Logger as BoltLogger,
  HTTPReceiver,
  LogLevel,
  type Middleware,
  MultipleListenerError,
  matchCommandName,
  matchConstraints,
  matchEventType,
  matchMessage,
  type RespondArguments,
} from "@slack/bolt";
import type { Logger } from "../../log.js";
import type { SlackDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";

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

/** Where the HTTP receiver puts the response being answered: on the request, then in its context. */
const HTTP_RESPONSE = Symbol("http response");
type WithResponse = { [HTTP_RESPONSE]?: ServerResponse };

/** An ack body together with its JSON, so an answer that is sent many times is serialised once. */
export interface JsonAck {
  readonly value: RespondArguments;
  readonly json: string;
  readonly bytes: number;
}

/**
 * Non-ASCII characters are written as \u escapes (the same JSON to any parser): an ASCII string is
 * half the size in memory of a two-byte one, and Node copies it with the headers on every send.
 */
export function jsonAck(value: RespondArguments): JsonAck {
  const json = JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return { value, json, bytes: json.length };
}

/**
 * Bolt's HTTP receiver stringifies an object ack on every request but writes a string ack as it is,
 * without a content type; over HTTP the prepared JSON goes out with the JSON content type Slack
 * needs, and Socket Mode (which wraps the body in its own envelope) gets the object.
 */
export function ackJson(
  ack: AckFn<string | RespondArguments>,
  context: object,
  body: JsonAck,
): Promise<void> {
  const res = (context as WithResponse)[HTTP_RESPONSE];
  if (!res || res.headersSent) return ack(body.value);
  res.setHeader("content-type", "application/json");
  res.setHeader("content-length", body.bytes);
  return ack(body.json);
}

type Listener = Middleware<AnyMiddlewareArgs>;
type ListenerArgs = AnyMiddlewareArgs & AllMiddlewareArgs;
type Pattern = string | RegExp;
type Kind = "command" | "event" | "action" | "shortcut";

const isPattern = (p: unknown): p is Pattern => typeof p === "string" || p instanceof RegExp;

/** Runs one listener chain as Bolt does: each middleware's next() runs the one after it. */
function runChain(chain: Listener[], args: ListenerArgs): Promise<void> {
  let called = -1;
  const step = async (i: number): Promise<void> => {
    const m = chain[i];
    if (i <= called) throw new Error("next() called multiple times");
    called = i;
    if (m) await m({ ...args, next: i + 1 < chain.length ? () => step(i + 1) : () => {} } as ListenerArgs);
  };
  return step(0);
}

/** One Bolt listener for a whole kind: every chain of that kind runs, failures surface as in Bolt. */
function groupListener(chains: Listener[][], kind: Kind): Listener {
  return async (args) => {
    // The catch-all event-type pattern records `matches`; listeners registered by name never see one.
    if (kind === "event") delete args.context.matches;
    const settled = await Promise.allSettled(chains.map((chain) => runChain(chain, args)));
    const failed = settled.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    if (failed.length > 1) throw new MultipleListenerError(failed);
    if (failed[0]) throw failed[0];
  };
}

/**
 * Bolt runs every registered listener chain for every request, and each chain starts by copying
 * the arguments only to reject a payload of another kind; with ten listeners that was most of the
 * cost of answering a slash command. Registrations are collected here with Bolt's own matchers and
 * handed to Bolt as one chain per kind, so a request pays for one chain per kind, not per listener.
 */
function groupByKind(app: App): { app: App; flush(): void } {
  const byKind = new Map<Kind, Array<{ chain: Listener[]; direct: () => void }>>();
  const add = (kind: Kind, chain: unknown[], direct: () => void) => {
    const list = byKind.get(kind) ?? [];
    list.push({ chain: chain as Listener[], direct });
    byKind.set(kind, list);
  };
  // Each mirrors the matching App method: same matchers, same order, same normalisation.
  const methods: Record<string, (...a: unknown[]) => void> = {
    command: (name, ...ls) =>
      add("command", [matchCommandName(name as Pattern), ...ls], () =>
        app.command(name as never, ...(ls as [])),
      ),
    event: (name, ...ls) =>
      add("event", [matchEventType(name as Pattern), ...ls], () => app.event(name as never, ...(ls as []))),
    message: (...ps) =>
      add("event", [matchEventType("message"), ...ps.map((p) => (isPattern(p) ? matchMessage(p) : p))], () =>
        app.message(...(ps as [])),
      ),
    action: (c, ...ls) =>
      add("action", [matchConstraints(isPattern(c) ? { action_id: c } : (c as never)), ...ls], () =>
        app.action(c as never, ...(ls as [])),
      ),
    shortcut: (c, ...ls) =>
      add("shortcut", [matchConstraints(isPattern(c) ? { callback_id: c } : (c as never)), ...ls], () =>
        app.shortcut(c as never, ...(ls as [])),
      ),
  };
  const proxy = new Proxy(app, {
    get: (target, prop, receiver) =>
      typeof prop === "string" && Object.hasOwn(methods, prop)
        ? methods[prop]
        : Reflect.get(target, prop, receiver),
  });
  const flush = () => {
    for (const [kind, list] of byKind) {
      const [only] = list;
      if (list.length === 1 && only) {
        only.direct();
        continue;
      }
      const group = groupListener(
        list.map((l) => l.chain),
        kind,
      );
      if (kind === "command") app.command(/^/, group as never);
      else if (kind === "event") app.event(/^/, group as never);
      else if (kind === "action") app.action({}, group as never);
      else app.shortcut({}, group as never);
    }
    byKind.clear();
  };
  return { app: proxy, flush };
}

export interface BuiltSlackApp {
  app: App;
  /** Present in HTTP mode: mount its listener on POST /slack/events. */
  receiver?: HTTPReceiver;
  socketMode: boolean;
}

function withListeners(app: App, deps: SlackDeps): App {
  const grouped = groupByKind(app);
  registerListeners(grouped.app, deps);
  grouped.flush();
  return app;
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
    customPropertiesExtractor: (req) => ({ [HTTP_RESPONSE]: (req as WithResponse)[HTTP_RESPONSE] }),
  });
  // Bolt hands listeners the request's context, never the response: carry it there for ackJson.
  const listen = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    (req as IncomingMessage & WithResponse)[HTTP_RESPONSE] = res;
    return listen(req, res);
  };
  const app = withListeners(new App({ ...common, receiver }), deps);
  app.error(async (err) => {
    deps.logger.error("slack listener failed", { err });
  });
  return { app, receiver, socketMode: false };
}
