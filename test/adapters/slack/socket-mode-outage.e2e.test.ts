// Socket Mode when Slack has an outage: the connection drops and apps.connections.open fails for a
// while. The process keeps running, /readyz says Slack is unreachable once the outage outlasts
// SLACK_SOCKET_GRACE_MS, and answers resume when Slack is back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { FakeSlack, socketModeEnv } from "./fake-slack-socket.js";
import { slashFields, until } from "./harness.js";

/** Polls an async condition every 100 ms until it holds or `ms` have passed. */
async function eventually(done: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error("timed out waiting for /readyz");
    await new Promise((r) => setTimeout(r, 100));
  }
}

let slack: FakeSlack;
let server: RunningServer;

beforeAll(async () => {
  slack = await FakeSlack.start();
  const config = loadConfig(socketModeEnv(slack, undefined, { SLACK_SOCKET_GRACE_MS: "1000" }));
  server = await startServer(config, { catalog: catalog(), logger: createLogger("silent") });
  await until(() => slack.sockets.length === 1);
});

afterAll(async () => {
  await server.close();
  await slack.close();
});

const readyz = async () => {
  const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
  return { status: res.status, body: await res.text() };
};

describe("Slack Socket Mode through an outage", () => {
  it("is ready while connected", async () => {
    expect((await readyz()).status).toBe(200);
  });

  it("keeps running and reports the lost connection while Slack refuses to reconnect", {
    timeout: 30_000,
  }, async () => {
    slack.openStatus = 503;
    slack.live.terminate();
    await eventually(async () => (await readyz()).status === 503, 10_000);
    expect((await readyz()).body).toMatch(/Slack Socket Mode connection down/);
    // It keeps asking Slack for a connection (with growing pauses) rather than giving up.
    const opened = slack.callsTo("apps.connections.open").length;
    await until(() => slack.callsTo("apps.connections.open").length >= opened + 1, 15_000);
    expect((await readyz()).status).toBe(503);
  });

  it("reconnects once Slack is back, and answers again", { timeout: 30_000 }, async () => {
    slack.openStatus = undefined;
    await eventually(async () => (await readyz()).status === 200, 20_000);
    const id = slack.send("slash_commands", {
      ...slashFields("488"),
      response_url: `${slack.apiUrl}respond/1`,
    });
    await until(() => slack.ackFor(id) !== undefined);
    expect(JSON.stringify(slack.ackFor(id)?.payload)).toMatch(/488 Not Acceptable Here/);
  });
});
