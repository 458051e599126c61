// Picks the Store: Redis when REDIS_URL is set (several replicas), in-process memory otherwise.
import type { Logger } from "../log.js";
import { MemoryStore } from "./memory.js";
import type { Store } from "./store.js";

export type { Reminder, Store } from "./store.js";

export async function openStore(redisUrl: string | undefined, logger: Logger): Promise<Store> {
  if (!redisUrl) return new MemoryStore();
  const { RedisStore } = await import("./redis.js");
  const store = new RedisStore({ url: redisUrl });
  try {
    await store.connect();
  } catch (err) {
    // Keep starting: ioredis reconnects by itself and /readyz reports 503 until Redis answers.
    logger.error(`${(err as Error).message}; retrying in the background`);
  }
  return store;
}
