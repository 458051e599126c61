// A Slack Web API that accepts connections and never answers, as a loopback server: each stalled
// chat.postMessage is given up after the client's deadline, logged, counted and told to the user,
// and once the API answers again new mentions are answered (the reply slots were freed).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import type { RunningServer } from "../../../src/server.js";
import { eventBody, postSigned, startSlackServer, until } from "./harness.js";

type Call = { method: string; body: Record<string, string> };

/** Stands in for slack.com/api: answers ok, or leaves chat.postMessage hanging while `stall` is set. */
class StallingSlack {
  stall = false;
  readonly calls: Call[] = [];
  private constructor(readonly server: Server) {}

  static async start(): Promise<StallingSlack> {
    const api = new StallingSlack(createServer((req, res) => void api.handle(req, res)));
    await new Promise<void>((r) => api.server.listen(0, "127.0.0.1", r));
    return api;
  }

  get url(): string {
    const a = this.server.address();
    return `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}/api/`;
  }

  private async handle(req: IncomingMessage, res: import("node:http").ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const method = (req.url ?? "").replace(/^\/api\//, "");
    this.calls.push({ method, body: Object.fromEntries(new URLSearchParams(raw)) });
    if (this.stall && method === "chat.postMessage") return; // accepted, never answered
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, ts: "1.2" }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

const JSON_TYPE = "application/json";
const logs: Array<Record<string, unknown>> = [];
let api: StallingSlack;
let server: RunningServer;

beforeAll(async () => {
  api = await StallingSlack.start();
  const logger = createLogger("warn", {}, (line) => void logs.push(JSON.parse(line)));
  server = await startSlackServer({ SLACK_API_URL: api.url }, { slack: { apiTimeoutMs: 200 }, logger });
});
afterAll(async () => {
  await server.close();
  await api.close();
});

const mention = (i: number) =>
  eventBody({
    type: "app_mention",
    user: `U${i}`,
    channel: "C1",
    ts: `17000100${String(i).padStart(2, "0")}.000100`,
    text: "<@UBOT> SIP/2.0 488 Not Acceptable Here\nCSeq: 1 INVITE",
  });

describe("a stalled Slack Web API", () => {
  it("gives up, tells each user, logs it, and answers again once Slack recovers", async () => {
    api.stall = true;
    // More mentions than there are reply slots (8): all of them must be given up, none stuck.
    for (let i = 0; i < 10; i++) expect((await postSigned(server, mention(i), JSON_TYPE)).status).toBe(200);
    const told = () => api.calls.filter((c) => c.method === "chat.postEphemeral");
    await until(() => told().length === 10, 8_000);
    expect(
      told()
        .map((c) => c.body.user)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `U${i}`).sort());
    expect(told()[0]?.body.text).toMatch(/Slack didn't answer in time/);
    expect(logs).toContainEqual(expect.objectContaining({ msg: "chat.postMessage failed", code: "timeout" }));
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(metrics).toMatch(/sipcode_platform_api_errors_total\{code="timeout",platform="slack"\} [1-9]/);

    api.stall = false;
    await postSigned(server, mention(42), JSON_TYPE);
    const answered = () =>
      api.calls.filter((c) => c.method === "chat.postMessage" && c.body.thread_ts === "1700010042.000100");
    await until(() => answered().length === 2, 4_000);
    expect(answered()[0]?.body.text).toMatch(/First failure: SIP 488/);
  });
});
