// Two real server processes sharing one real Redis, as two replicas behind a load balancer: a Slack
// event retried to the other replica, or delivered again as a `message` event, is answered once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, SIGNING_SECRET, sign } from "../adapters/slack/harness.js";
import { type FakeHttp, type Recorded, slackArgs, startFakeHttp } from "../helpers/fake-http.js";
import { type RedisProcess, skipRedisTests, startRedis } from "../helpers/redis.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

const skip = skipRedisTests();
const TRACE =
  "SIP/2.0 503 Service Unavailable\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1\nCSeq: 1 INVITE";

let redis: RedisProcess;
let slackApi: FakeHttp;
const replicas: ServerProcess[] = [];

function replicaEnv(redisUrl: string | undefined): Record<string, string> {
  return {
    NODE_ENV: "production",
    SLACK_BOT_TOKEN: "xoxb-replica-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slackApi.url}/api/`,
    SLACK_AUTO_EXPLAIN_CHANNELS: "C9",
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
}

async function deliver(to: ServerProcess, body: string, retry?: number): Promise<number> {
  const res = await fetch(`${to.url}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...sign(body),
      ...(retry ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } : {}),
    },
    body,
  });
  await res.text();
  return res.status;
}

const postsTo = (threadTs: string) => (r: Recorded) =>
  r.path.endsWith("/chat.postMessage") && slackArgs(r).thread_ts === threadTs;

/** One answer is two posts in the thread: the findings card, then its follow-up checklist. */
const ONE_ANSWER = 2;

const settle = () => new Promise((r) => setTimeout(r, 1_500));

describe.skipIf(skip)("replicas sharing Redis", () => {
  beforeAll(async () => {
    redis = await startRedis();
    slackApi = await startFakeHttp(() => ({ body: { ok: true, ts: `${Date.now() / 1000}`, channel: "C9" } }));
    replicas.push(
      ...(await Promise.all([
        startServerProcess(replicaEnv(redis.url)),
        startServerProcess(replicaEnv(redis.url)),
      ])),
    );
  }, 30_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill("SIGTERM")));
    await slackApi?.close();
    await redis?.stop();
  });

  it("answers an event once when Slack retries it to the other replica", async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const body = eventBody(
      { type: "app_mention", channel: "C9", user: "U1", ts: "1700000001.000100", text: `<@UBOT> ${TRACE}` },
      "EvReplica1",
    );
    expect(await deliver(a, body)).toBe(200);
    expect(await deliver(b, body, 1)).toBe(200);
    expect(await deliver(b, body, 2)).toBe(200);
    const posts = await slackApi.waitFor(postsTo("1700000001.000100"), ONE_ANSWER);
    await settle();
    expect(slackApi.requests.filter(postsTo("1700000001.000100"))).toHaveLength(ONE_ANSWER);
    expect(slackArgs(posts[0] as Recorded).text).toContain("503");
    // Logs carry Slack's ids for correlation, never the pasted text or a token.
    const logs = a.logs() + b.logs();
    expect(logs).toContain('"kind":"event:app_mention","event_id":"EvReplica1"');
    expect(logs).not.toContain("Service Unavailable");
    expect(logs).not.toContain("xoxb-replica-test");
  });

  it("answers a message once when it arrives as app_mention on one replica and message on the other", async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const event = { channel: "C9", user: "U1", ts: "1700000002.000200", text: `<@UBOT> ${TRACE}` };
    await Promise.all([
      deliver(a, eventBody({ type: "app_mention", ...event }, "EvMention2")),
      deliver(b, eventBody({ type: "message", channel_type: "channel", ...event }, "EvMessage2")),
    ]);
    await slackApi.waitFor(postsTo("1700000002.000200"), ONE_ANSWER);
    await settle();
    expect(slackApi.requests.filter(postsTo("1700000002.000200"))).toHaveLength(ONE_ANSWER);
  });

  it("still answers new events on either replica", async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    await deliver(
      a,
      eventBody({ type: "app_mention", channel: "C9", user: "U1", ts: "1700000003.1", text: "<@UBOT> 486" }),
    );
    await deliver(
      b,
      eventBody({ type: "app_mention", channel: "C9", user: "U1", ts: "1700000004.1", text: "<@UBOT> 486" }),
    );
    expect(await slackApi.waitFor(postsTo("1700000003.1"), ONE_ANSWER)).toHaveLength(ONE_ANSWER);
    expect(await slackApi.waitFor(postsTo("1700000004.1"), ONE_ANSWER)).toHaveLength(ONE_ANSWER);
  });

  it("reports the shared store in /readyz and the duplicates in /metrics", async () => {
    const [a, b] = replicas as [ServerProcess, ServerProcess];
    const ready = (await (await fetch(`${a.url}/readyz`)).json()) as { store: { kind: string; up: boolean } };
    expect(ready.store).toEqual({ kind: "redis", up: true });
    const text =
      (await (await fetch(`${b.url}/metrics`)).text()) + (await (await fetch(`${a.url}/metrics`)).text());
    const dups = [...text.matchAll(/^sipcode_duplicate_events_total\{platform="slack"\} (\d+)$/gm)].map((m) =>
      Number(m[1]),
    );
    expect(dups.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(3);
  });
});

describe.skipIf(skip)("replicas without a shared store", () => {
  it("answer a retry twice when each keeps its own memory (why REDIS_URL matters)", async () => {
    const api = await startFakeHttp(() => ({ body: { ok: true, ts: "1.0" } }));
    const saved = slackApi;
    slackApi = api;
    const pair = await Promise.all([
      startServerProcess(replicaEnv(undefined)),
      startServerProcess(replicaEnv(undefined)),
    ]);
    slackApi = saved;
    try {
      const body = eventBody(
        { type: "app_mention", channel: "C9", user: "U1", ts: "1700000005.5", text: `<@UBOT> ${TRACE}` },
        "EvNoRedis",
      );
      await deliver(pair[0], body);
      await deliver(pair[1], body, 1);
      expect(await api.waitFor(postsTo("1700000005.5"), 2 * ONE_ANSWER)).toHaveLength(2 * ONE_ANSWER);
    } finally {
      await Promise.all(pair.map((p) => p.kill()));
      await api.close();
    }
  }, 30_000);
});
