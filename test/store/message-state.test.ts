// Checklist state per message in the Store: updates that race (in one process, or from two replicas
// on one Redis) all count, and the message edits that follow end on the newest state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory.js";
import { MessageState } from "../../src/store/message-state.js";
import { RedisStore } from "../../src/store/redis.js";
import type { Store } from "../../src/store/store.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../helpers/redis.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let redis: RedisProcess | undefined;
const opened: RedisStore[] = [];
const skipRedis = skipRedisTests();

async function redisStore(prefix: string): Promise<RedisStore> {
  if (!redis) throw new Error("redis not started");
  const s = new RedisStore({ url: redis.url, prefix });
  await s.connect();
  opened.push(s);
  return s;
}

beforeAll(async () => {
  if (!skipRedis) redis = await startRedis();
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await redis?.stop();
});

/** Two "replicas": two Store clients on the same data (one MemoryStore shared, or one Redis). */
const kinds: Array<[string, (prefix: string) => Promise<[Store, Store]>]> = [
  [
    "memory",
    async () => {
      const s = new MemoryStore();
      return [s, s];
    },
  ],
];
if (!skipRedis) kinds.push(["redis", async (p) => [await redisStore(p), await redisStore(p)]]);

describe.each(kinds)("%s store", (kind, open) => {
  it("applies every one of many racing updates exactly once", async () => {
    const [a, b] = await open(`ms1-${kind}:`);
    const bump = (s: Store) =>
      s.updateJson<number[]>("list", (cur) => [...(cur ?? []), cur?.length ?? 0], 5_000);
    await Promise.all(Array.from({ length: 10 }, (_, i) => bump(i % 2 ? a : b)));
    expect(await a.getJson("list")).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("forgets an updated value after its time to live", async () => {
    const [a] = await open(`ms2-${kind}:`);
    await a.updateJson<number>("n", (cur) => (cur ?? 0) + 1, 150);
    expect(await a.getJson("n")).toBe(1);
    await sleep(250);
    expect(await a.updateJson<number>("n", (cur) => (cur ?? 0) + 1, 150)).toBe(1);
  });

  it("ends the message on both ticks when two replicas tick at once and their edits land out of order", async () => {
    const [a, b] = await open(`ms3-${kind}:`);
    const shown: string[][] = [];
    const [one, two] = [a, b].map((s) => new MessageState<string[]>(s, { ttlMs: 5_000 }));
    const tick = (states: MessageState<string[]> | undefined, who: string) =>
      (states as MessageState<string[]>).change(
        "msg",
        () => [],
        (latest) => [...latest, who].sort(),
      );
    const sendTaking = (ms: number) => async (state: string[]) => {
      await sleep(ms);
      shown.push(state);
    };
    // Replica one's edit (alice only) is slow to land; replica two ticks meanwhile and its edit
    // (alice and bob) lands first.
    const first = one?.publish("msg", await tick(one, "alice"), sendTaking(200));
    await sleep(30);
    await two?.publish("msg", await tick(two, "bob"), sendTaking(10));
    await first;
    expect(shown.slice(0, 2)).toEqual([["alice", "bob"], ["alice"]]);
    expect(shown.at(-1)).toEqual(["alice", "bob"]);
  });
});
