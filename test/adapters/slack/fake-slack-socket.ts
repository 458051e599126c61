// A stand-in for Slack on loopback, for Socket Mode: the Web API (apps.connections.open hands out a
// WebSocket URL, chat.* calls are recorded) and the WebSocket that carries envelopes and acks.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface ApiCall {
  method: string;
  authorization: string;
  body: Record<string, unknown>;
}

type Ack = { envelope_id: string; payload?: Record<string, unknown> };

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const chunk of req) text += chunk;
  if ((req.headers["content-type"] ?? "").includes("json")) return text ? JSON.parse(text) : {};
  return Object.fromEntries(new URLSearchParams(text));
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly acks: Ack[] = [];
  /** Every WebSocket the app has opened, in order; `closed` tells which ones have ended. */
  readonly sockets: WebSocket[] = [];
  readonly closed = new Set<WebSocket>();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private nextEnvelope = 1;

  private constructor() {
    this.http = createServer((req, res) => {
      void this.api(req).then((out) => {
        const failing = this.openStatus !== undefined && (req.url ?? "").includes("apps.connections.open");
        res
          .writeHead(failing ? (this.openStatus as number) : 200, { "content-type": "application/json" })
          .end(out);
      });
    });
    this.wss = new WebSocketServer({ server: this.http, path: "/link" });
    this.wss.on("connection", (ws) => {
      this.sockets.push(ws);
      ws.on("close", () => this.closed.add(ws));
      ws.on("message", (data) => this.acks.push(JSON.parse(String(data)) as Ack));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
    });
  }

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.http.listen(0, "127.0.0.1");
    await once(fake.http, "listening");
    return fake;
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The socket the app is using now. */
  get live(): WebSocket {
    const ws = this.sockets.at(-1);
    if (!ws || this.closed.has(ws)) throw new Error("the app has no open Socket Mode connection");
    return ws;
  }

  /** Sends an envelope the way Slack does and returns its id, for finding the ack. */
  send(type: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    const envelope_id = `env-${this.nextEnvelope++}`;
    this.live.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: true, ...extra }));
    return envelope_id;
  }

  ackFor(envelopeId: string): Ack | undefined {
    return this.acks.find((a) => a.envelope_id === envelopeId);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise((r) => this.http.close(r));
  }

  /** While set, apps.connections.open answers with this HTTP status (an outage at Slack). */
  openStatus: number | undefined;

  private async api(req: IncomingMessage): Promise<string> {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const body = await readBody(req);
    this.calls.push({ method, authorization: req.headers.authorization ?? "", body });
    if (method === "apps.connections.open")
      return JSON.stringify({ ok: true, url: `ws://127.0.0.1:${this.port}/link` });
    if (method.startsWith("chat."))
      return JSON.stringify({ ok: true, ts: `1700000002.${this.calls.length}` });
    return JSON.stringify({ ok: false, error: "unknown_method" });
  }
}

/** The environment of a production server in Socket Mode against `slack`, plus `extra`. */
/** The bot and app tokens the Socket Mode tests run with (the fake Slack accepts any). */
export const SOCKET_TOKENS = { bot: "xoxb-socket-bot", app: "xapp-1-A1-1-socketsecret" } as const;

export function socketModeEnv(
  slack: FakeSlack,
  tokens: { bot: string; app: string } = SOCKET_TOKENS,
  extra: Record<string, string> = {},
) {
  return {
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SLACK_BOT_TOKEN: tokens.bot,
    SLACK_APP_TOKEN: tokens.app,
    SLACK_API_URL: slack.apiUrl,
    ...extra,
  };
}
