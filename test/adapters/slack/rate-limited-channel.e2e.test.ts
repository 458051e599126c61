// A channel Slack rate-limits, end to end: the real server, Slack-signed mentions, chat.postMessage
// answering 429 with Retry-After through nock. Replies in other channels keep going while the
// channel waits, replies in the waiting channel keep their order (a reply's card and checklist
// together, whichever reply met the 429), and a post that would wait twice tells the user instead.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const JSON_TYPE = "application/json";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const inChannel = (channel: string) => (b: Body) => b.channel === channel;
const mention = (channel: string, ts: string, code = "488", thread_ts?: string) => ({
  type: "app_mention",
  user: "U1",
  channel,
  ts,
  text: `<@UBOT> ${code}`,
  ...(thread_ts ? { thread_ts } : {}),
});

/** What a thread shows, post by post: "486 card", "486 checklist", … */
const shown = (posts: Body[]) =>
  posts.map((b) => {
    const text = String(b.text);
    const code = /SIP (\d{3})/.exec(text)?.[1] ?? "?";
    return `${code} ${/checklist/i.test(text) ? "checklist" : "card"}`;
  });
const ratelimited = [429, { ok: false, error: "ratelimited" }, { "retry-after": "2" }] as const;

describe("while Slack rate-limits one channel", () => {
  it("answers in another channel at once, and in the limited one in order once the wait is over", async () => {
    const busy: Array<Body & { at: number }> = [];
    const quiet: Array<Body & { at: number }> = [];
    const limited = nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CBUSY"))
      .reply(...ratelimited);
    const ok = nock(SLACK_API)
      .post(
        "/api/chat.postMessage",
        (b: Body) => b.channel === "CBUSY" && busy.push({ ...b, at: Date.now() }) > 0,
      )
      .times(16)
      .reply(200, { ok: true, ts: "1700000100.000200" })
      .post(
        "/api/chat.postMessage",
        (b: Body) => b.channel === "CQUIET" && quiet.push({ ...b, at: Date.now() }) > 0,
      )
      .times(2)
      .reply(200, { ok: true, ts: "1700000200.000200" });

    // The first reply meets the 429; seven more follow in the same channel, filling every slot.
    await postSigned(server, eventBody(mention("CBUSY", "1700000101.000100")), JSON_TYPE);
    await until(() => limited.isDone());
    const limitedAt = Date.now();
    for (let i = 2; i <= 8; i++)
      await postSigned(server, eventBody(mention("CBUSY", `170000010${i}.000100`)), JSON_TYPE);
    const quietAt = Date.now();
    await postSigned(server, eventBody(mention("CQUIET", "1700000201.000100")), JSON_TYPE);

    await until(() => quiet.length === 2, 1500);
    expect((quiet[0]?.at ?? Number.POSITIVE_INFINITY) - quietAt).toBeLessThan(1000);
    expect(busy).toHaveLength(0);

    await until(() => ok.isDone(), 6000);
    // Nothing went to the limited channel before its Retry-After was up, and no reply overtook
    // an earlier one: threads start in the order their mentions arrived, card before checklist.
    expect((busy[0]?.at ?? 0) - limitedAt).toBeGreaterThanOrEqual(1900);
    const threads = busy.map((b) => String(b.thread_ts));
    const firstSeen = [...new Set(threads)];
    expect(firstSeen).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => `170000010${i}.000100`));
    for (const t of firstSeen) {
      const mine = busy.filter((b) => b.thread_ts === t);
      expect(mine).toHaveLength(2);
      expect(mine[0]?.blocks).toBeDefined();
      expect(String(mine[1]?.text)).toMatch(/checklist|check/i);
    }
  });

  it("tells the user Slack is rate-limiting, rather than wait a second time, when the channel stays limited", async () => {
    const ephemeral: Body[] = [];
    const first = nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CSTUCK"))
      .reply(...ratelimited);
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CSTUCK"))
      .reply(...ratelimited)
      .post("/api/chat.postEphemeral", (b: Body) => ephemeral.push(b) > 0)
      .times(2)
      .reply(200, { ok: true });
    const started = Date.now();
    await postSigned(server, eventBody(mention("CSTUCK", "1700000301.000100")), JSON_TYPE);
    await until(() => first.isDone());
    await postSigned(server, eventBody(mention("CSTUCK", "1700000302.000100")), JSON_TYPE);
    await until(() => scope.isDone() && ephemeral.length === 2, 6000);
    // Both hear of it after the first wait (about 2 s), not after waiting in turn (4 s or more).
    expect(Date.now() - started).toBeLessThan(3500);
    expect(ephemeral.map((e) => e.user)).toEqual(["U1", "U1"]);
    for (const e of ephemeral) expect(String(e.text)).toMatch(/Slack is rate-limiting me right now/);
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(metrics).toMatch(/sipcode_platform_api_errors_total\{code="ratelimited",platform="slack"\} [2-9]/);
  });

  it("keeps each reply's card and checklist together, in the order the mentions arrived", async () => {
    const thread = "1700000400.000100";
    const posts: Body[] = [];
    const limited = nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CPAIR"))
      .reply(...ratelimited);
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", (b: Body) => b.channel === "CPAIR" && posts.push(b) > 0)
      .times(6)
      .reply(200, { ok: true, ts: "1700000400.000900" });
    await postSigned(server, eventBody(mention("CPAIR", "1700000401.000100", "486", thread)), JSON_TYPE);
    await until(() => limited.isDone());
    // nock answering the 429 is not the server having read it: a card posted before it knows the
    // channel is paused is on its way already and may land first. Give it that moment (the pause
    // lasts 2 s), then mention again.
    await new Promise((r) => setTimeout(r, 300));
    await postSigned(server, eventBody(mention("CPAIR", "1700000402.000100", "488", thread)), JSON_TYPE);
    await postSigned(server, eventBody(mention("CPAIR", "1700000403.000100", "503", thread)), JSON_TYPE);
    await until(() => scope.isDone(), 6000);
    expect(shown(posts)).toEqual([
      "486 card",
      "486 checklist",
      "488 card",
      "488 checklist",
      "503 card",
      "503 checklist",
    ]);
  });

  it("lets an earlier reply whose card got out before the 429 finish first", async () => {
    const thread = "1700000500.000100";
    const posts: Body[] = [];
    const into = (b: Body) => b.channel === "CRACE" && posts.push(b) > 0;
    // The 486 card is still on its way when the 488 card, sent after it, is rate-limited.
    const slow = nock(SLACK_API)
      .post("/api/chat.postMessage", into)
      .delay(300)
      .reply(200, { ok: true, ts: "1700000500.000900" });
    const limited = nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CRACE"))
      .reply(...ratelimited);
    await postSigned(server, eventBody(mention("CRACE", "1700000501.000100", "486", thread)), JSON_TYPE);
    await until(() => posts.length === 1);
    await postSigned(server, eventBody(mention("CRACE", "1700000502.000100", "488", thread)), JSON_TYPE);
    await until(() => slow.isDone() && limited.isDone());
    const rest = nock(SLACK_API)
      .post("/api/chat.postMessage", into)
      .times(3)
      .reply(200, { ok: true, ts: "1700000500.000900" });
    await until(() => rest.isDone(), 6000);
    expect(shown(posts)).toEqual(["486 card", "486 checklist", "488 card", "488 checklist"]);
  });

  it("still waits out its own 429 when it only queued behind a reply finishing after the pause", async () => {
    const thread = "1700000600.000100";
    const posts: Body[] = [];
    const ephemeral: Body[] = [];
    const into = (b: Body) => b.channel === "CAFTER" && posts.push(b) > 0;
    const once = [429, { ok: false, error: "ratelimited" }, { "retry-after": "1" }] as const;
    // 486 waits out a pause; its checklist is slow, so 488 arrives while 486 still holds the turn.
    const first = nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CAFTER"))
      .reply(...once)
      .post("/api/chat.postMessage", into)
      .reply(200, { ok: true, ts: "1700000600.000900" })
      .post("/api/chat.postMessage", into)
      .delay(300)
      .reply(200, { ok: true, ts: "1700000600.000900" });
    await postSigned(server, eventBody(mention("CAFTER", "1700000601.000100", "486", thread)), JSON_TYPE);
    await until(() => posts.length === 2, 4000);
    nock(SLACK_API)
      .post("/api/chat.postMessage", inChannel("CAFTER"))
      .reply(...once)
      .post("/api/chat.postMessage", into)
      .times(2)
      .reply(200, { ok: true, ts: "1700000600.000900" })
      .post("/api/chat.postEphemeral", (b: Body) => ephemeral.push(b) > 0)
      .optionally()
      .reply(200, { ok: true });
    await postSigned(server, eventBody(mention("CAFTER", "1700000602.000100", "488", thread)), JSON_TYPE);
    await until(() => first.isDone() && posts.length === 4, 5000);
    expect(shown(posts)).toEqual(["486 card", "486 checklist", "488 card", "488 checklist"]);
    expect(ephemeral).toEqual([]);
  });
});
