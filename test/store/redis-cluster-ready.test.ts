// /readyz on a Redis Cluster (REDIS_CLUSTER_NODES) of three masters: ready while every master
// answers, 503 soon after one of them stops (although the seed node given still answers), and ready
// again once it is back.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { catalog } from "../helpers/catalog.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../helpers/redis.js";
import { clusterUnavailable, type RedisCluster, startCluster } from "../helpers/redis-ha.js";

const skip = skipRedisTests() ? "SIPCODE_SKIP_REDIS_TESTS=1" : clusterUnavailable();

let cluster: RedisCluster | undefined;
let server: RunningServer | undefined;
let restarted: RedisProcess | undefined;

const cli = (port: number | undefined, ...args: string[]) =>
  spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args], {
    encoding: "utf8",
    timeout: 5_000,
  }).stdout;

/** Polls /readyz every 100 ms until it answers `status`, for at most `ms`; the last answer. */
async function readyzUntil(status: number, ms: number) {
  const end = Date.now() + ms;
  let last = await readyz();
  while (last.status !== status && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    last = await readyz();
  }
  return last;
}

/** /readyz as a load balancer sees it, and how long it took to answer. */
async function readyz(): Promise<{ status: number; body: { status: string; store: unknown }; ms: number }> {
  if (!server) throw new Error("server not started");
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/readyz`, { signal: AbortSignal.timeout(5_000) });
  const body = (await res.json()) as { status: string; store: unknown };
  return { status: res.status, body, ms: Date.now() - started };
}

describe.skipIf(skip !== undefined)(`/readyz on a Redis Cluster${skip ? ` (skipped: ${skip})` : ""}`, () => {
  beforeAll(async () => {
    cluster = await startCluster();
    const seed = cluster.nodes[0];
    server = await startServer(
      loadConfig({
        NODE_ENV: "test",
        PORT: "0",
        HOST: "127.0.0.1",
        REDIS_CLUSTER_NODES: `${seed?.host}:${seed?.port}`,
      }),
      { catalog: catalog(), logger: createLogger("silent") },
    );
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await restarted?.stop();
    await cluster?.stop();
  }, 30_000);

  it("is ready while every master answers, not ready while one is stopped, and ready once it is back", async () => {
    const ok = await readyz();
    expect(ok.status).toBe(200);
    expect(ok.body.store).toEqual({ kind: "redis", up: true });

    // Stop a master other than the seed: the seed alone would still answer PING.
    const victim = cluster?.nodes[1];
    // Where it keeps its cluster configuration, to start it again as the same node afterwards.
    const dir = cli(victim?.port, "config", "get", "dir").split("\n")[1]?.trim() ?? "";
    cli(victim?.port, "shutdown", "nosave");
    const down = await readyzUntil(503, 10_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: "store unreachable", store: { kind: "redis", up: false } });
    // Within the store's command bound: a probe is never held up by a dead master.
    expect(down.ms).toBeLessThan(3_000);
    // And it stays so while the master is away (the cluster's slots there cannot be served).
    const again = await readyz();
    expect(again.status).toBe(503);
    expect(again.ms).toBeLessThan(3_000);

    const conf = `${dir}/nodes-${victim?.port}.conf`;
    restarted = await startRedis(
      ["--cluster-enabled", "yes", "--cluster-config-file", conf, "--dir", dir],
      victim?.port,
    );
    expect((await readyzUntil(200, 15_000)).status).toBe(200);
  }, 45_000);
});
