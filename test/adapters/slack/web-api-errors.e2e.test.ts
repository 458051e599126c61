// Web API failures over HTTP, end to end: the real server, a Slack-signed mention, the Web API
// answering with errors through nock. Retries, the plain-text fallback, and the sentence the user
// gets privately when the reply cannot be posted, with the code /metrics counts.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const JSON_TYPE = "application/json";
const TRACE = ["<@UBOT> can someone look at this?", "SIP/2.0 488 Not Acceptable Here", "CSeq: 1 INVITE"].join(
  "\n",
);

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

describe("when Slack refuses a thread reply", () => {
  const mention = { type: "app_mention", user: "U1", channel: "C1", ts: "1700000001.000100", text: TRACE };

  it("retries chat.postMessage after a 429 with Retry-After", async () => {
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" })
      .post("/api/chat.postMessage")
      .times(2)
      .reply(200, { ok: true, ts: "1700000002.000200" });
    await postSigned(server, eventBody({ ...mention, ts: "1700000002.000100" }), JSON_TYPE);
    await until(() => scope.isDone(), 6000);
  });

  it("says Slack is rate-limiting, and counts `ratelimited`, when 429s outlast the retries", async () => {
    const ephemeral: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .times(2)
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "0" })
      .post("/api/chat.postEphemeral", into(ephemeral))
      .reply(200, { ok: true });
    await postSigned(server, eventBody({ ...mention, ts: "1700000012.000100" }), JSON_TYPE);
    await until(() => scope.isDone(), 6000);
    expect(String(ephemeral[0]?.text)).toMatch(/Slack is rate-limiting me right now/);
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(metrics).toMatch(/sipcode_platform_api_errors_total\{code="ratelimited",platform="slack"\} [1-9]/);
    expect(metrics).not.toMatch(/code="slack_webapi_request_error"/);
  });

  it("does not hold up replies elsewhere while one call waits out a long Retry-After", async () => {
    const ephemeral: Body[] = [];
    const posted: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "600" })
      .post("/api/chat.postEphemeral", into(ephemeral))
      .reply(200, { ok: true })
      .post("/api/chat.postMessage", into(posted))
      .times(2)
      .reply(200, { ok: true, ts: "1700000032.000200" });
    // The user hears of the rate limit, and C2 gets its reply, long before the 600 s are up.
    await postSigned(server, eventBody({ ...mention, ts: "1700000031.000100" }), JSON_TYPE);
    await until(() => ephemeral.length > 0, 4000);
    await postSigned(server, eventBody({ ...mention, channel: "C2", ts: "1700000032.000100" }), JSON_TYPE);
    await until(() => scope.isDone(), 6000);
    expect(String(ephemeral[0]?.text)).toMatch(/Slack is rate-limiting me right now/);
    expect(posted[0]?.channel).toBe("C2");
  });

  it("falls back to plain text when Slack refuses the blocks", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "invalid_blocks" })
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000003.000200" });
    await postSigned(server, eventBody({ ...mention, ts: "1700000003.000100" }), JSON_TYPE);
    await until(() => scope.isDone());
    expect(posts[0]?.blocks).toBeUndefined();
    expect(String(posts[0]?.text)).toMatch(/SIP 488/);
  });

  it("tells the user privately when it cannot post in the channel", async () => {
    const ephemeral: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "not_in_channel" })
      .post("/api/chat.postEphemeral", into(ephemeral))
      .reply(200, { ok: true });
    await postSigned(server, eventBody({ ...mention, ts: "1700000004.000100" }), JSON_TYPE);
    await until(() => scope.isDone());
    expect(String(ephemeral[0]?.text)).toMatch(/invite/i);
  });

  it("names the Slack permission the app is missing", async () => {
    const ephemeral: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "missing_scope", needed: "chat:write", provided: "commands" })
      .post("/api/chat.postEphemeral", into(ephemeral))
      .reply(200, { ok: true });
    await postSigned(server, eventBody({ ...mention, ts: "1700000006.000100" }), JSON_TYPE);
    await until(() => scope.isDone());
    expect(String(ephemeral[0]?.text)).toContain("missing the Slack permission `chat:write`");
  });

  it("tells the user privately when the card is posted but its checklist is refused", async () => {
    const ephemeral: Body[] = [];
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .reply(200, { ok: true, ts: "1700000005.000200" })
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "channel_not_found" })
      .post("/api/chat.postEphemeral", into(ephemeral))
      .reply(200, { ok: true });
    await postSigned(server, eventBody({ ...mention, ts: "1700000005.000100" }), JSON_TYPE);
    await until(() => scope.isDone());
    expect(String(posts[0]?.text)).toMatch(/SIP 488/);
    expect(String(ephemeral[0]?.text)).toMatch(
      /^My answer is in the thread, but its checklist message could not be posted/,
    );
    expect(ephemeral[0]?.user).toBe("U1");
  });
});
