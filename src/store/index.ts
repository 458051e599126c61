// Picks the Store: Redis when REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES is set (several
// replicas), in-process memory otherwise.
import type { Logger } from "../log.js";
import { MemoryStore } from "./memory.js";
import type { RedisTarget } from "./redis-target.js";
import type { Store } from "./store.js";

export type { RedisTarget } from "./redis-target.js";
export type { Reminder, Store } from "./store.js";

/** `redis`: the config's target (a bare URL is read as one Redis). */
export async function openStore(redis: RedisTarget | string | undefined, logger: Logger): Promise<Store> {
  if (!redis) return new MemoryStore();
  const { RedisStore } = await import("./redis.js");
  const target: RedisTarget = typeof redis === "string" ? { mode: "single", url: redis } : redis;
  const store = new RedisStore({ target, logger: logger.child({ part: "store" }) });
  try {
    await store.connect();
  } catch (err) {
    // Keep starting: ioredis reconnects by itself and /readyz reports 503 until Redis answers.
    logger.error(`${(err as Error).message}; retrying in the background`);
  }
  return store;
}
