// Two replicas tick different items of one checklist through their own store connections: both
// ticks are kept, and either replica reads the merged state (what the Redis tests check for every
// way of reaching Redis).
import { expect } from "vitest";
import { MessageState } from "../../src/store/message-state.js";
import type { RedisStore } from "../../src/store/redis.js";

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
const ticks = (s: RedisStore) => new MessageState<string[]>(s, { ttlMs: 60_000, merge: union });

export async function expectBothTicksKept(a: RedisStore, b: RedisStore): Promise<void> {
  await ticks(a).change(
    "C1:1700.1",
    () => [],
    (cur) => union(cur, ["check the trunk"]),
  );
  const after = await ticks(b).change(
    "C1:1700.1",
    () => [],
    (cur) => union(cur, ["restart the SBC"]),
  );
  expect(after.state).toEqual(["check the trunk", "restart the SBC"]);
  expect(await a.getJson("C1:1700.1")).toEqual(after);
}
