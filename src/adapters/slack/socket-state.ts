// Whether the Socket Mode connection to Slack is up. Slack refreshes the connection every few
// hours and the client reconnects by itself, so a short gap is routine; a connection that stays
// down longer than the grace period means nobody is getting answers, and /readyz says so.
import type { SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../log.js";

type SocketModeClient = SocketModeReceiver["client"];

/** How long the connection may be down before /readyz reports it (SLACK_SOCKET_GRACE_MS). */
export const SOCKET_GRACE_MS = 30_000;

export class SocketState {
  /** When the connection went down; undefined while it is up (or before it first opened). */
  private downSince: number | undefined;
  private stopping = false;
  /** Set once the first connection opened: from then on, failures to reconnect are an outage. */
  private everUp = false;

  constructor(
    private readonly logger: Logger,
    private readonly graceMs = SOCKET_GRACE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Follows the connection of `client` from now on. */
  watch(client: Pick<SocketModeClient, "on">): void {
    client.on("connected", () => {
      this.everUp = true;
      if (this.downSince !== undefined)
        this.logger.info("slack socket mode connection restored", { downMs: this.now() - this.downSince });
      this.downSince = undefined;
    });
    const down = () => {
      if (this.stopping || this.downSince !== undefined) return;
      this.downSince = this.now();
      this.logger.warn("slack socket mode connection lost; reconnecting");
    };
    client.on("reconnecting", down);
    client.on("disconnected", down);
    client.on("close", down);
  }

  /**
   * The fetch for the Socket Mode client's own Web API calls. The client gives up for good (and
   * leaves a rejected promise nobody handles, which ends the process) when apps.connections.open
   * fails with an HTTP error or no answer, but keeps retrying, with growing pauses, after an
   * error Slack reports in its JSON. Once connected, a 5xx, a 429 or no answer to that call is
   * handed to the client as such an error, so a Slack outage is waited out. At start-up a failure
   * still stops the process, naming it.
   */
  fetchFor(base: typeof fetch): typeof fetch {
    return async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!this.everUp || this.stopping || !url.includes("apps.connections.open")) return base(input, init);
      let status: number;
      try {
        const res = await base(input, init);
        if (res.status < 500 && res.status !== 429) return res;
        status = res.status;
      } catch {
        status = 0;
      }
      const error = status === 0 ? "slack_unreachable" : `slack_http_${status}`;
      return new Response(JSON.stringify({ ok: false, error }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    };
  }

  /** A shutdown closes the connection on purpose: that is no outage. */
  stop(): void {
    this.stopping = true;
  }

  /** Why Slack cannot reach this process, once the connection has been down past the grace. */
  problem(): string | undefined {
    if (this.downSince === undefined || this.stopping) return undefined;
    const down = this.now() - this.downSince;
    if (down < this.graceMs) return undefined;
    return `Slack Socket Mode connection down for ${Math.round(down / 1000)} s; reconnecting`;
  }
}
