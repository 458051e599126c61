// A request that was already on an open connection when the shutdown began but finished arriving
// only after its deadline (6 s), when every Web API call fails at once. An event is refused with a
// 503, so Slack sends it again to a replica still running; a click, which Slack does not resend,
// is named in the shutdown warning and the stop is reported as not clean.
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import type { RunningServer } from "../../../src/server.js";
import { type FakeHttp, startFakeHttp } from "../../helpers/fake-http.js";
import { eventBody, interaction, sign, startSlackServer } from "./harness.js";

let api: FakeHttp | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  await api?.close();
  server = undefined;
  api = undefined;
});

async function start(): Promise<{ logs: Array<Record<string, unknown>> }> {
  api = await startFakeHttp(() => ({ body: { ok: true, ts: "1700000099.000100" } }));
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger("info", {}, (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  server = await startSlackServer({ SLACK_API_URL: `${api.url}/api/` }, { logger });
  return { logs };
}

/**
 * Sends the start of a signed request, begins the shutdown, sends the rest 6.5 s later (past the
 * deadline) and resolves with the answer's status once the server has stopped.
 */
async function lateRequest(body: string, contentType: string): Promise<number> {
  const running = server as RunningServer;
  const req = request({
    host: "127.0.0.1",
    port: running.port,
    method: "POST",
    path: "/slack/events",
    headers: { "content-type": contentType, "content-length": Buffer.byteLength(body), ...sign(body) },
  });
  const answered = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  req.write(body.slice(0, 10));
  await new Promise((r) => setTimeout(r, 100));
  const closed = running.close();
  await new Promise((r) => setTimeout(r, 6_500));
  req.end(body.slice(10));
  const status = await answered;
  await closed;
  return status;
}

describe("a request that finishes arriving after the shutdown deadline", () => {
  it("an event is refused so Slack sends it again; nothing was lost, so the stop is clean", async () => {
    const { logs } = await start();
    const event = {
      type: "app_mention",
      channel: "C7",
      user: "U1",
      ts: "1700000050.000500",
      thread_ts: "1700000040.000100",
      text: "<@UBOT> SIP/2.0 503 Service Unavailable",
    };
    const status = await lateRequest(eventBody(event, "EvLate1"), "application/json");

    expect(status).toBe(503);
    expect(api?.requests.filter((r) => r.path.includes("chat."))).toEqual([]);
    expect(logs.find((l) => String(l.msg).startsWith("Slack event refused"))).toMatchObject({
      event_id: "EvLate1",
      channel: "C7",
      ts: "1700000050.000500",
      thread_ts: "1700000040.000100",
    });
    expect(logs.at(-1)).toMatchObject({ msg: "stopped", clean: true });
  }, 20_000);

  it("a shortcut is acked but cannot be answered: it is named and the stop is not clean", async () => {
    const { logs } = await start();
    const shortcut = interaction({
      type: "message_action",
      callback_id: "explain_error_codes",
      trigger_id: "1.late",
      team: { id: "T1" },
      user: { id: "U1", name: "alice" },
      channel: { id: "C7", name: "incident" },
      message: {
        type: "message",
        user: "U2",
        ts: "1700000060.000100",
        text: "SIP/2.0 488 Not Acceptable Here",
      },
      response_url: `${api?.url}/respond/late`,
    });
    const status = await lateRequest(shortcut, "application/x-www-form-urlencoded");

    expect(status).toBe(200);
    expect(api?.requests.filter((r) => r.path.startsWith("/respond/"))).toEqual([]);
    expect(
      logs.find((l) => l.msg === "shutdown deadline: Slack calls still open are given up"),
    ).toMatchObject({ left: 1, replies: [{ kind: "message_action", channel: "C7", trigger_id: "1.late" }] });
    expect(logs.at(-1)).toMatchObject({ msg: "stopped", clean: false });
  }, 20_000);
});
