// Socket Mode end to end: the real server with SLACK_APP_TOKEN, Bolt's Socket Mode client on a real
// WebSocket to a stand-in for Slack on loopback (fake-slack-socket.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { FakeSlack, SOCKET_TOKENS, socketModeEnv } from "./fake-slack-socket.js";
import { eventEnvelope, slashFields, until } from "./harness.js";

const APP_TOKEN = SOCKET_TOKENS.app;

let slack: FakeSlack;
let server: RunningServer;
let stopped = false;

beforeAll(async () => {
  slack = await FakeSlack.start();
  const config = loadConfig(socketModeEnv(slack));
  server = await startServer(config, { catalog: catalog(), logger: createLogger("silent") });
  await until(() => slack.sockets.length === 1);
});

afterAll(async () => {
  if (!stopped) await server.close();
  await slack.close();
});

function command(text: string): Record<string, unknown> {
  return { ...slashFields(text), response_url: `${slack.apiUrl}respond/1` };
}

describe("Slack over Socket Mode", () => {
  it("opens the connection with the app token and serves no Slack HTTP route", async () => {
    const open = slack.callsTo("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    const ready = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("answers /sipcode 488 in the envelope ack", async () => {
    const id = slack.send("slash_commands", command("488"));
    await until(() => slack.ackFor(id) !== undefined);
    const payload = slack.ackFor(id)?.payload ?? {};
    expect(payload.response_type).toBe("ephemeral");
    expect(JSON.stringify(payload.blocks)).toMatch(/488 Not Acceptable Here/);
    expect(String(payload.text)).toMatch(/488/);
  });

  it("answers an unknown code with a sentence, not silence", async () => {
    const id = slack.send("slash_commands", command("999"));
    await until(() => slack.ackFor(id) !== undefined);
    expect(JSON.stringify(slack.ackFor(id)?.payload)).toMatch(/999 is not a code I know/);
  });

  it("acks a pasted log at once and replies in its thread without echoing secrets", async () => {
    const text = [
      "<@UBOT> trunk is failing",
      "SIP/2.0 403 Forbidden",
      "CSeq: 2 INVITE",
      'Proxy-Authorization: Digest username="pbx", nonce="aa11bb22cc33", response="0f1e2d3c4b5a69788796a5b4c3d2e1f0"',
    ].join("\n");
    const before = slack.callsTo("chat.postMessage").length;
    const id = slack.send(
      "events_api",
      eventEnvelope(
        { type: "app_mention", user: "U1", channel: "C1", ts: "1700000005.000100", text },
        "EvSock1",
      ),
    );
    await until(
      () => slack.ackFor(id) !== undefined && slack.callsTo("chat.postMessage").length >= before + 2,
    );
    const posts = slack.callsTo("chat.postMessage").slice(before);
    expect(posts.every((p) => p.body.thread_ts === "1700000005.000100" && p.body.channel === "C1")).toBe(
      true,
    );
    expect(posts.every((p) => p.authorization === `Bearer ${SOCKET_TOKENS.bot}`)).toBe(true);
    expect(String(posts[0]?.body.text)).toMatch(/403 Forbidden/);
    expect(JSON.stringify(posts)).not.toMatch(/aa11bb22cc33|0f1e2d3c4b5a69788796a5b4c3d2e1f0/);
  });

  it("reconnects when Slack asks for a refresh, and keeps answering", async () => {
    slack.live.send(JSON.stringify({ type: "disconnect", reason: "refresh_requested" }));
    await until(() => slack.sockets.length === 2 && slack.closed.has(slack.sockets[0] as never), 8000);
    expect(slack.callsTo("apps.connections.open")).toHaveLength(2);
    // The client counts the connection as up once Slack's hello has arrived.
    await new Promise((r) => setTimeout(r, 100));
    const id = slack.send("slash_commands", command("timers"));
    await until(() => slack.ackFor(id) !== undefined);
    expect(JSON.stringify(slack.ackFor(id)?.payload)).toMatch(/Timer B/);
  });

  it("closes the WebSocket on shutdown and does not reconnect", async () => {
    const opened = slack.callsTo("apps.connections.open").length;
    const socket = slack.live;
    await server.close();
    stopped = true;
    await until(() => slack.closed.has(socket));
    await new Promise((r) => setTimeout(r, 500));
    expect(slack.callsTo("apps.connections.open")).toHaveLength(opened);
    expect(slack.sockets.filter((s) => !slack.closed.has(s))).toHaveLength(0);
  });
});
