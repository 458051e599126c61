// Where the shared store lives: one Redis (REDIS_URL), a master found through Redis Sentinel
// (REDIS_SENTINELS), or a Redis Cluster (REDIS_CLUSTER_NODES). config.ts checks the variables with
// these rules; redis-client.ts opens the connection.

export interface HostPort {
  host: string;
  port: number;
}

/** The username, password and database taken from REDIS_URL when it is given with sentinels or a cluster. */
export interface RedisAuth {
  username?: string;
  password?: string;
  db?: number;
}

export type RedisTarget =
  | { mode: "single"; url: string }
  | { mode: "sentinel"; sentinels: HostPort[]; name: string; sentinelPassword?: string; auth: RedisAuth }
  | { mode: "cluster"; nodes: HostPort[]; auth: RedisAuth };

/** `host:port` or `[v6 address]:port`, as sentinels and cluster nodes are usually written. */
const HOST_PORT = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9._-]+)):(\d{1,5})$/;

/** A comma-separated `host:port` list, or a sentence saying what is wrong with it. */
export function parseHostPorts(value: string): HostPort[] | string {
  const items = value
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  if (items.length === 0) return "give at least one host:port";
  const out: HostPort[] = [];
  for (const item of items) {
    const m = HOST_PORT.exec(item);
    const port = m ? Number(m[3]) : 0;
    if (!m || port < 1 || port > 65535) return `"${item}" is not host:port (e.g. redis-1:26379)`;
    out.push({ host: (m[1] ?? m[2]) as string, port });
  }
  return out;
}

/**
 * The credentials and database of REDIS_URL, for sentinel and cluster mode (its host and port are not
 * used there: the sentinels or the cluster say where to go), or a sentence saying what is wrong.
 */
export function authFromUrl(url: string | undefined): RedisAuth | string {
  if (url === undefined) return {};
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "is not a URL (e.g. redis://:password@redis/0)";
  }
  if (u.protocol === "rediss:") return "TLS (rediss://) is not supported with sentinels or a cluster yet";
  if (u.protocol !== "redis:") return "must start with redis://";
  const path = u.pathname.replace(/^\//, "");
  if (path !== "" && !/^\d+$/.test(path)) return `"${path}" is not a database number`;
  const auth: RedisAuth = {};
  if (u.username) auth.username = decodeURIComponent(u.username);
  if (u.password) auth.password = decodeURIComponent(u.password);
  if (path !== "") auth.db = Number(path);
  return auth;
}

/** Hosts and ports only, for log lines and error messages (never a password). */
export function describeTarget(t: Exclude<RedisTarget, { mode: "single" }>): string {
  const list = (hs: HostPort[]) =>
    hs.map((h) => `${h.host.includes(":") ? `[${h.host}]` : h.host}:${h.port}`);
  if (t.mode === "sentinel") return `sentinels ${list(t.sentinels).join(",")} (master group ${t.name})`;
  return `cluster nodes ${list(t.nodes).join(",")}`;
}
