// Redis Sentinel and Redis Cluster for the tests, from the same redis-server package as ./redis.ts:
// every process on a free loopback port, its files in a temporary folder, all stopped by stop().
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HostPort } from "../../src/store/redis-target.js";
import { freePort, type RedisProcess, startRedis, waitForOutput } from "./redis.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cli(port: number, ...args: string[]): string {
  const r = spawnSync("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args], {
    encoding: "utf8",
    timeout: 10_000,
  });
  return `${r.stdout ?? ""}${r.stderr ?? ""}`;
}

async function until(what: string, ms: number, check: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Why a kind of server cannot run here (for a skip reason), or undefined when it can. */
export function sentinelUnavailable(): string | undefined {
  // Without a configuration file a sentinel-capable redis-server exits at once, saying it needs one.
  const r = spawnSync("redis-server", ["--sentinel"], { encoding: "utf8", timeout: 5_000 });
  if (r.error) return `redis-server cannot be run: ${r.error.message}`;
  if (!/Sentinel/.test(`${r.stdout}${r.stderr}`)) return "this redis-server has no Sentinel mode";
  return undefined;
}

export function clusterUnavailable(): string | undefined {
  const r = spawnSync("redis-cli", ["--cluster", "help"], { encoding: "utf8", timeout: 5_000 });
  if (r.error) return "redis-cli is not installed (Debian package redis-tools)";
  if (!`${r.stdout}${r.stderr}`.includes("create")) return "this redis-cli has no --cluster create";
  return undefined;
}

export interface SentinelSet {
  name: string;
  master: RedisProcess;
  replica: RedisProcess;
  sentinels: HostPort[];
  /** The port sentinels currently name as master. */
  masterPort(): number;
  /** SENTINEL FAILOVER, resolved once the sentinels name the replica as the new master. */
  failover(): Promise<void>;
  stop(): Promise<void>;
}

/** A master, one replica and two sentinels watching them as `mymaster`. */
export async function startSentinels(count = 2): Promise<SentinelSet> {
  const name = "mymaster";
  const dir = mkdtempSync(join(tmpdir(), "sipcode-sentinel-"));
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const master = await startRedis();
    stops.push(master.stop);
    const replica = await startRedis(["--replicaof", "127.0.0.1", String(master.port)]);
    stops.push(replica.stop);
    await until("the replica to sync", 10_000, () =>
      /master_link_status:up/.test(cli(replica.port, "info", "replication")),
    );
    const sentinels: HostPort[] = [];
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const conf = join(dir, `sentinel-${i}.conf`);
      // Sentinel rewrites its configuration file, so each one gets its own.
      writeFileSync(
        conf,
        [
          `port ${port}`,
          "bind 127.0.0.1",
          `dir ${dir}`,
          `sentinel monitor ${name} 127.0.0.1 ${master.port} 1`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          "",
        ].join("\n"),
      );
      const child = spawn("redis-server", [conf, "--sentinel"], { stdio: ["ignore", "pipe", "pipe"] });
      stops.push(
        () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      );
      await waitForOutput(child, "+monitor master", 10_000);
      sentinels.push({ host: "127.0.0.1", port });
    }
    const first = sentinels[0] as HostPort;
    const masterPort = () =>
      Number(cli(first.port, "sentinel", "get-master-addr-by-name", name).split("\n")[1]);
    // FAILOVER needs the sentinels to know the replica, which they learn from the master's INFO.
    await until("the sentinels to see the replica", 20_000, () =>
      sentinels.every((s) => cli(s.port, "sentinel", "replicas", name).includes(String(replica.port))),
    );
    return {
      name,
      master,
      replica,
      sentinels,
      masterPort,
      failover: async () => {
        const out = cli(first.port, "sentinel", "failover", name);
        if (!out.includes("OK")) throw new Error(`SENTINEL FAILOVER refused: ${out}`);
        await until("the replica to become master", 15_000, () => masterPort() === replica.port);
        await until("the new master to accept writes", 10_000, () =>
          /role:master/.test(cli(replica.port, "info", "replication")),
        );
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A free port whose cluster bus port (port + 10000) is free too. */
async function clusterPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = await freePort();
    if (port + 10_000 > 65_535) continue;
    const busFree = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once("error", () => resolve(false));
      s.listen(port + 10_000, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (busFree) return port;
  }
  throw new Error("no free port pair for a cluster node");
}

export interface RedisCluster {
  nodes: HostPort[];
  stop(): Promise<void>;
}

/** Three masters, no replicas, slots spread by `redis-cli --cluster create`. */
export async function startCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), "sipcode-cluster-"));
  const procs: RedisProcess[] = [];
  const stop = async () => {
    for (const p of procs) await p.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      const port = await clusterPort();
      const conf = join(dir, `nodes-${port}.conf`);
      procs.push(
        await startRedis(["--cluster-enabled", "yes", "--cluster-config-file", conf, "--dir", dir], port),
      );
    }
    const nodes = procs.map((p) => ({ host: "127.0.0.1", port: p.port }));
    const out = spawnSync(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...nodes.map((n) => `${n.host}:${n.port}`),
        "--cluster-replicas",
        "0",
        "--cluster-yes",
      ],
      { encoding: "utf8", timeout: 20_000 },
    );
    if (out.status !== 0) throw new Error(`redis-cli --cluster create failed: ${out.stdout}${out.stderr}`);
    await until("the cluster to be ok", 15_000, () =>
      nodes.every((n) => cli(n.port, "cluster", "info").includes("cluster_state:ok")),
    );
    return { nodes, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
