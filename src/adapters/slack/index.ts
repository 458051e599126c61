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
import { SlackDrain } from "./drain.js";
import { refuseLateEvent } from "./late-event.js";
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

export async function createSlackPart(opts: SlackPartOptions): Promise<PlatformPart> {
  const work = new InFlight<SlackRequestFields>();
  const drain = new SlackDrain(work, opts.logger);
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
    shutdown: drain.deadline,
  };
  const built = buildSlackApp(deps, drain.deadline);
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
    await drain.track(request, next);
    if (opts.logger.enabled("info")) {
      opts.logger.info("slack request handled", { ...request, ms: Math.round(performance.now() - started) });
    }
  });
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
      // Replies still being posted get the drain window (drain.ts) from the moment the stop began.
      // False tells the server the stop was not clean (a reply was abandoned).
      stop: async () => {
        drain.begin();
        socket.stop();
        await built.app.stop();
        return drain.finish();
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
        drain.answered(res);
        // Events (JSON) are acked before their reply is built: under a flood, hold new ones back
        // until the reply queue has room instead of queueing without bound. Commands and clicks
        // (form-encoded) answer in the ack and never wait here.
        if ((req.headers["content-type"] ?? "").startsWith("application/json"))
          await deps.replies.room(REPLY_BACKLOG);
        const secret = opts.slack.signingSecret ?? "";
        if (!(await screenRequest(req, res, secret, opts.logger))) return;
        if (drain.deadline.passed && refuseLateEvent(req, res, secret, opts.logger)) return;
        receiver.requestListener(req, res);
      },
    },
    stop: () => drain.finish(),
  };
}
