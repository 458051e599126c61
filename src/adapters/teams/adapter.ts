// The botbuilder CloudAdapter as this bot needs it: authentication kept apart from the turn (a bad
// token is a 401, not a 500), connector clients reused across turns, one bounded retry layer around
// every Bot Connector send/update (failed calls counted by status in the metrics) under a deadline, and
// an invoke answered as soon as the bot has its answer, while the rest of the turn finishes.
import {
  type Activity,
  CloudAdapter,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from "botbuilder";
import type { Logger } from "../../log.js";
import { metrics } from "../../metrics/index.js";
import { withSignals } from "../../shutdown-deadline.js";
import { type ConnectorCall, TeamsDrain } from "./drain.js";
import {
  CONNECTOR_TIMEOUT_MS,
  ConnectorTimeoutError,
  type RetryOptions,
  statusOf,
  withDeadline,
  withRetry,
} from "./retry.js";
import { EARLY_ANSWER, type EarlyAnswer, SINGLE_TRY } from "./turn-state.js";

export { turnErrorHandler } from "./turn-error.js";

type Auth = ConstructorParameters<typeof CloudAdapter>[0];
type AuthResult = Awaited<ReturnType<NonNullable<Auth>["authenticateRequest"]>>;
type ConnectorFactory = NonNullable<AuthResult["connectorFactory"]>;

/** Service URLs a bot talks to are few (one per Teams region); the cap only guards against abuse. */
const MAX_CONNECTORS = 32;

/** The request could not be authenticated; the HTTP answer is 401 and the bot never sees it. */
export class UnauthorizedError extends Error {
  constructor(readonly reason: string) {
    super(`Unauthorized: ${reason}`);
    this.name = "UnauthorizedError";
  }
}

function isAuthFailure(err: unknown): boolean {
  const e = err as { name?: unknown; statusCode?: unknown } | null;
  // botframework-connector's AuthenticationError carries a 401/403; jsonwebtoken names its errors.
  return (
    (typeof e?.statusCode === "number" && (e.statusCode === 401 || e.statusCode === 403)) ||
    e?.name === "JsonWebTokenError" ||
    e?.name === "TokenExpiredError" ||
    e?.name === "NotBeforeError"
  );
}

/** How connector calls are retried, and when one is given up (tests shorten both). */
export interface ConnectorOptions extends RetryOptions {
  /** A send or update, retries included, that takes longer is abandoned; CONNECTOR_TIMEOUT_MS by default. */
  timeoutMs?: number;
}

/** The fields of an outgoing connector request (core-rest-pipeline's PipelineRequest) set here. */
interface ConnectorRequest {
  timeout: number;
  abortSignal?: AbortSignal;
}

interface PipelinePolicy {
  name: string;
  sendRequest(request: ConnectorRequest, next: (r: ConnectorRequest) => Promise<unknown>): Promise<unknown>;
}

interface PipelineHolder {
  client?: {
    pipeline?: { removePolicy?(o: { phase: string }): unknown; addPolicy?(p: PipelinePolicy): unknown };
  };
}

/** Turns botbuilder starts itself for a proactive post (a reminder). */
const PROACTIVE = new Set(["ContinueConversation", "CreateConversation"]);

/** Names one outgoing call for a shutdown warning: which chat, which message, what it was. */
function callLabel(context: TurnContext, op: "send" | "update", activity: Partial<Activity>): ConnectorCall {
  const conversation = activity.conversation?.id ?? context.activity.conversation?.id ?? "";
  if (op === "update") return { what: "card update", conversation, activityId: activity.id ?? "" };
  const inbound = context.activity;
  if (inbound.type === "event" && PROACTIVE.has(inbound.name ?? ""))
    return { what: "reminder", conversation };
  return activity.replyToId
    ? { what: "reply", conversation, replyToId: activity.replyToId }
    : { what: "message", conversation };
}

export class TeamsAdapter extends CloudAdapter {
  private readonly trimmed = new WeakSet<object>();
  private readonly connectors = new Map<string, ReturnType<ConnectorFactory["create"]>>();
  private readonly timeoutMs: number;
  /**
   * What a shutdown waits for (index.ts starts it): turns still running after their invoke was
   * answered, and every connector call, which ends inside its window.
   */
  readonly drain: TeamsDrain;

  constructor(
    auth: Auth,
    private readonly logger: Logger,
    private readonly retry: ConnectorOptions = {},
  ) {
    super(auth);
    this.drain = new TeamsDrain(logger);
    this.timeoutMs = retry.timeoutMs ?? CONNECTOR_TIMEOUT_MS;
  }

  /** Authenticates one inbound activity, runs the turn and returns what the HTTP response carries. */
  async run(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    let auth: AuthResult;
    try {
      auth = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (isAuthFailure(err)) throw new UnauthorizedError((err as Error).message);
      throw err;
    }
    auth.connectorFactory = this.reuseConnectors(auth.connectorFactory);
    if (activity.type !== "invoke" || activity.deliveryMode === "expectReplies")
      return this.processActivity(auth, activity, logic);
    // Teams waits about 5 s for an invoke's answer: it goes out as soon as the bot has it, and work
    // the bot does after it (updating the card for everyone) finishes in the same turn afterwards.
    return new Promise((resolve, reject) => {
      let answered = false;
      const early: EarlyAnswer = (response) => {
        answered = true;
        resolve(response);
      };
      const turn = this.processActivity(auth, activity, async (context) => {
        context.turnState.set(EARLY_ANSWER, early);
        await logic(context);
      });
      this.drain.turns.track(turn).then(resolve, (err: unknown) => {
        if (!answered) return reject(err);
        this.logger.error("turn failed after its invoke was answered", { err, name: activity.name });
      });
    });
  }

  /**
   * botbuilder builds a new ConnectorClient (an HTTP pipeline and agent) on every turn; reusing one
   * per service URL keeps connections to the Bot Connector warm and saves that work. This adapter
   * serves a single app id, so the service URL and audience identify a client.
   */
  private reuseConnectors(inner: ConnectorFactory | undefined): ConnectorFactory | undefined {
    if (!inner) return inner;
    return {
      create: (serviceUrl: string, audience?: string) => {
        const key = `${serviceUrl}\n${audience ?? ""}`;
        let client = this.connectors.get(key);
        if (!client) {
          client = inner.create(serviceUrl, audience);
          client.catch(() => this.connectors.delete(key));
          if (this.connectors.size >= MAX_CONNECTORS)
            this.connectors.delete(this.connectors.keys().next().value ?? "");
          this.connectors.set(key, client);
        }
        return client;
      },
    };
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    this.ownRetries(context);
    const out: ResourceResponse[] = [];
    // One at a time: retrying a batch would resend the activities that already went through.
    for (const activity of activities) {
      const send = () => super.sendActivities(context, [activity]);
      // An invoke's answer, or a reply the caller asked to get back (expectReplies), travels in the
      // HTTP response: no connector call, so nothing to retry or for a shutdown to give up.
      const inResponse =
        activity.type === "invokeResponse" || context.activity.deliveryMode === "expectReplies";
      const [r] = inResponse
        ? await send()
        : await this.call(context, callLabel(context, "send", activity), send);
      out.push(r ?? { id: "" });
      if (activity.type === "invokeResponse")
        (context.turnState.get(EARLY_ANSWER) as EarlyAnswer | undefined)?.(activity.value as InvokeResponse);
    }
    return out;
  }

  override async updateActivity(
    context: TurnContext,
    activity: Partial<Activity>,
  ): Promise<ResourceResponse | undefined> {
    this.ownRetries(context);
    const label = callLabel(context, "update", activity);
    const r = await this.call(context, label, () => super.updateActivity(context, activity));
    return r || undefined;
  }

  /** One connector call with our retries, under the deadline; every failed attempt is counted. */
  private async call<T>(context: TurnContext, label: ConnectorCall, fn: () => Promise<T>): Promise<T> {
    const op = label.what === "card update" ? "update" : "send";
    const started = performance.now();
    const retried = () =>
      withRetry(fn, {
        ...this.retry,
        ...(context.turnState.get(SINGLE_TRY) ? { tries: 1 } : {}),
        onRetry: (info) => {
          metrics.apiErrors.inc({ platform: "teams", code: String(info.status) });
          this.logger.warn("connector call retried", { op, ...info });
        },
      });
    // The connector's own deadline (10 s) outlasts a shutdown's wait: the shutdown's ends the call
    // first, through the same timeout path, so the turn still finishes in time. The shutdown also
    // tracks the call, and names it if it has to give it up.
    const bounded = () =>
      this.drain.call(label, retried, () =>
        ConnectorTimeoutError.cutByShutdown(op, Math.round(performance.now() - started)),
      );
    try {
      return await withDeadline(bounded, this.timeoutMs, op);
    } catch (err) {
      // The pipeline's own timeout (set below) may fire first: the same stall, said the same way.
      const timedOut = err instanceof ConnectorTimeoutError || (err as Error | null)?.name === "AbortError";
      if (timedOut) {
        metrics.apiErrors.inc({ platform: "teams", code: "timeout" });
        const cut = (err as ConnectorTimeoutError).cutByShutdown === true || this.drain.deadline.passed;
        this.logger.warn("connector call timed out", {
          op,
          ...label,
          timeoutMs: this.timeoutMs,
          ...(cut ? { cutByShutdown: true, afterMs: Math.round(performance.now() - started) } : {}),
        });
        throw err instanceof ConnectorTimeoutError ? err : new ConnectorTimeoutError(op, this.timeoutMs);
      }
      // No status: the connector was not reached (DNS, TLS, refused, token acquisition).
      metrics.apiErrors.inc({ platform: "teams", code: String(statusOf(err) ?? "network") });
      throw err;
    }
  }

  /**
   * The connector's HTTP pipeline has its own retry policy (up to 3 retries, delays of seconds), which
   * stacked under ours would break the time bound; ours is the single retry layer. Each request also
   * gets the deadline as its socket timeout, and is aborted when the shutdown's deadline gives it up,
   * so an abandoned call does not keep its connection open. Done once per (reused) client.
   */
  private ownRetries(context: TurnContext): void {
    const holder = context.turnState.get(this.ConnectorClientKey) as PipelineHolder | undefined;
    const pipeline = holder?.client?.pipeline;
    if (!pipeline || this.trimmed.has(pipeline)) return;
    pipeline.removePolicy?.({ phase: "Retry" });
    const timeout = this.timeoutMs;
    const shutdown = this.drain.deadline.signal;
    pipeline.addPolicy?.({
      name: "sipcodeConnectorTimeout",
      sendRequest: (request, next) => {
        request.timeout = timeout;
        // Without this a call given up at the deadline kept its socket open until its own timeout
        // (10 s) or the process exit, holding the stop past the shutdown's window.
        return withSignals(request.abortSignal, shutdown, (signal) => {
          request.abortSignal = signal;
          return next(request);
        });
      },
    });
    this.trimmed.add(pipeline);
  }
}
