// Durable reminders on a real Redis with real server processes: a replica killed after accepting a
// Teams reminder is replaced and the reminder is still delivered; with two replicas polling the same
// store, a due reminder is delivered exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHttp, type Recorded, startFakeHttp } from "../helpers/fake-http.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../helpers/redis.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

const skip = skipRedisTests();
let redis: RedisProcess;
let connector: FakeHttp;
const running: ServerProcess[] = [];

async function replica(): Promise<ServerProcess> {
  const p = await startServerProcess({ NODE_ENV: "test", REDIS_URL: redis.url });
  running.push(p);
  return p;
}

/** "Remind me" from a Teams card (the Action.Submit form), in a channel thread. */
function remindActivity(id: string, label: string, afterSeconds: number): string {
  return JSON.stringify({
    type: "message",
    id,
    channelId: "msteams",
    serviceUrl: `${connector.url}/`,
    from: { id: "29:oncall", name: "Dana" },
    recipient: { id: "28:sipcode", name: "sipcode" },
    conversation: { id: "19:incident@thread.tacv2;messageid=1700000000000", conversationType: "channel" },
    replyToId: "1700000000000",
    value: { verb: "remind", label, afterSeconds },
  });
}

async function send(to: ServerProcess, body: string): Promise<number> {
  const res = await fetch(`${to.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  await res.text();
  return res.status;
}

const reminderFor = (label: string) => (r: Recorded) =>
  r.method === "POST" &&
  /\/activities$/.test(r.path) &&
  r.body.includes(`Reminder for <at>Dana</at>: ${label}`);

describe.skipIf(skip)("reminders across replica restarts", () => {
  beforeAll(async () => {
    redis = await startRedis();
    connector = await startFakeHttp(() => ({ status: 201, body: { id: `a${Date.now()}` } }));
  }, 20_000);

  afterAll(async () => {
    await Promise.all(running.map((p) => p.kill("SIGKILL")));
    await connector?.close();
    await redis?.stop();
  });

  it("delivers a reminder accepted by a replica that was killed before it was due", async () => {
    const first = await replica();
    expect(await send(first, remindActivity("1700000000101", "registration refresh due", 3))).toBe(200);
    const confirmed = connector.requests.some((r) => r.body.includes("I'll remind this thread"));
    expect(confirmed).toBe(true);
    // A crash, not a shutdown: nothing gets a chance to hand the reminder over.
    await first.kill("SIGKILL");
    expect(connector.requests.filter(reminderFor("registration refresh due"))).toHaveLength(0);

    await replica();
    const delivered = await connector.waitFor(reminderFor("registration refresh due"), 1, 15_000);
    expect(delivered).toHaveLength(1);
    expect(decodeURIComponent(delivered[0]?.path ?? "")).toContain(
      "/v3/conversations/19:incident@thread.tacv2;messageid=1700000000000/activities",
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(connector.requests.filter(reminderFor("registration refresh due"))).toHaveLength(1);
  }, 40_000);

  it("delivers a due reminder once when two replicas poll the same store", async () => {
    const [a] = await Promise.all([replica(), replica()]);
    if (!a) throw new Error("no replica");
    expect(await send(a, remindActivity("1700000000202", "session refresh due", 2))).toBe(200);
    expect(await connector.waitFor(reminderFor("session refresh due"), 1, 15_000)).toHaveLength(1);
    // Give the other replica several more polls in which it could wrongly deliver it again.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(connector.requests.filter(reminderFor("session refresh due"))).toHaveLength(1);
  }, 40_000);
});
