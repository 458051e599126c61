// End to end over HTTP against the real server (startServer on port 0): expectReplies bodies, threaded
// channel replies and in-place checklist updates through a nock-faked Bot Connector, the compose
// search, connector retries, and 401 for unauthenticated requests once credentials are configured.
import type { Activity } from "botbuilder";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userMessageOf } from "../../../src/errors.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import {
  ALICE,
  actionsOf,
  adaptiveCardProblems,
  BOB,
  CONVERSATIONS,
  cardOf,
  cardText,
  executeInvoke,
  invoke,
  message,
} from "./helpers.js";
import { CONNECTOR, env, guardNetwork, post as postTo } from "./http-harness.js";

/** POST an activity to the server's /api/messages (http-harness.ts, by server rather than port). */
const post = (server: RunningServer, body: unknown, headers: Record<string, string> = {}) =>
  postTo(server.port, body, headers);

guardNetwork();

describe("without credentials outside production (Emulator mode)", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(env(), { catalog: catalog() });
  });
  afterAll(() => server.close());

  it("returns the Adaptive Card in the HTTP body for deliveryMode expectReplies", async () => {
    const res = await post(server, { ...message("personal", "488"), deliveryMode: "expectReplies" });
    expect(res.status).toBe(200);
    const [reply] = res.body?.activities ?? [];
    expect(cardText(cardOf(reply))).toContain("SIP 488 Not Acceptable Here");
    expect(adaptiveCardProblems(cardOf(reply))).toEqual([]);
    // The second asker gets the cached card, sent from its stored JSON: the same card, key for key.
    const again = await post(server, { ...message("personal", "488"), deliveryMode: "expectReplies" });
    const [second] = again.body?.activities ?? [];
    expect(second?.replyToId).not.toBe(reply?.replyToId);
    expect(JSON.stringify(cardOf(second))).toBe(JSON.stringify(cardOf(reply)));
  });

  it("replies in the channel thread, updates the checklist in place, and answers compose searches", async () => {
    const incoming = message("channel", "488");
    const encoded = encodeURIComponent(CONVERSATIONS.channel.id);
    const posted: Partial<Activity>[] = [];
    const reply = nock(CONNECTOR)
      .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (b) => posted.push(b) > 0)
      .reply(200, { id: "reply-1" });
    expect((await post(server, incoming)).status).toBe(200);
    expect(reply.isDone()).toBe(true);
    expect(posted[0]?.conversation?.id).toBe(CONVERSATIONS.channel.id);
    const card = cardOf(posted[0]);
    expect(cardText(card)).toContain("SIP 488 Not Acceptable Here");

    // Bob ticks the first item: the invoke answers with the refreshed card and the message is PUT.
    const tick = actionsOf(card).find((a) => a.verb === "tick");
    const data = { ...(tick?.data as object), "check-0": "true" };
    const updates: Partial<Activity>[] = [];
    const put = nock(CONNECTOR)
      .put(`/amer/v3/conversations/${encoded}/activities/reply-1`, (b) => updates.push(b) > 0)
      .reply(200, { id: "reply-1" });
    const res = await post(
      server,
      executeInvoke("channel", "tick", data, { from: BOB, replyToId: "reply-1" }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(cardText(res.body?.value)).toContain("✓ Bob Builder");
    expect(put.isDone()).toBe(true);
    expect(updates[0]?.id).toBe("reply-1");
    expect(cardText(cardOf(updates[0]))).toContain("✓ Bob Builder");

    const search = await post(
      server,
      invoke("channel", "composeExtension/query", {
        commandId: "lookupCode",
        parameters: [{ name: "query", value: "acs 410/3112" }],
      }),
    );
    expect(search.status).toBe(200);
    expect(search.body?.composeExtension.type).toBe("result");
    expect(search.body?.composeExtension.attachments[0].preview.content.title).toMatch(/^ACS 410\/3112/);
  });

  it("retries a throttled connector call once and delivers the card", async () => {
    const incoming = message("groupChat", "timers");
    const path = `/amer/v3/conversations/${encodeURIComponent(CONVERSATIONS.groupChat.id)}/activities/${incoming.id}`;
    const bodies: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .post(path)
      .reply(429, { error: { code: "Throttled" } })
      .post(path, (b) => bodies.push(b) > 0)
      .reply(200, { id: "r" });
    expect((await post(server, incoming)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(cardText(cardOf(bodies[0]))).toContain("SIP and Webex Calling timers");
  });

  it("keeps one retry layer: a 503 is retried once by sipcode's own layer and the card is delivered", async () => {
    const incoming = message("groupChat", "488");
    const path = `/amer/v3/conversations/${encodeURIComponent(CONVERSATIONS.groupChat.id)}/activities/${incoming.id}`;
    const bodies: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .post(path, (b) => bodies.push(b) > 0)
      .reply(503, { error: { code: "ServiceUnavailable" } })
      .post(path, (b) => bodies.push(b) > 0)
      .reply(200, { id: "r" });
    expect((await post(server, incoming)).status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(cardText(cardOf(bodies[1]))).toContain("SIP 488 Not Acceptable Here");
    expect(bodies.some((b) => b.text === userMessageOf(new Error("x")))).toBe(false);
  });

  it("schedules a reminder from the Submit fallback and posts it into the thread when due", async () => {
    const value = { verb: "remind", label: "registration refresh due", afterSeconds: 1 };
    const incoming = message("channel", "", { mention: false, value });
    const encoded = encodeURIComponent(CONVERSATIONS.channel.id);
    const confirmations: Partial<Activity>[] = [];
    const reminders: Partial<Activity>[] = [];
    const scope = nock(CONNECTOR)
      .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (b) => confirmations.push(b) > 0)
      .reply(200, { id: "confirm-1" })
      .post(`/amer/v3/conversations/${encoded}/activities`, (b) => reminders.push(b) > 0)
      .reply(201, { id: "reminder-1" });
    expect((await post(server, incoming)).status).toBe(200);
    expect(confirmations[0]?.text).toMatch(
      /^I'll remind this thread at \d\d:\d\d:\d\d UTC: registration refresh due$/,
    );
    // The server's loop polls once a second; the reminder is due a second after the click.
    for (let i = 0; i < 50 && !scope.isDone(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(scope.isDone()).toBe(true);
    expect(reminders[0]).toMatchObject({
      type: "message",
      text: "⏰ Reminder for <at>Alice Example</at>: registration refresh due",
      entities: [{ type: "mention", mentioned: { id: ALICE.id, name: "Alice Example" } }],
      conversation: { id: CONVERSATIONS.channel.id },
    });
  });

  it("rejects a body that is not an activity", async () => {
    expect((await post(server, [1, 2])).status).toBe(400);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: "POST",
      body: "{not json",
    });
    expect(res.status).toBe(400);
  });
});

describe("with credentials configured", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      env({
        MICROSOFT_APP_ID: "00000000-0000-0000-0000-0000000000a1",
        MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      }),
      { catalog: catalog() },
    );
  });
  afterAll(() => server.close());

  it.each([
    ["no Authorization header", {}],
    ["a token that is not a JWT", { authorization: "Bearer not-a-jwt" }],
  ])("answers 401 to %s, without any outbound call", async (_label, headers) => {
    const res = await post(server, { ...message("personal", "488"), deliveryMode: "expectReplies" }, headers);
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain("488");
  });
});

describe("in production without credentials", () => {
  it("does not mount /api/messages", async () => {
    const server = await startServer(env({ NODE_ENV: "production" }), { catalog: catalog() });
    try {
      expect((await post(server, message("personal", "488"))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
