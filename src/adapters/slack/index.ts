// The Slack part of the server: HTTP route /slack/events, or a Socket Mode connection.
import type { Catalog } from "../../catalog/indexes.js";
import type { Config } from "../../config.js";
import { SipcodeError } from "../../errors.js";
import { InFlight } from "../../inflight.js";
import { Limiter } from "../../limiter.js";
import type { Logger } from "../../log.js";
import type { PlatformPart } from "../../server.js";
import type { Store } from "../../store/index.js";
import { buildSlackApp } from "./app.js";
import { EventDedupe } from "./dedupe.js";
import type { SlackConfig } from "./deps.js";
import { ButtonRefs } from "./refs.js";
import { describeSlackBody, type SlackRequestFields } from "./request-log.js";
import { screenRequest } from "./screen.js";
import { appTokenProblem, TokenCheck } from "./token-check.js";

export interface SlackPartOptions {
  config: Config;
  slack: SlackConfig;
  catalog: Catalog;
  logger: Logger;
  store: Store;
}

/** Thread replies built at once; the rest wait their turn (each is a scan plus two Web API calls). */
const REPLY_CONCURRENCY = 8;

/** Replies running or waiting beyond which new events wait before they are read. */
const REPLY_BACKLOG = 200;

/** How long a shutdown waits for replies still being posted after their event was acked. */
const DRAIN_MS = 8_000;

/** Abandoned replies named one by one in the shutdown warning; a flood beyond is only counted. */
const MAX_LISTED = 50;

export async function createSlackPart(opts: SlackPartOptions): Promise<PlatformPart> {
  const work = new InFlight<SlackRequestFields>();
  const deps = {
    ...opts,
    dedupe: new EventDedupe(opts.store, opts.logger),
    work,
    replies: new Limiter(REPLY_CONCURRENCY),
    // Any secret only this deployment knows signs snapshots; every replica has the same one.
    refs: new ButtonRefs(
      opts.slack.signingSecret ?? opts.slack.appToken ?? opts.slack.botToken,
      opts.catalog,
      { maskPhoneNumbers: opts.config.maskPhoneNumbers },
    ),
  };
  const built = buildSlackApp(deps);
  const token = new TokenCheck(built.app.client, opts.slack.botToken, opts.logger);
  if (opts.slack.appToken && opts.slack.signingSecret)
    opts.logger.warn(
      "SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are both set: Slack runs in Socket Mode, POST /slack/events is not served and the signing secret is not used",
    );
  // Every listener runs inside this middleware, including the part after the ack. Slash commands
  // are done once acked (the HTTP metrics count them), so they skip it: it is their hot path.
  built.app.use(async ({ body, next }) => {
    if ((body as { command?: unknown }).command !== undefined) return next();
    const started = performance.now();
    const request = describeSlackBody(body);
    await work.track(next(), request);
    if (opts.logger.enabled("info")) {
      opts.logger.info("slack request handled", { ...request, ms: Math.round(performance.now() - started) });
    }
  });
  // Slack already has its ack for each of these and will not retry: name every abandoned reply
  // (channel, event id, message and thread) so an operator can tell the people who got nothing.
  // False tells the server the stop was not clean.
  const drain = async (): Promise<boolean> => {
    if (await work.drain(DRAIN_MS)) return true;
    const abandoned = work.labels();
    opts.logger.warn("stopped with Slack replies unfinished", {
      left: work.size,
      abandoned: abandoned.slice(0, MAX_LISTED),
      ...(abandoned.length > MAX_LISTED ? { unlisted: abandoned.length - MAX_LISTED } : {}),
    });
    return false;
  };
  const socket = built.socket;
  if (socket) {
    return {
      name: "slack-socket-mode",
      start: async () => {
        // Start-up waits for the first connection, a refused app token (which ends the process)
        // or a Slack outage; an outage is then waited out in the background, reported by /readyz.
        const connecting = built.app.start();
        connecting.catch(() => {}); // handled below, whichever settles first
        try {
          await Promise.race([connecting, socket.firstOutcome()]);
        } catch (err) {
          if (err instanceof SipcodeError) throw err;
          const problem = appTokenProblem(err);
          throw problem ? new SipcodeError("PLATFORM_API", problem) : err;
        }
        connecting.catch((err: unknown) =>
          opts.logger.error("slack socket mode stopped connecting", { err }),
        );
        void token.run();
      },
      problem: () => token.problem ?? socket.problem(),
      stop: async () => {
        socket.stop();
        await built.app.stop();
        return drain();
      },
    };
  }
  const receiver = built.receiver;
  if (!receiver) throw new Error("HTTP receiver missing");
  return {
    name: "slack",
    start: async () => {
      void token.run();
    },
    problem: () => token.problem,
    route: {
      path: "/slack/events",
      handle: async (req, res) => {
        // Events (JSON) are acked before their reply is built: under a flood, hold new ones back
        // until the reply queue has room instead of queueing without bound. Commands and clicks
        // (form-encoded) answer in the ack and never wait here.
        if ((req.headers["content-type"] ?? "").startsWith("application/json"))
          await deps.replies.room(REPLY_BACKLOG);
        if (await screenRequest(req, res, opts.slack.signingSecret ?? "", opts.logger))
          receiver.requestListener(req, res);
      },
    },
    stop: drain,
  };
}
