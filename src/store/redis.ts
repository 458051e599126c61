// The shared Store on Redis (one server, Sentinel or Cluster): claims are SET NX PX, values expire with PX and are updated
// by a compare-and-set script, and reminders sit in a sorted set by due time with their JSON in a
// hash. Leasing runs as one Lua script, so two replicas polling together never both get the same
// reminder.
import { Cluster } from "ioredis";
import type { Logger } from "../log.js";
import { createRedisClient, type RedisClient } from "./redis-client.js";
import { clusterCanServe } from "./redis-cluster-ready.js";
import type { RedisTarget } from "./redis-target.js";
import type { Reminder, Store } from "./store.js";

// Due reminders are pushed `lease` ms into the future as they are handed out: a replica that dies
// before completing one lets it come due again for another replica.
const LEASE_SCRIPT = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local data = redis.call('HGET', KEYS[2], id)
  if data then
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    table.insert(out, data)
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out`;

// Compare-and-set: writes ARGV[3] only while the key still holds what the caller read (ARGV[1] "1"
// and ARGV[2] the old value, or ARGV[1] "0" for no value at all).
const SWAP_SCRIPT = `
local cur = redis.call('GET', KEYS[1])
if (ARGV[1] == '0' and cur == false) or (ARGV[1] == '1' and cur == ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', tonumber(ARGV[4]))
  return 1
end
return 0`;

/** Compare-and-set attempts before giving up; each lost race means someone else's write landed. */
const SWAP_TRIES = 20;

export interface RedisStoreOptions {
  /** One Redis by URL; or `target` for sentinels and clusters. */
  url?: string;
  target?: RedisTarget;
  /** Key prefix, so several deployments can share one Redis. */
  prefix?: string;
  /** Where connect and failover lines go (sentinels and clusters). */
  logger?: Logger;
}

export class RedisStore implements Store {
  readonly kind = "redis" as const;
  private readonly client: RedisClient;
  private readonly prefix: string;
  private readonly hash: string;
  /** Braces around the reminder keys' common part on a cluster, so both live in one hash slot. */
  private readonly slot: (name: string) => string;
  private lastError: Error | undefined;
  private readonly where: string;

  constructor(o: RedisStoreOptions) {
    const target = o.target ?? { mode: "single", url: o.url ?? "" };
    const { client, where } = createRedisClient(target, o.logger);
    this.client = client;
    this.where = where;
    // Connection errors are reported through ping()/readiness; without a listener ioredis logs them.
    // The last one is kept, so a failed start can say why (a refused password is no outage).
    this.client.on("error", (err: Error) => {
      this.lastError = err;
    });
    this.prefix = o.prefix ?? "sipcode:";
    // The reminder index and data are changed together (MULTI, the lease script), which a cluster
    // allows only within one hash slot. The braces go on cluster keys only: a single Redis or a
    // sentinel-managed master keeps the names earlier versions wrote, so pending reminders survive
    // the upgrade.
    const reminders = `${this.prefix}reminders`;
    this.slot =
      target.mode === "cluster" ? (name) => `{${reminders}}:${name}` : (name) => `${reminders}:${name}`;
    this.hash = this.slot("data");
  }

  private key(k: string): string {
    return `${this.prefix}kv:${k}`;
  }

  /** One due-time index per platform, so a replica only leases what it can deliver. */
  private due(platform: string): string {
    return this.slot(`due:${platform}`);
  }

  /** Connects, or fails with a sentence naming the Redis host and port (never the password). */
  async connect(): Promise<void> {
    // Through sentinels ioredis keeps trying while none answers and its connect() never settles: the
    // first error (or 10 s) ends the wait, and the client goes on connecting in the background.
    let stop = () => {};
    const failed = new Promise<never>((_, reject) => {
      const timer = setTimeout(() => reject(new Error("no answer within 10 s")), 10_000);
      const onError = (err: Error) => reject(err);
      this.client.once("error", onError);
      stop = () => {
        clearTimeout(timer);
        this.client.off("error", onError);
      };
    });
    try {
      await Promise.race([this.client.connect(), failed]);
    } catch (err) {
      const seen = `${this.lastError?.message ?? ""} ${(err as Error).message}`;
      const why = /WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(seen)
        ? "Redis refused the username or password in REDIS_URL"
        : `could not reach Redis (${(this.lastError ?? (err as Error)).message})`;
      throw new Error(`${why} at ${this.where}`);
    } finally {
      stop();
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    return (await this.client.set(this.key(key), "1", "PX", ttlMs, "NX")) === "OK";
  }

  async getJson<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(this.key(key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async setJson(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.client.set(this.key(key), JSON.stringify(value), "PX", ttlMs);
  }

  async updateJson<T>(key: string, change: (current: T | undefined) => T, ttlMs: number): Promise<T> {
    const k = this.key(key);
    for (let i = 0; i < SWAP_TRIES; i++) {
      const raw = await this.client.get(k);
      const next = change(raw === null ? undefined : (JSON.parse(raw) as T));
      const args = raw === null ? ["0", ""] : ["1", raw];
      const won = await this.client.eval(SWAP_SCRIPT, 1, k, ...args, JSON.stringify(next), String(ttlMs));
      if (won === 1) return next;
    }
    throw new Error(`the value at ${key} kept changing under this update`);
  }

  async schedule(reminder: Reminder): Promise<void> {
    await this.client
      .multi()
      .hset(this.hash, reminder.id, JSON.stringify(reminder))
      .zadd(this.due(reminder.platform), reminder.dueAt, reminder.id)
      .exec();
  }

  async lease(platform: string, now: number, leaseMs: number, limit: number): Promise<Reminder[]> {
    const raw = (await this.client.eval(
      LEASE_SCRIPT,
      2,
      this.due(platform),
      this.hash,
      String(now),
      String(now + leaseMs),
      String(limit),
    )) as string[];
    return raw.map((r) => JSON.parse(r) as Reminder);
  }

  async complete(reminder: Reminder): Promise<void> {
    await this.client
      .multi()
      .zrem(this.due(reminder.platform), reminder.id)
      .hdel(this.hash, reminder.id)
      .exec();
  }

  async retry(reminder: Reminder, retryAt: number): Promise<void> {
    await this.schedule({ ...reminder, attempts: reminder.attempts + 1, dueAt: retryAt });
  }

  async pending(): Promise<number> {
    return this.client.hlen(this.hash);
  }

  async ping(): Promise<boolean> {
    // One node answering says little of a cluster: every master holding slots must answer.
    if (this.client instanceof Cluster) return clusterCanServe(this.client);
    try {
      return (await this.client.ping()) === "PONG";
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    // QUIT lets Redis finish what it was sent; while Redis is away it would wait for a reconnect.
    if (this.client.status === "ready") {
      const quit = this.client.quit().catch(() => undefined);
      const bound = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
      await Promise.race([quit, bound]);
    }
    this.client.disconnect();
  }
}
