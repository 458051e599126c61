// Two replicas sharing one real Redis, each a real server in this process with its own Redis client:
// two people tick one checklist at once, each click reaching a different replica, and both ticks stay.
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checklistMessage } from "../../../src/render/slack-checklist.js";
import type { RunningServer } from "../../../src/server.js";
import { RedisStore } from "../../../src/store/redis.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../../helpers/redis.js";
import { postSigned, SLACK_API, startSlackServer, tickAs, until } from "./harness.js";

const skip = skipRedisTests();
const FORM = "application/x-www-form-urlencoded";

let redis: RedisProcess | undefined;
const replicas: RunningServer[] = [];

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  for (let i = 0; i < 2; i++) {
    const store = new RedisStore({ url: (redis as RedisProcess).url });
    await store.connect();
    replicas.push(await startSlackServer({}, { store }));
  }
}, 30_000);

afterAll(async () => {
  for (const r of replicas) await r.close();
  await redis?.stop();
  nock.cleanAll();
  nock.enableNetConnect();
});

const tick = (user: string, ts: string, blocks: unknown[], option: unknown): string =>
  tickAs(user, ts, blocks, [option]);

describe.skipIf(skip)("a checklist ticked on two replicas at once", () => {
  it("keeps both ticks", async () => {
    const list = checklistMessage({
      title: "SIP 488 Not Acceptable Here",
      items: [{ text: "Compare SDP" }, { text: "Check codecs" }, { text: "Ask the carrier" }],
    });
    const options =
      (list.blocks[1] as { elements: Array<{ options: unknown[] }> }).elements[0]?.options ?? [];
    const updates: Array<Record<string, unknown>> = [];
    nock(SLACK_API)
      .persist()
      .post("/api/chat.update", (b) => updates.push(b) > 0)
      .delay(100)
      .reply(200, { ok: true });
    const ts = "1700000500.000200";
    const [a, b] = replicas as [RunningServer, RunningServer];
    await Promise.all([
      postSigned(a, tick("UALICE", ts, list.blocks, options[0]), FORM),
      postSigned(b, tick("UBOB", ts, list.blocks, options[2]), FORM),
    ]);
    await until(() => updates.length >= 2);
    await new Promise((r) => setTimeout(r, 600));
    const last = String(updates.at(-1)?.blocks);
    expect(last).toMatch(/✓ 1\. <@UALICE>/);
    expect(last).toMatch(/✓ 3\. <@UBOB>/);
    expect(last).toMatch(/2 of 3 done/);
    // What each replica worked from is the copy in Redis, not one of its own.
    const shared = new RedisStore({ url: (redis as RedisProcess).url });
    await shared.connect();
    const kept = await shared.getJson<{ state: { items: Array<{ by?: string }> } }>(
      `slack:checklist:C1:${ts}`,
    );
    await shared.close();
    expect(kept?.state.items.map((i) => i.by ?? null)).toEqual(["UALICE", null, "UBOB"]);
  });
});
