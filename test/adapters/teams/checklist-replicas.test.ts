// Two Teams replicas without Redis (each keeps checklist state in its own memory), sharing
// TEAMS_CHECKLIST_SECRET: people tick one card in turn, each on the card as it is now, and the load
// balancer alternates replicas. Real servers over HTTP, the Bot Connector faked with nock.
import type { Activity } from "botbuilder";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../../src/server.js";
import { MemoryStore } from "../../../src/store/memory.js";
import { catalog } from "../../helpers/catalog.js";
import { ALICE, actionsOf, BOB, CONVERSATIONS, cardOf, executeInvoke, message } from "./helpers.js";
import { CONNECTOR, env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

const CAROL = { id: "29:carol", name: "Carol Jones", aadObjectId: "aad-carol" };
const encoded = encodeURIComponent(CONVERSATIONS.channel.id);
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  const config = env({ TEAMS_CHECKLIST_SECRET: "shared-checklist-secret-0123456789abcdef" });
  a = await startServer(config, { catalog: catalog(), store: new MemoryStore() });
  b = await startServer(config, { catalog: catalog(), store: new MemoryStore() });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

const tickData = (update: Partial<Activity> | undefined) =>
  actionsOf(cardOf(update)).find((x) => x.verb === "tick")?.data as Record<string, unknown> & {
    ticks?: Record<string, { by: string }>;
  };

describe("a checklist card ticked in turn on two replicas without Redis", () => {
  it("keeps every tick, although each replica's own copy missed the other's", async () => {
    const incoming = message("channel", "488");
    const posted: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (x) => posted.push(x) > 0)
      .reply(200, { id: "reply-replicas-1" });
    expect((await post(a.port, incoming)).status).toBe(200);
    const updates: Partial<Activity>[] = [];
    nock(CONNECTOR)
      .persist()
      .put(`/amer/v3/conversations/${encoded}/activities/reply-replicas-1`, (x) => updates.push(x) > 0)
      .reply(200, { id: "reply-replicas-1" });

    // Each person clicks on the card as the last update left it.
    let data = tickData(posted[0]);
    const tick = async (server: RunningServer, from: typeof ALICE, item: number) => {
      const before = updates.length;
      const r = await post(
        server.port,
        executeInvoke(
          "channel",
          "tick",
          { ...data, [`check-${item}`]: "true" },
          { from, replyToId: "reply-replicas-1" },
        ),
      );
      expect(r.status).toBe(200);
      const end = Date.now() + 4_000;
      while (updates.length === before && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 150));
      data = tickData(updates.at(-1));
    };
    await tick(a, ALICE, 0);
    await tick(b, BOB, 1);
    await tick(a, CAROL, 2);
    const shown = data.ticks ?? {};
    expect(Object.keys(shown).sort()).toEqual(["0", "1", "2"]);
    expect([shown["0"]?.by, shown["1"]?.by, shown["2"]?.by]).toEqual([
      "Alice Example",
      "Bob Builder",
      "Carol Jones",
    ]);
  });
});
