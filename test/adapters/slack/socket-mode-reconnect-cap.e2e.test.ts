// Socket Mode through a long Slack outage: the pauses between tries to reconnect stop growing at
// SLACK_SOCKET_RETRY_MAX_MS, so once Slack answers again the bot is back within that cap, and the
// log warns once about the outage instead of at every try.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { FakeSlack, socketModeEnv } from "./fake-slack-socket.js";
import { slashFields, until } from "./harness.js";

/** The cap for this test: small, so an outage of many tries fits in a few seconds. */
const CAP_MS = 1_000;
/** Room for the reconnect itself (a WebSocket on loopback) on a busy test machine. */
const MARGIN_MS = 1_000;
/** Failed tries before Slack comes back; without a cap each pause would be 5 s longer than the last. */
const FAILED_TRIES = 8;

let slack: FakeSlack;
let server: RunningServer;
const lines: { level: string; msg: string }[] = [];

/** When each apps.connections.open reached Slack, as seen by polling every 10 ms. */
const openedAt: number[] = [];
let watching: ReturnType<typeof setInterval> | undefined;

beforeAll(async () => {
  slack = await FakeSlack.start();
  const config = loadConfig(socketModeEnv(slack, undefined, { SLACK_SOCKET_RETRY_MAX_MS: String(CAP_MS) }));
  const logger = createLogger("debug", {}, (l) => lines.push(JSON.parse(l)));
  server = await startServer(config, { catalog: catalog(), logger });
  await until(() => slack.sockets.length === 1);
  watching = setInterval(() => {
    while (openedAt.length < slack.callsTo("apps.connections.open").length) openedAt.push(Date.now());
  }, 10);
});

afterAll(async () => {
  clearInterval(watching);
  await server.close();
  await slack.close();
});

const readyz = async () => (await fetch(`http://127.0.0.1:${server.port}/readyz`)).status;

describe("Slack Socket Mode reconnecting after a long outage", () => {
  it("asks Slack again at most the cap apart, however many tries the outage takes", {
    timeout: 40_000,
  }, async () => {
    const before = slack.callsTo("apps.connections.open").length;
    slack.openStatus = 503;
    slack.live.terminate();
    await until(() => openedAt.length >= before + FAILED_TRIES, 30_000);
    const tries = openedAt.slice(before, before + FAILED_TRIES);
    const gaps = tries.slice(1).map((t, i) => t - (tries[i] as number));
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(CAP_MS + 300);
    // Spread out, yet not hammering Slack: no two tries closer than half the cap.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(CAP_MS / 2 - 50);
  });

  it("is connected again within the cap once Slack is back, and answers", { timeout: 20_000 }, async () => {
    const back = Date.now();
    slack.openStatus = undefined;
    await until(() => slack.sockets.length === 2 && !slack.closed.has(slack.live), CAP_MS + MARGIN_MS);
    expect(Date.now() - back).toBeLessThanOrEqual(CAP_MS + MARGIN_MS);
    const id = slack.send("slash_commands", {
      ...slashFields("488"),
      response_url: `${slack.apiUrl}respond/1`,
    });
    await until(() => slack.ackFor(id) !== undefined, 2_000);
    expect(JSON.stringify(slack.ackFor(id)?.payload)).toMatch(/488 Not Acceptable Here/);
    expect(await readyz()).toBe(200);
  });

  it("warns once about the outage, logs each try at debug, and says when Slack answered", () => {
    const warned = lines.filter((l) => l.level === "warn" && l.msg.startsWith("Slack is unreachable"));
    expect(warned.map((l) => l.msg)).toEqual([
      "Slack is unreachable: apps.connections.open answered HTTP 503; Socket Mode keeps asking, at most 1 s apart",
    ]);
    const tries = lines.filter((l) => l.msg === "slack socket mode will ask for a connection again");
    expect(tries.length).toBeGreaterThanOrEqual(FAILED_TRIES);
    expect(tries.every((l) => l.level === "debug")).toBe(true);
    const answered = lines.filter((l) => l.msg === "Slack answered apps.connections.open again");
    expect(answered.map((l) => l.level)).toEqual(["info"]);
  });
});
