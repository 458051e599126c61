// Checklist ticks when the stored copy is out of date: two replicas without Redis (each with its own
// memory), and one replica through a Redis outage. People tick one after another, each on the
// message as it is now, and no tick anyone saw land may disappear. Real servers, signed requests,
// Slack's Web API faked with nock; Redis is real, behind a proxy that can be cut.
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checklistMessage } from "../../../src/render/slack-checklist.js";
import type { RunningServer } from "../../../src/server.js";
import { MemoryStore } from "../../../src/store/memory.js";
import { RedisStore } from "../../../src/store/redis.js";
import type { Store } from "../../../src/store/store.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../../helpers/redis.js";
import { type RedisProxy, startRedisProxy } from "../../helpers/redis-proxy.js";
import { postSigned, SLACK_API, startSlackServer, tickAs, until } from "./harness.js";

const FORM = "application/x-www-form-urlencoded";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const skipRedis = skipRedisTests();

const servers: RunningServer[] = [];
async function replica(store: Store): Promise<RunningServer> {
  const server = await startSlackServer({}, { store });
  servers.push(server);
  return server;
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

type Option = { value: string };
type Blocks = Array<{
  block_id?: string;
  elements?: Array<{ options?: Option[]; initial_options?: Option[] }>;
}>;

/** One checklist message in C1 as everyone sees it, ticked through whichever replica a click reaches. */
function checklistInChannel(ts: string) {
  let blocks = checklistMessage({
    title: "SIP 488 Not Acceptable Here",
    items: [{ text: "Compare SDP" }, { text: "Check codecs" }, { text: "Ask the carrier" }],
  }).blocks as Blocks;
  const updates: Blocks[] = [];
  nock(SLACK_API)
    .persist()
    .post("/api/chat.update", (b: { ts?: string; blocks?: string }) => {
      if (b.ts !== ts) return false;
      updates.push(JSON.parse(String(b.blocks)) as Blocks);
      return true;
    })
    .reply(200, { ok: true });
  const boxes = () => blocks.find((b) => b.block_id === "sipcode_checklist:items")?.elements?.[0];
  /** Who the message shows against each item (null: not ticked). */
  const tickers = (shown: Blocks = blocks) => {
    const box = shown.find((b) => b.block_id === "sipcode_checklist:items")?.elements?.[0];
    return (box?.options ?? []).map((o) => o.value.split("|")[1] || null);
  };
  return {
    updates,
    tickers,
    /** `user` ticks item `i` on the message as it is now; resolves once the message shows the edit. */
    async tick(server: RunningServer, user: string, i: number, waitMs = 4_000) {
      const before = updates.length;
      const selected = [...(boxes()?.initial_options ?? []), boxes()?.options?.[i]];
      const body = tickAs(user, ts, blocks, selected);
      expect((await postSigned(server, body, FORM)).status).toBe(200);
      await until(() => updates.length > before, waitMs);
      await sleep(200);
      blocks = updates.at(-1) as Blocks;
    },
  };
}

describe("a checklist ticked in turn on two replicas without Redis", () => {
  it("keeps every tick, although each replica's own copy missed the other's", async () => {
    const a = await replica(new MemoryStore());
    const b = await replica(new MemoryStore());
    const list = checklistInChannel("1700000600.000100");
    await list.tick(a, "UALICE", 0);
    await list.tick(b, "UBOB", 1);
    expect(list.tickers()).toEqual(["UALICE", "UBOB", null]);
    await list.tick(a, "UCAROL", 2);
    expect(list.tickers()).toEqual(["UALICE", "UBOB", "UCAROL"]);
  });
});

describe.skipIf(skipRedis)("a checklist ticked before, during and after a Redis outage", () => {
  let redis: RedisProcess | undefined;
  let proxy: RedisProxy | undefined;
  beforeAll(async () => {
    redis = await startRedis();
    proxy = await startRedisProxy(redis.port);
  }, 20_000);
  afterAll(async () => {
    await proxy?.close();
    await redis?.stop();
  });

  it("keeps the tick made while Redis was unreachable, once it is back and after the next tick", async () => {
    const store = new RedisStore({ url: (proxy as RedisProxy).url, prefix: "outage:" });
    await store.connect();
    const server = await replica(store);
    const ts = "1700000700.000100";
    const list = checklistInChannel(ts);
    await list.tick(server, "UALICE", 0);

    proxy?.down();
    await list.tick(server, "UBOB", 1, 15_000);
    // Sipcode keeps answering: Bob's tick is shown although the stored copy could not be changed.
    expect(list.tickers()).toEqual(["UALICE", "UBOB", null]);

    proxy?.up();
    const back = Date.now() + 15_000;
    while (!(await store.ping()) && Date.now() < back) await sleep(100);
    const shownSoFar = list.updates.length;
    await sleep(2_500);
    // With nobody clicking, the message is not put back to what it showed before the outage.
    for (const edit of list.updates.slice(shownSoFar - 1)) expect(list.tickers(edit)[1]).toBe("UBOB");

    await list.tick(server, "UCAROL", 2);
    expect(list.tickers()).toEqual(["UALICE", "UBOB", "UCAROL"]);
    // The stored copy has caught up with the message.
    const kept = await store.getJson<{ state: { items: Array<{ by?: string }> } }>(
      `slack:checklist:C1:${ts}`,
    );
    expect(kept?.state.items.map((i) => i.by ?? null)).toEqual(["UALICE", "UBOB", "UCAROL"]);
  }, 60_000);
});
