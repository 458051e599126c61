// A Redis that refuses the password in REDIS_URL: the start-up error says so and names where it
// tried, instead of looking like an outage, and never repeats the password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisStore } from "../../src/store/redis.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../helpers/redis.js";

const skipRedis = skipRedisTests();
let redis: RedisProcess | undefined;

beforeAll(async () => {
  if (!skipRedis) redis = await startRedis(["--requirepass", "right-password-123"]);
});

afterAll(async () => {
  await redis?.stop();
});

describe.skipIf(skipRedis)("a Redis password that is refused", () => {
  it("is reported as refused credentials at host:port, without the password", async () => {
    const port = redis?.port;
    const store = new RedisStore({ url: `redis://:wrong-password-456@127.0.0.1:${port}` });
    try {
      const failure = await store.connect().then(
        () => "connected",
        (err: Error) => err.message,
      );
      expect(failure).toBe(`Redis refused the username or password in REDIS_URL at 127.0.0.1:${port}`);
      expect(failure).not.toContain("wrong-password-456");
    } finally {
      await store.close();
    }
  });

  it("connects with the right one", async () => {
    const store = new RedisStore({ url: `redis://:right-password-123@127.0.0.1:${redis?.port}` });
    try {
      await store.connect();
      expect(await store.ping()).toBe(true);
    } finally {
      await store.close();
    }
  });
});
