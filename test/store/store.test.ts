// The Store contract, run against the in-process default and against a real redis-server: claims,
// expiring values and reminders that go to exactly one caller and come back if not completed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory.js";
import { RedisStore } from "../../src/store/redis.js";
import type { Reminder, Store } from "../../src/store/store.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../helpers/redis.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function reminder(id: string, dueAt: number, platform = "teams"): Reminder {
  return { id, platform, dueAt, payload: { label: `check ${id}` }, attempts: 0 };
}

let redis: RedisProcess | undefined;
const redisStores: RedisStore[] = [];
const skipRedis = skipRedisTests();

async function redisStore(prefix: string): Promise<RedisStore> {
  if (!redis) throw new Error("redis not started");
  const s = new RedisStore({ url: redis.url, prefix });
  await s.connect();
  redisStores.push(s);
  return s;
}

beforeAll(async () => {
  if (!skipRedis) redis = await startRedis();
});
afterAll(async () => {
  for (const s of redisStores) await s.close();
  await redis?.stop();
});

const kinds: Array<[string, (prefix: string) => Promise<Store>]> = [
  ["memory", async () => new MemoryStore()],
];
if (!skipRedis) kinds.push(["redis", redisStore]);

describe.each(kinds)("%s store", (_kind, open) => {
  it("lets only the first claim of a key win, until it expires", async () => {
    const s = await open(`t1-${_kind}:`);
    expect(await s.claim("ev1", 200)).toBe(true);
    expect(await s.claim("ev1", 200)).toBe(false);
    expect(await s.claim("ev2", 200)).toBe(true);
    await sleep(300);
    expect(await s.claim("ev1", 200)).toBe(true);
  });

  it("keeps JSON values until their time to live", async () => {
    const s = await open(`t2-${_kind}:`);
    await s.setJson("conv", { serviceUrl: "https://smba.example/", id: "19:abc" }, 200);
    expect(await s.getJson("conv")).toEqual({ serviceUrl: "https://smba.example/", id: "19:abc" });
    expect(await s.getJson("missing")).toBeUndefined();
    await sleep(300);
    expect(await s.getJson("conv")).toBeUndefined();
  });

  it("hands out due reminders of the asked platform only, oldest first", async () => {
    const s = await open(`t3-${_kind}:`);
    await s.schedule(reminder("late", 3_000));
    await s.schedule(reminder("early", 1_000));
    await s.schedule(reminder("future", 9_000));
    await s.schedule(reminder("slack-one", 1_000, "slack"));
    const due = await s.lease("teams", 5_000, 60_000, 10);
    expect(due.map((r) => r.id)).toEqual(["early", "late"]);
    expect(due[0]?.payload).toEqual({ label: "check early" });
    expect(await s.pending()).toBe(4);
  });

  it("does not hand a leased reminder out again until the lease runs out", async () => {
    const s = await open(`t4-${_kind}:`);
    await s.schedule(reminder("r1", 1_000));
    expect((await s.lease("teams", 2_000, 10_000, 10)).map((r) => r.id)).toEqual(["r1"]);
    expect(await s.lease("teams", 5_000, 10_000, 10)).toEqual([]);
    // The replica holding it died without completing: after the lease another one gets it.
    expect((await s.lease("teams", 12_001, 10_000, 10)).map((r) => r.id)).toEqual(["r1"]);
    await s.complete(reminder("r1", 1_000));
    expect(await s.lease("teams", 99_000, 10_000, 10)).toEqual([]);
    expect(await s.pending()).toBe(0);
  });

  it("counts attempts and waits until the retry time", async () => {
    const s = await open(`t5-${_kind}:`);
    await s.schedule(reminder("r2", 1_000));
    const [first] = await s.lease("teams", 1_000, 10_000, 10);
    if (!first) throw new Error("expected a reminder");
    await s.retry(first, 40_000);
    expect(await s.lease("teams", 39_999, 10_000, 10)).toEqual([]);
    const [again] = await s.lease("teams", 40_000, 10_000, 10);
    expect(again?.attempts).toBe(1);
  });
});

describe.skipIf(skipRedis)("redis store shared by replicas", () => {
  it("gives each due reminder to exactly one of many replicas leasing at once", async () => {
    const replicas = await Promise.all([1, 2, 3, 4].map(() => redisStore("shared:")));
    const [first] = replicas;
    if (!first) throw new Error("no replica");
    for (let i = 0; i < 200; i++) await first.schedule(reminder(`r${i}`, 1_000 + i));
    const got: string[] = [];
    // Every replica polls repeatedly and concurrently, like four servers on the same interval.
    await Promise.all(
      replicas.map(async (s) => {
        for (let k = 0; k < 30; k++) got.push(...(await s.lease("teams", 5_000, 60_000, 7)).map((r) => r.id));
      }),
    );
    expect(got).toHaveLength(200);
    expect(new Set(got).size).toBe(200);
  });

  it("lets one replica claim an event id another replica already claimed only once", async () => {
    const [a, b] = await Promise.all([redisStore("claims:"), redisStore("claims:")]);
    if (!a || !b) throw new Error("no replicas");
    const results = await Promise.all([
      a.claim("slack:event:Ev1", 60_000),
      b.claim("slack:event:Ev1", 60_000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("reports Redis going away through ping", async () => {
    const s = await redisStore("ping:");
    expect(await s.ping()).toBe(true);
    const other = await startRedis();
    const lonely = new RedisStore({ url: other.url });
    await lonely.connect();
    expect(await lonely.ping()).toBe(true);
    await other.stop();
    expect(await lonely.ping()).toBe(false);
    await lonely.close();
  });
});
