// Whether the Socket Mode connection to Slack is up. Slack refreshes the connection every few
// hours and the client reconnects by itself, so a short gap is routine; a connection that stays
// down longer than the grace period, or that Slack's outage keeps from ever opening, means nobody
// is getting answers, and /readyz says so.
import type { SocketModeReceiver } from "@slack/bolt";
import { SipcodeError } from "../../errors.js";
import type { Logger } from "../../log.js";
import { openWithRetries, SOCKET_RETRY_MAX_MS } from "./socket-retry.js";
import { REFUSED_TOKEN } from "./token-check.js";

type SocketModeClient = SocketModeReceiver["client"];

/** How long the connection may be down before /readyz reports it (SLACK_SOCKET_GRACE_MS). */
export const SOCKET_GRACE_MS = 30_000;

/** The sentence for an app-level token Slack refused. */
export function appTokenRefused(code: string): string {
  return `Slack refused SLACK_APP_TOKEN (${code}): check it is the app-level token (xapp-…) of this app, with the connections:write scope, and that Socket Mode is enabled.`;
}

/** What the first attempt to connect came to: connected, or a Slack outage being waited out. */
export type FirstOutcome = "connected" | "outage";

export class SocketState {
  /** When the connection went down (or first failed to open); undefined while it is up. */
  private downSince: number | undefined;
  private stopping = false;
  /** Set once the first connection opened: from then on a gap gets the grace period. */
  private everUp = false;
  /** Why apps.connections.open last failed ("HTTP 503", "no answer"); cleared when it answers. */
  private failure: string | undefined;
  /** The error code Slack refused the app token with; the client is left waiting for good. */
  private refused: string | undefined;
  private readonly settle = settler<FirstOutcome>();
  /** Ends a pause between tries of apps.connections.open when the process shuts down. */
  private readonly stopped = new AbortController();

  constructor(
    private readonly logger: Logger,
    private readonly graceMs = SOCKET_GRACE_MS,
    private readonly now: () => number = Date.now,
    private readonly retryMaxMs = SOCKET_RETRY_MAX_MS,
  ) {
    // Nobody may be waiting on it (a refusal after start-up is reported by problem() instead).
    this.settle.promise.catch(() => {});
  }

  /** Follows the connection of `client` from now on. */
  watch(client: Pick<SocketModeClient, "on">): void {
    client.on("connected", () => {
      if (this.downSince !== undefined)
        this.logger.info(
          this.everUp
            ? "slack socket mode connection restored"
            : "slack socket mode connected after the outage",
          { downMs: this.now() - this.downSince },
        );
      this.everUp = true;
      this.downSince = undefined;
      this.failure = undefined;
      this.settle.resolve("connected");
    });
    const down = () => {
      if (this.stopping || this.downSince !== undefined) return;
      this.downSince = this.now();
      if (!this.everUp) {
        // Slack handed out a URL but its WebSocket did not open: an outage too.
        this.logger.warn("Slack Socket Mode could not connect; retrying");
        this.settle.resolve("outage");
      } else this.logger.warn("slack socket mode connection lost; reconnecting");
    };
    client.on("reconnecting", down);
    client.on("disconnected", down);
    client.on("close", down);
  }

  /**
   * Resolves once the first connection opened, or once Slack failed to hand one out (an outage,
   * waited out in the background); rejects with the sentence naming SLACK_APP_TOKEN when Slack
   * refused the token first.
   */
  firstOutcome(): Promise<FirstOutcome> {
    return this.settle.promise;
  }

  /**
   * The fetch for the Socket Mode client's own Web API calls. The client gives up for good when
   * apps.connections.open fails with an HTTP error or no answer (and, on a retry, leaves a
   * rejected promise nobody handles, which ends the process), and its own pauses between tries
   * grow without a cap. So a 5xx, a 429 or no answer never reaches it: the call is tried again
   * here with capped pauses (socket-retry.ts) until Slack answers, at start-up as after a drop.
   * A refused token is held back from it too: retrying cannot help, and its rejection could not
   * be caught; problem() and firstOutcome() report it.
   */
  fetchFor(base: typeof fetch): typeof fetch {
    const hooks = {
      failed: (failure: string) => this.outage(failure),
      stopped: () => this.stopping,
      signal: this.stopped.signal,
    };
    return async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.includes("apps.connections.open")) return base(input, init);
      const res = await openWithRetries(base, input, init, hooks, this.logger, this.retryMaxMs);
      this.failure = undefined;
      const code = await refusalIn(res);
      if (code === undefined) return res;
      this.refuse(code);
      return new Promise<Response>(() => {});
    };
  }

  private outage(failure: string): void {
    this.failure = failure;
    if (this.stopping || this.everUp) return;
    if (this.downSince === undefined) this.downSince = this.now();
    this.settle.resolve("outage");
  }

  private refuse(code: string): void {
    this.refused = code;
    this.logger.error(appTokenRefused(code), { code });
    this.settle.reject(new SipcodeError("PLATFORM_API", appTokenRefused(code)));
  }

  /** A shutdown closes the connection on purpose: that is no outage. */
  stop(): void {
    this.stopping = true;
    this.stopped.abort();
  }

  /** Why Slack cannot reach this process: a refused token, an outage, a connection down too long. */
  problem(): string | undefined {
    if (this.stopping) return undefined;
    if (this.refused) return `Slack refused SLACK_APP_TOKEN (${this.refused})`;
    if (this.downSince === undefined) return undefined;
    const down = Math.round((this.now() - this.downSince) / 1000);
    // Before the first connection there is no routine gap to allow for.
    if (!this.everUp)
      return `Slack Socket Mode not connected for ${down} s: Slack is unreachable (${this.failure ? `apps.connections.open ${this.failure}` : "its WebSocket did not open"}); retrying`;
    if (this.now() - this.downSince < this.graceMs) return undefined;
    return `Slack Socket Mode connection down for ${down} s; reconnecting`;
  }
}

/** A promise with its resolve and reject at hand (Node 20 has no Promise.withResolvers). */
function settler<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (err: Error) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The refusal code in an apps.connections.open answer, if Slack refused the token. */
async function refusalIn(res: Response): Promise<string | undefined> {
  try {
    const body = (await res.clone().json()) as { ok?: boolean; error?: string };
    return body.ok === false && body.error && REFUSED_TOKEN.has(body.error) ? body.error : undefined;
  } catch {
    return undefined;
  }
}
