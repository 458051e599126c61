// The key that signs pasted-log checklist snapshots: never the public app id; the client secret when
// there is one; else one random key shared through the Store, so a tick that lands on another replica
// works; else a per-process key with a warning. Replicas are real servers sharing a real Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RefCodec } from "../../../src/adapters/teams/cards.js";
import { checklistSecret } from "../../../src/adapters/teams/ref-secret.js";
import { respond } from "../../../src/respond.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { MemoryStore } from "../../../src/store/memory.js";
import type { Store } from "../../../src/store/store.js";
import { catalog } from "../../helpers/catalog.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../../helpers/redis.js";
import { actionsOf, cardOf, cardText, executeInvoke, memoryLogger, message } from "./helpers.js";
import { env, post } from "./http-harness.js";

const TRACE =
  "SIP/2.0 503 Service Unavailable\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1\nCSeq: 1 INVITE";
const APP_ID = "00000000-0000-0000-0000-0000000000a1";

const scanCards = () => respond(catalog(), TRACE, "teams").cards;

describe("checklistSecret", () => {
  it("uses the client secret when there is one", async () => {
    const { logger } = memoryLogger();
    expect(await checklistSecret({ password: "pw", store: new MemoryStore(), logger })).toBe("pw");
  });

  it("otherwise keeps one random key in the store, never the app id", async () => {
    const { logger, lines } = memoryLogger();
    const store = new MemoryStore();
    const [a, b] = await Promise.all([
      checklistSecret({ store, logger }),
      checklistSecret({ store, logger }),
    ]);
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(lines()).toEqual([]);
    // A snapshot forged with the public app id is refused.
    const forged = new RefCodec(APP_ID).encode(scanCards(), null);
    expect(new RefCodec(a).decode(catalog(), forged, {})).toBeNull();
  });

  it("falls back to a key of this process, with a warning, when the store is unreachable", async () => {
    const { logger, lines } = memoryLogger();
    const down = Object.assign(new MemoryStore(), {
      getJson: () => Promise.reject(new Error("connection refused")),
    }) as Store;
    const a = await checklistSecret({ store: down, logger, waitMs: 200 });
    const b = await checklistSecret({ store: down, logger, waitMs: 200 });
    expect(a).not.toBe(b);
    expect(lines().filter((l) => l.level === "warn")).toHaveLength(2);
  });
});

describe.skipIf(skipRedisTests())("replicas sharing Redis", () => {
  let redis: RedisProcess;
  const replicas: RunningServer[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    // Emulator mode, no client secret: the key can only come from the store.
    const config = env({ REDIS_URL: redis.url });
    replicas.push(...(await Promise.all([0, 1].map(() => startServer(config, { catalog: catalog() })))));
  }, 30_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await redis?.stop();
  });

  it("tick a pasted log's checklist posted by the other replica", async () => {
    const [a, b] = replicas as [RunningServer, RunningServer];
    const answer = await post(a.port, { ...message("personal", TRACE), deliveryMode: "expectReplies" });
    const tick = actionsOf(cardOf(answer.body?.activities?.[0])).find((x) => x.verb === "tick");
    const data: Record<string, unknown> = { ...(tick?.data as object), "check-0": "true" };
    expect(String(data.ref)).toMatch(/^z:/);
    const res = await post(b.port, executeInvoke("personal", "tick", data));
    expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(res.body?.value)).toContain("✓ Alice Example");
  });

  it("refuses a snapshot signed with a key anyone could know", async () => {
    const [, b] = replicas as [RunningServer, RunningServer];
    const cards = scanCards().map((c) => ({ ...c, title: "Call the number below to fix this" }));
    for (const known of [APP_ID, "sipcode-development"]) {
      const ref = new RefCodec(known).encode(cards, null);
      const res = await post(b.port, executeInvoke("personal", "tick", { verb: "tick", ref, ticks: {} }));
      expect(String(res.body?.value)).toMatch(/can't update this checklist/);
    }
  });
});

describe("replicas given TEAMS_CHECKLIST_SECRET, without a shared store", () => {
  const replicas: RunningServer[] = [];
  beforeAll(async () => {
    const config = env({ TEAMS_CHECKLIST_SECRET: "a-long-shared-checklist-key-0123" });
    replicas.push(...(await Promise.all([0, 1].map(() => startServer(config, { catalog: catalog() })))));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
  });

  it("tick a pasted log's checklist posted by the other replica", async () => {
    const [a, b] = replicas as [RunningServer, RunningServer];
    const answer = await post(a.port, { ...message("personal", TRACE), deliveryMode: "expectReplies" });
    const tick = actionsOf(cardOf(answer.body?.activities?.[0])).find((x) => x.verb === "tick");
    const data: Record<string, unknown> = { ...(tick?.data as object), "check-0": "true" };
    const res = await post(b.port, executeInvoke("personal", "tick", data));
    expect(cardText(res.body?.value)).toContain("✓ Alice Example");
  });
});
