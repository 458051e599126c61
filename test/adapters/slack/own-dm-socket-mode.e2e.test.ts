// Messages in sipcode's own DM over Socket Mode: the real server on a real WebSocket to the local
// fake Slack (fake-slack-socket.ts) answers them as over HTTP, and still ignores bots' messages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { FakeSlack, socketModeEnv } from "./fake-slack-socket.js";
import { eventEnvelope, PASTED_488, until } from "./harness.js";

let slack: FakeSlack;
let server: RunningServer;

beforeAll(async () => {
  slack = await FakeSlack.start();
  server = await startServer(loadConfig(socketModeEnv(slack)), {
    catalog: catalog(),
    logger: createLogger("silent"),
  });
  await until(() => slack.sockets.length === 1);
});

afterAll(async () => {
  await server.close();
  await slack.close();
});

/** A message in sipcode's DM, delivered over the socket; resolves once Slack has its ack. */
async function deliver(ts: string, fields: Record<string, unknown>): Promise<void> {
  const event = { type: "message", channel: "D0BOTDM2", channel_type: "im", ts, event_ts: ts, ...fields };
  const id = slack.send("events_api", eventEnvelope(event));
  await until(() => slack.ackFor(id) !== undefined);
}

describe("sipcode's own DM over Socket Mode", () => {
  it("answers a person's pasted log in its thread and leaves a bot's message alone", async () => {
    await deliver("1700004001.000100", { bot_id: "B0SIPCODE", user: "UBOT", text: PASTED_488 });
    await deliver("1700004002.000100", { user: "U1", text: PASTED_488 });
    await until(() => slack.callsTo("chat.postMessage").length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const posts = slack.callsTo("chat.postMessage");
    expect(posts).toHaveLength(2);
    expect(
      posts.every((p) => p.body.channel === "D0BOTDM2" && p.body.thread_ts === "1700004002.000100"),
    ).toBe(true);
    expect(String(posts[0]?.body.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    expect(String(posts[1]?.body.blocks)).toMatch(/checklist_tick/);
  });
});
