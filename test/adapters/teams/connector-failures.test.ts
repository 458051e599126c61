// What users see when the Bot Connector fails, over HTTP against the Teams route with a nock-faked
// connector: a reset connection is retried and the answer delivered once; throttling, refusal and
// "too large" get their own sentence, sent once; a failed reminder post is retried by the reminder
// loop (or dropped on 403) and never followed by an apology in the thread.
import { createServer, type Server } from "node:http";
import type { Activity } from "botbuilder";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeamsPart } from "../../../src/adapters/teams/index.js";
import { FORBIDDEN, TEAMS_FAILED, THROTTLED } from "../../../src/adapters/teams/turn-error.js";
import { metrics } from "../../../src/metrics/index.js";
import { MemoryStore } from "../../../src/store/memory.js";
import { ReminderLoop } from "../../../src/store/reminders.js";
import { catalog } from "../../helpers/catalog.js";
import { CONVERSATIONS, cardOf, cardText, executeInvoke, memoryLogger, message } from "./helpers.js";
import { CONNECTOR, env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

// The reminder loop's clock; the bot stamps reminders with the real time.
let clock = Date.now();
const log = memoryLogger();
const store = new MemoryStore();
const loop = new ReminderLoop(store, log.logger, { now: () => clock });
let http: Server;
let port = 0;

beforeAll(async () => {
  const part = await createTeamsPart({
    config: env(),
    catalog: catalog(),
    logger: log.logger,
    store,
    reminders: loop,
    connector: { sleep: async () => {} },
  });
  http = createServer((req, res) => void part.route?.handle(req, res));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", () => r()));
  port = (http.address() as { port: number }).port;
});
afterAll(() => new Promise((r) => http.close(r)));

const replyPath = (a: Activity) =>
  `/amer/v3/conversations/${encodeURIComponent(a.conversation.id)}/activities/${a.id}`;

describe("a failed reply", () => {
  it("is sent again after a connection reset, and the card arrives once", async () => {
    const incoming = message("groupChat", "488");
    const bodies: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .post(replyPath(incoming))
      .replyWithError(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }))
      .post(replyPath(incoming), (b) => bodies.push(b) > 0)
      .reply(200, { id: "r" });
    expect((await post(port, incoming)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(1);
    expect(cardText(cardOf(bodies[0]))).toContain("SIP 488 Not Acceptable Here");
  });

  it("names throttling and asks for a minute, and never retries that sentence", async () => {
    const incoming = message("groupChat", "488");
    const bodies: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .post(replyPath(incoming), (b) => bodies.push(b) > 0)
      .times(2)
      .reply(429, { error: { code: "ThrottledRequest" } }, { "retry-after": "10" });
    expect((await post(port, incoming)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    // The card once (Retry-After is past the retry budget), then the sentence once.
    expect(bodies).toHaveLength(2);
    expect(cardOf(bodies[0])).toBeDefined();
    expect(bodies[1]?.text).toBe(THROTTLED);
  });

  it("says the bot was removed or lacks permission when Teams refuses with 403", async () => {
    const incoming = message("channel", "488");
    const bodies: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .post(replyPath(incoming), (b) => bodies.push(b) > 0)
      .times(2)
      .reply(403, { error: { code: "BotNotInConversationRoster" } });
    await post(port, incoming);
    expect(bodies.map((b) => b.text ?? "card")).toEqual(["card", FORBIDDEN]);
  });

  it("says Teams kept failing, not that the bot did, when the connector keeps answering 503", async () => {
    const incoming = message("groupChat", "488");
    const bodies: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .post(replyPath(incoming), (b) => bodies.push(b) > 0)
      .times(4)
      .reply(503, { error: { code: "ServiceUnavailable" } });
    await post(port, incoming);
    expect(bodies.at(-1)?.text).toBe(TEAMS_FAILED);
    expect(bodies.map((b) => b.text ?? "")).not.toContain(
      "Something went wrong on our side while answering. The details are in the bot's log.",
    );
  });

  it("sends a shorter card when Teams refuses the answer as too large", async () => {
    const incoming = message("personal", "503");
    const bodies: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .post(replyPath(incoming), (b) => bodies.push(b) > 0)
      .reply(413, { error: { code: "MessageSizeTooBig" } })
      .post(replyPath(incoming), (b) => bodies.push(b) > 0)
      .reply(200, { id: "r" });
    await post(port, incoming);
    expect(bodies).toHaveLength(2);
    expect(JSON.stringify(cardOf(bodies[1])).length).toBeLessThan(JSON.stringify(cardOf(bodies[0])).length);
    expect(cardText(cardOf(bodies[1]))).toContain("503");
  });
});

describe("a reminder whose post fails", () => {
  const thread = CONVERSATIONS.channel.id;
  const remindersPath = `/amer/v3/conversations/${encodeURIComponent(thread)}/activities`;
  const count = (outcome: string) => metrics.reminders.value({ platform: "teams", outcome });

  async function due(label: string) {
    const res = await post(port, executeInvoke("channel", "remind", { label, afterSeconds: 60 }));
    expect(res.body?.value).toMatch(/^I'll remind this thread/);
    clock = Date.now() + 60_000;
  }

  it("is retried later by the reminder loop, with no apology posted into the thread", async () => {
    await due("registration refresh due");
    const before = { delivered: count("delivered"), retried: count("retried") };
    const bodies: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .post(remindersPath, (b) => bodies.push(b) > 0)
      .times(3)
      .reply(500, { error: { code: "ServiceError" } });
    await loop.poll();
    expect(scope.isDone()).toBe(true);
    expect(bodies.every((b) => b.text?.startsWith("⏰ Reminder for"))).toBe(true);
    expect(count("delivered")).toBe(before.delivered);
    expect(count("retried")).toBe(before.retried + 1);
    expect(log.lines().some((l) => l.msg === "reminder delivery failed; will retry")).toBe(true);

    // 30 s later the connector is back: the reminder is posted and counted delivered.
    clock += 30_000;
    const ok = nock(CONNECTOR).post(remindersPath).reply(201, { id: "m" });
    await loop.poll();
    expect(ok.isDone()).toBe(true);
    expect(count("delivered")).toBe(before.delivered + 1);
    expect(await store.pending()).toBe(0);
  });

  it("is dropped at once and counted failed when Teams answers 403", async () => {
    await due("session refresh due");
    const failed = count("failed");
    const bodies: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .post(remindersPath, (b) => bodies.push(b) > 0)
      .reply(403, { error: { code: "BotNotInConversationRoster" } });
    await loop.poll();
    expect(bodies).toHaveLength(1);
    expect(count("failed")).toBe(failed + 1);
    expect(await store.pending()).toBe(0);
  });
});
