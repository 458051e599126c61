// The shared store through Redis Sentinel (REDIS_SENTINELS): replicas that find the master through
// the sentinels see each other's ticks, and keep working after the sentinels fail the master over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { startServer } from "../../src/server.js";
import { RedisStore } from "../../src/store/redis.js";
import { catalog } from "../helpers/catalog.js";
import { freePort, skipRedisTests } from "../helpers/redis.js";
import { type SentinelSet, sentinelUnavailable, startSentinels } from "../helpers/redis-ha.js";
import { expectBothTicksKept } from "../helpers/shared-ticks.js";

const skip = skipRedisTests() ? "SIPCODE_SKIP_REDIS_TESTS=1" : sentinelUnavailable();
const logLines: string[] = [];
const logger = createLogger("info", {}, (l) => logLines.push(l));

let set: SentinelSet | undefined;
const opened: RedisStore[] = [];

async function store(): Promise<RedisStore> {
  if (!set) throw new Error("sentinels not started");
  const s = new RedisStore({
    target: { mode: "sentinel", sentinels: set.sentinels, name: set.name, auth: {} },
    logger,
    prefix: "sentinel-test:",
  });
  opened.push(s);
  await s.connect();
  return s;
}

describe.skipIf(skip !== undefined)(`Redis Sentinel store${skip ? ` (skipped: ${skip})` : ""}`, () => {
  beforeAll(async () => {
    set = await startSentinels();
  }, 60_000);
  afterAll(async () => {
    for (const s of opened) await s.close();
    await set?.stop();
  }, 30_000);

  it("lets two replicas found through the sentinels share a checklist tick", async () => {
    const a = await store();
    await expectBothTicksKept(a, await store());
    expect(await a.ping()).toBe(true);
    expect(logLines.join("")).toContain(`Redis master mymaster is at 127.0.0.1:${set?.master.port}`);
  });

  it("reports the store ready on /readyz through the sentinels, and 503 while none answers", async () => {
    const env = { NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", REDIS_SENTINEL_NAME: "mymaster" };
    const hosts = set?.sentinels.map((h) => `${h.host}:${h.port}`).join(",") ?? "";
    const dead = `127.0.0.1:${await freePort()}`;
    for (const [sentinels, status, up] of [
      [hosts, 200, true],
      [dead, 503, false],
    ] as const) {
      const started = Date.now();
      const server = await startServer(loadConfig({ ...env, REDIS_SENTINELS: sentinels }), {
        catalog: catalog(),
        logger,
      });
      try {
        // A Redis that cannot be reached never holds the start up for long.
        expect(Date.now() - started).toBeLessThan(8_000);
        const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
        expect(res.status).toBe(status);
        expect(((await res.json()) as { store: unknown }).store).toEqual({ kind: "redis", up });
      } finally {
        await server.close();
      }
    }
  }, 30_000);

  it("keeps working after the sentinels fail the master over to the replica", async () => {
    const s = await store();
    await s.setJson("before", { tick: 1 }, 60_000);
    await set?.failover();
    // The sentinels announce the new master and the store reconnects to it at once, saying so.
    const moved = `Redis master mymaster moved from 127.0.0.1:${set?.master.port} to 127.0.0.1:${set?.replica.port}`;
    const end = Date.now() + 10_000;
    while (!logLines.join("").includes(moved) && Date.now() < end)
      await new Promise((r) => setTimeout(r, 100));
    expect(logLines.join("")).toContain(moved);
    expect(await s.claim("slack:event:Ev-after-failover", 60_000)).toBe(true);
    expect(await s.claim("slack:event:Ev-after-failover", 60_000)).toBe(false);
    expect(await s.getJson("before")).toEqual({ tick: 1 });
    expect(await s.ping()).toBe(true);
  }, 40_000);
});
