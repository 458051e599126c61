// The shared store on a Redis Cluster (REDIS_CLUSTER_NODES) of three masters: the state the bot
// keeps (dedupe claims, checklist ticks, Teams reminders) is stored and read with no CROSSSLOT
// error, although the keys spread over every master.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { RedisStore } from "../../src/store/redis.js";
import type { Reminder } from "../../src/store/store.js";
import { skipRedisTests } from "../helpers/redis.js";
import { clusterUnavailable, type RedisCluster, startCluster } from "../helpers/redis-ha.js";
import { expectBothTicksKept } from "../helpers/shared-ticks.js";

const skip = skipRedisTests() ? "SIPCODE_SKIP_REDIS_TESTS=1" : clusterUnavailable();
const logLines: string[] = [];
const logger = createLogger("info", {}, (l) => logLines.push(l));

let cluster: RedisCluster | undefined;
const opened: RedisStore[] = [];

async function store(): Promise<RedisStore> {
  if (!cluster) throw new Error("cluster not started");
  const s = new RedisStore({
    target: { mode: "cluster", nodes: cluster.nodes.slice(0, 1), auth: {} },
    logger,
  });
  opened.push(s);
  await s.connect();
  return s;
}

function reminder(id: string, dueAt: number, platform = "teams"): Reminder {
  return { id, platform, dueAt, payload: { label: `check ${id}` }, attempts: 0 };
}

describe.skipIf(skip !== undefined)(`Redis Cluster store${skip ? ` (skipped: ${skip})` : ""}`, () => {
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(async () => {
    for (const s of opened) await s.close();
    await cluster?.stop();
  }, 30_000);

  it("finds every master from one seed node and says which", async () => {
    const s = await store();
    expect(await s.ping()).toBe(true);
    const line = logLines.find((l) => l.includes("Redis Cluster ready"));
    for (const n of cluster?.nodes ?? []) expect(line).toContain(`127.0.0.1:${n.port}`);
  });

  it("claims each Slack event once across two replicas", async () => {
    const [a, b] = [await store(), await store()];
    // Enough ids to land on all three masters.
    for (let i = 0; i < 30; i++) {
      expect(await a.claim(`slack:event:Ev${i}`, 60_000)).toBe(true);
      expect(await b.claim(`slack:event:Ev${i}`, 60_000)).toBe(false);
    }
  });

  it("keeps both replicas' checklist ticks", async () => {
    await expectBothTicksKept(await store(), await store());
  });

  it("schedules, leases once, retries and completes Teams reminders", async () => {
    const [a, b] = [await store(), await store()];
    const now = Date.now();
    await a.schedule(reminder("r1", now - 1_000));
    await a.schedule(reminder("r2", now - 500));
    await a.schedule(reminder("s1", now - 500, "slack"));
    expect(await b.pending()).toBe(3);
    const [first, second] = await Promise.all([
      a.lease("teams", now, 60_000, 10),
      b.lease("teams", now, 60_000, 10),
    ]);
    expect([...first, ...second].map((r) => r.id).sort()).toEqual(["r1", "r2"]);
    const r1 = [...first, ...second].find((r) => r.id === "r1") as Reminder;
    await b.retry(r1, now - 100);
    expect((await a.lease("teams", now, 60_000, 10)).map((r) => [r.id, r.attempts])).toEqual([["r1", 1]]);
    for (const id of ["r1", "r2"]) await a.complete(reminder(id, 0));
    expect(await b.pending()).toBe(1);
    expect((await b.lease("slack", now, 60_000, 10)).map((r) => r.id)).toEqual(["s1"]);
  });
});
