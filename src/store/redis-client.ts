// Opens the ioredis client for a RedisTarget: one Redis, a master found through Redis Sentinel (ioredis
// follows failovers itself), or a Redis Cluster. Logs where it connected, naming hosts, never passwords.
import { Cluster, Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../log.js";
import { describeTarget, type HostPort, type RedisTarget } from "./redis-target.js";

export type RedisClient = Redis | Cluster;

const COMMON = {
  lazyConnect: true,
  // Fail a command quickly while Redis is away; callers decide what a failure means.
  maxRetriesPerRequest: 1,
  connectTimeout: 5_000,
  retryStrategy: (times: number) => Math.min(200 * times, 2_000),
} satisfies RedisOptions;

const hostPort = (h: { host?: string; port?: number }) => `${h.host ?? "?"}:${h.port ?? "?"}`;

export function createRedisClient(
  target: RedisTarget,
  logger?: Logger,
): { client: RedisClient; where: string } {
  if (target.mode === "single") {
    const client = new Redis(target.url, COMMON);
    return { client, where: hostPort(client.options) };
  }
  const where = describeTarget(target);
  if (target.mode === "cluster") {
    const client = new Cluster(target.nodes, {
      lazyConnect: true,
      // The cluster's own queue waits for the cluster with no time limit: while it is not ready a
      // command fails at once instead, as a claim or /readyz must not wait for Redis to come back.
      enableOfflineQueue: false,
      clusterRetryStrategy: COMMON.retryStrategy,
      redisOptions: {
        ...target.auth,
        connectTimeout: COMMON.connectTimeout,
        maxRetriesPerRequest: 1,
        commandTimeout: 2_000,
      },
    });
    if (logger) logCluster(client, where, logger);
    return { client, where };
  }
  const client = new Redis({
    ...COMMON,
    // While no sentinel answers, ioredis queues commands without counting retries: bound each one so
    // a claim or /readyz fails instead of waiting for Redis to come back.
    commandTimeout: 2_000,
    ...target.auth,
    sentinels: target.sentinels,
    name: target.name,
    sentinelPassword: target.sentinelPassword,
    sentinelRetryStrategy: COMMON.retryStrategy,
    // Drop the connection as soon as a sentinel announces a new master, instead of waiting for the
    // old one to fail.
    failoverDetector: true,
    // An old master turned replica refuses writes: reconnect through the sentinels and resend.
    reconnectOnError: (err) => (/^READONLY/.test(err.message) ? 2 : false),
  });
  if (logger) logSentinel(client, target.name, where, logger);
  return { client, where };
}

/** One line when the master is first found, and one each time a failover moves it. */
function logSentinel(client: Redis, name: string, where: string, logger: Logger): void {
  let master: string | undefined;
  client.on("ready", () => {
    const s = client.stream;
    const now = s?.remoteAddress ? hostPort({ host: s.remoteAddress, port: s.remotePort }) : "?";
    if (master === undefined) logger.info(`Redis master ${name} is at ${now}, found through ${where}`);
    else if (now !== master) logger.warn(`Redis master ${name} moved from ${master} to ${now} (failover)`);
    master = now;
  });
  client.on("reconnecting", () => {
    if (master !== undefined) logger.debug(`reconnecting to Redis master ${name} through the sentinels`);
  });
}

function logCluster(client: Cluster, where: string, logger: Logger): void {
  let ready = false;
  const masters = () =>
    client
      .nodes("master")
      .map((n) => hostPort(n.options))
      .join(",");
  client.on("ready", () => {
    if (!ready) logger.info(`Redis Cluster ready with masters ${masters()}, found from ${where}`);
    ready = true;
  });
  const changed = (what: string) => (node: { options: Partial<HostPort> }) => {
    if (ready) logger.info(`Redis Cluster node ${hostPort(node.options)} ${what}`);
  };
  client.on("+node", changed("joined"));
  client.on("-node", changed("left"));
}
