// A real redis-server for the tests, on a free loopback port, without persistence. CI installs the
// Debian package; elsewhere the tests say how to get it instead of passing without Redis.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function redisAvailable(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

export const REDIS_MISSING =
  "redis-server is not installed: run `apt-get install redis-server` (CI's .ci/run does this), or set SIPCODE_SKIP_REDIS_TESTS=1 to skip the Redis tests knowingly.";

/** True when the Redis tests should be skipped on purpose; throws when Redis is missing by accident. */
export function skipRedisTests(): boolean {
  if (process.env.SIPCODE_SKIP_REDIS_TESTS === "1") return true;
  if (!redisAvailable()) throw new Error(REDIS_MISSING);
  return false;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export function waitForOutput(child: ChildProcess, marker: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${seen}`)), ms);
    child.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
      if (seen.includes(marker)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${seen}`));
    });
  });
}

/** `extra`: more redis-server options (e.g. `--requirepass`); `port`: a port already picked free. */
export async function startRedis(extra: string[] = [], port?: number): Promise<RedisProcess> {
  port ??= await freePort();
  // Its own working folder: a replica saves the master's data it syncs to disk (dump.rdb), which
  // must not land in the folder the tests run from.
  const dir = extra.includes("--dir") ? undefined : mkdtempSync(join(tmpdir(), "sipcode-redis-"));
  const child = spawn(
    "redis-server",
    [
      ...(dir ? ["--dir", dir] : []),
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--protected-mode",
      "yes",
      ...extra,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await waitForOutput(child, "Ready to accept connections", 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (dir) rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}
