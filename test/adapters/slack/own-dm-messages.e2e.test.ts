// Messages people send sipcode in its own DM (the app's Messages tab), end to end over HTTP: the
// real server, signed `message` events with channel_type "im", the Web API and file host faked
// with nock. Every message there is answered like a mention; bots, edits and channels are not.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, PASTED_488, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const JSON_TYPE = "application/json";
const DM = "D0BOTDM1";
const AUTO_CHANNEL = "C0AUTO";
const LOG = PASTED_488;

let server: RunningServer;
serverPerFile(
  (s) => {
    server = s;
  },
  { slack: { autoExplainChannels: [AUTO_CHANNEL] } },
);

let n = 0;
/** A fresh message ts, so no test's message is taken for another's. */
const nextTs = () => `17000030${String(++n).padStart(2, "0")}.000100`;

/** alice's message in sipcode's DM, as Slack sends it for `message.im`. */
function dmEvent(ts: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { type: "message", channel: DM, channel_type: "im", user: "U1", ts, event_ts: ts, ...fields };
}

/** Records every chat.postMessage; `times` of them are expected. */
function expectPosts(times: number) {
  const posts: Body[] = [];
  const scope = nock(SLACK_API)
    .post("/api/chat.postMessage", into(posts))
    .times(times)
    .reply(200, { ok: true, ts: "1700003999.000100" });
  return { posts, scope };
}

const send = (event: Record<string, unknown>, eventId?: string) =>
  postSigned(server, eventBody(event, eventId), JSON_TYPE);

describe("a message in sipcode's own DM", () => {
  it("with a pasted log gets the analysis and the checklist in the message's thread", async () => {
    const ts = nextTs();
    const { posts, scope } = expectPosts(2);
    const res = await send(dmEvent(ts, { text: `can you look at this?\n\`\`\`${LOG}\`\`\`` }));
    expect(res.status).toBe(200);
    await until(() => scope.isDone());
    expect(posts.every((p) => p.channel === DM && p.thread_ts === ts)).toBe(true);
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    expect(String(posts[1]?.blocks)).toMatch(/checklist_tick/);
  });

  it.each([
    ["488", /SIP 488 Not Acceptable Here/],
    ["acs 410/3112", /410/],
    ["one way audio", /one.way audio/i],
    ["timers", /Timer B/],
    ["help", /\/sipcode/],
  ])("asking %s gets its card in the thread", async (text, card) => {
    const ts = nextTs();
    const posts: Body[] = [];
    nock(SLACK_API).post("/api/chat.postMessage", into(posts)).times(3).reply(200, { ok: true, ts: "1" });
    await send(dmEvent(ts, { text }));
    await until(() => posts.length > 0);
    // Its checklist, when it has one, follows the card; wait for it so no post outlives the test.
    await new Promise((r) => setTimeout(r, 300));
    expect(posts.every((p) => p.channel === DM && p.thread_ts === ts)).toBe(true);
    expect(String(posts[0]?.text)).toMatch(card);
  });

  it("with an attached text log reads the file and answers in the thread", async () => {
    const ts = nextTs();
    const { posts, scope } = expectPosts(2);
    const file = nock(SLACK_API).get("/files/dm-trace.log").reply(200, LOG, { "content-type": "text/plain" });
    await send(
      dmEvent(ts, {
        subtype: "file_share",
        text: "",
        files: [
          {
            id: "F1",
            name: "dm-trace.log",
            mimetype: "text/plain",
            filetype: "text",
            size: LOG.length,
            url_private_download: `${SLACK_API}/files/dm-trace.log`,
          },
        ],
      }),
    );
    await until(() => scope.isDone() && file.isDone());
    expect(posts.every((p) => p.channel === DM && p.thread_ts === ts)).toBe(true);
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
  });

  it.each([
    ["words that name nothing", "thanks!"],
    ["no words at all", ""],
  ])("with %s gets a short reply saying what to send", async (_, text) => {
    const ts = nextTs();
    const { posts, scope } = expectPosts(1);
    await send(dmEvent(ts, { text }));
    await until(() => scope.isDone());
    expect(posts[0]?.channel).toBe(DM);
    expect(String(posts[0]?.text)).toMatch(/Send me a log/);
    expect(String(posts[0]?.text)).toMatch(/`488`/);
  });

  it("is answered once, though Slack retries the event and delivers it as a mention too", async () => {
    const ts = nextTs();
    const { posts, scope } = expectPosts(2);
    const extra = nock(SLACK_API).post("/api/chat.postMessage").reply(200, { ok: true, ts: "1" });
    const body = eventBody(dmEvent(ts, { text: "<@UBOT> 486" }), `EvDm${ts}`);
    await postSigned(server, body, JSON_TYPE);
    await postSigned(server, body, JSON_TYPE, {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    await send({ type: "app_mention", user: "U1", channel: DM, ts, text: "<@UBOT> 486" });
    await until(() => scope.isDone());
    await new Promise((r) => setTimeout(r, 300));
    expect(String(posts[0]?.text)).toMatch(/SIP 486 Busy Here/);
    expect(posts.every((p) => p.channel === DM && p.thread_ts === ts)).toBe(true);
    expect(extra.isDone()).toBe(false);
  });
});

describe("messages sipcode leaves alone", () => {
  /** Sends `ignored`, then a DM that is answered: once its reply is in, nothing else was posted. */
  async function onlyTheLastIsAnswered(ignored: Array<Record<string, unknown>>) {
    const posts: Body[] = [];
    nock(SLACK_API).post("/api/chat.postMessage", into(posts)).times(10).reply(200, { ok: true, ts: "1" });
    for (const event of ignored) expect((await send(event)).status).toBe(200);
    const ts = nextTs();
    await send(dmEvent(ts, { text: "487" }));
    await until(() => posts.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts.map((p) => p.thread_ts)).toEqual(posts.map(() => ts));
  }

  it("a bot's message in the DM, sipcode's own replies included", async () => {
    await onlyTheLastIsAnswered([
      dmEvent(nextTs(), { subtype: "bot_message", bot_id: "B0OTHER", user: undefined, text: LOG }),
      dmEvent(nextTs(), { bot_id: "B0SIPCODE", user: "UBOT", app_id: "A1", text: "First failure: SIP 488" }),
    ]);
  });

  it("an edit or a deletion in the DM", async () => {
    const ts = nextTs();
    await onlyTheLastIsAnswered([
      dmEvent(nextTs(), {
        subtype: "message_changed",
        user: undefined,
        message: { type: "message", user: "U1", text: "488", ts },
        previous_message: { type: "message", user: "U1", text: "48", ts },
      }),
      dmEvent(nextTs(), { subtype: "message_deleted", user: undefined, deleted_ts: ts }),
    ]);
  });

  it("a log in a channel without a mention, unless the channel opted in to auto-explain", async () => {
    const posts: Body[] = [];
    nock(SLACK_API).post("/api/chat.postMessage", into(posts)).times(10).reply(200, { ok: true, ts: "1" });
    const plain = nextTs();
    await send({ type: "message", channel: "C1", channel_type: "channel", user: "U1", ts: plain, text: LOG });
    const opted = nextTs();
    await send({
      type: "message",
      channel: AUTO_CHANNEL,
      channel_type: "channel",
      user: "U1",
      ts: opted,
      text: LOG,
    });
    await until(() => posts.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(posts.every((p) => p.channel === AUTO_CHANNEL && p.thread_ts === opted)).toBe(true);
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
  });
});
