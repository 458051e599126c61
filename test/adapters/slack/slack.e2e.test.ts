// End to end over HTTP: the real server, Slack-signed requests, the Web API faked with nock.

import { gzipSync } from "node:zlib";
import nock from "nock";
import { describe, expect, it } from "vitest";
import { checklistMessage } from "../../../src/render/slack-checklist.js";
import type { RunningServer } from "../../../src/server.js";
import {
  type Body,
  checklistTick,
  ephemeralClick,
  eventBody,
  explainShortcut,
  into,
  postSigned,
  SLACK_API,
  sign,
  slashCommand,
  threadChecklistClick,
  until,
} from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const TRACE = [
  "<@UBOT> can someone look at this?",
  "SIP/2.0 100 Trying",
  "CSeq: 1 INVITE",
  "",
  "SIP/2.0 488 Not Acceptable Here",
  "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1",
  "Call-ID: abc@10.0.0.5",
  "CSeq: 1 INVITE",
  'Authorization: Digest username="bob", nonce="dcd98b7102dd2f0e", response="6629fae49393a05397450978507c4ef1"',
].join("\n");

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

/** A nock body matcher that records every request body it sees. */

describe("/sipcode over HTTP", () => {
  it("answers a signed /sipcode 488 in the ack, with no network access", async () => {
    const res = await postSigned(server, slashCommand("488"), FORM);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; blocks: Body[]; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.blocks[0]).toMatchObject({ type: "header", text: { text: "SIP 488 Not Acceptable Here" } });
    const actions = body.blocks.find((b) => b.type === "actions") as {
      elements: Array<{ action_id: string }>;
    };
    const ids = actions.elements.map((e) => e.action_id);
    expect(ids).toEqual(
      expect.arrayContaining(["share_in_channel", "post_checklist", "open_entry:mobius/403-118"]),
    );
    expect(body.text).toMatch(/SIP 488/);
  });

  it("answers an empty command with the help card", async () => {
    const res = await postSigned(server, slashCommand(""), FORM);
    const body = (await res.json()) as { blocks: Body[] };
    expect(JSON.stringify(body.blocks)).toMatch(/acs 410\/3112/);
  });

  it("rejects a bad signature and a 6-minute-old timestamp with 401", async () => {
    const body = slashCommand("488");
    const bad = await postSigned(
      server,
      body,
      FORM,
      {},
      { ...sign(body), "x-slack-signature": "v0=deadbeef" },
    );
    expect(bad.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await postSigned(server, body, FORM, {}, sign(body, old));
    expect(stale.status).toBe(401);
  });

  it("shares an answer in the channel through response_url, replacing the private one", async () => {
    const sent: Body[] = [];
    const scope = nock(SLACK_API).post("/respond/1", into(sent)).reply(200, { ok: true });
    const res = await postSigned(
      server,
      ephemeralClick("1", { action_id: "share_in_channel", value: "488" }),
      FORM,
    );
    expect(res.status).toBe(200);
    await until(() => scope.isDone());
    expect(sent[0]).toMatchObject({ response_type: "in_channel", delete_original: true });
    expect(JSON.stringify(sent[0])).toMatch(/Shared by <@U1>/);
  });
});

describe("checklists", () => {
  it("updates the message in place with who ticked what", async () => {
    const list = checklistMessage({
      title: "SIP 488 Not Acceptable Here",
      items: [{ text: "Compare SDP" }, { text: "Check codecs" }],
    });
    const update: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.update", into(update))
      .reply(200, { ok: true, ts: "1700000000.000200" });
    const items = list.blocks[1] as { elements: Array<{ options: unknown[] }> };
    const firstOption = items.elements[0]?.options[0];
    await postSigned(server, checklistTick("2", list.blocks, firstOption), FORM);
    await until(() => scope.isDone());
    expect(update[0]?.channel).toBe("C1");
    expect(update[0]?.ts).toBe("1700000000.000200");
    const blocks = JSON.parse(String(update[0]?.blocks));
    expect(JSON.stringify(blocks)).toMatch(/✓ 1\. <@U7>/);
    expect(JSON.stringify(blocks)).toMatch(/1 of 2 done/);
  });

  it("schedules a reminder in the thread", async () => {
    const scheduled: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.scheduleMessage", into(scheduled))
      .reply(200, { ok: true, scheduled_message_id: "Q1" })
      .post("/respond/3")
      .reply(200, { ok: true });
    await postSigned(
      server,
      threadChecklistClick("3", [], {
        type: "button",
        action_id: "checklist_remind",
        block_id: "x",
        value: "SIP 488",
        action_ts: "3",
      }),
      FORM,
    );
    await until(() => scope.isDone());
    expect(scheduled[0]?.thread_ts).toBe("1700000000.000100");
    const postAt = Number(scheduled[0]?.post_at);
    expect(postAt - Date.now() / 1000).toBeGreaterThan(14 * 60);
  });
});

describe("timers in Slack", () => {
  it("answers /sipcode timers expires=3600 with the calculation and a reminder button", async () => {
    const res = await postSigned(server, slashCommand("timers expires=3600"), FORM);
    const body = (await res.json()) as { blocks: Body[] };
    const json = JSON.stringify(body.blocks);
    expect(json).toMatch(/2700 s/);
    expect(json).toMatch(/timer_remind:registration refresh/);
  });

  it("schedules the timer reminder", async () => {
    const scheduled: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.scheduleMessage", into(scheduled))
      .reply(200, { ok: true })
      .post("/respond/9")
      .reply(200, { ok: true });
    await postSigned(
      server,
      ephemeralClick("9", {
        action_id: "timer_remind:registration refresh",
        value: "2700|registration refresh",
        action_ts: "9",
      }),
      FORM,
    );
    await until(() => scope.isDone());
    expect(Number(scheduled[0]?.post_at) - Date.now() / 1000).toBeGreaterThan(2690);
    expect(String(scheduled[0]?.text)).toMatch(/registration refresh is due/);
  });
});

describe("incident threads", () => {
  const mention = { type: "app_mention", user: "U1", channel: "C1", ts: "1700000001.000100", text: TRACE };

  it("replies in the thread with the findings and a checklist, and ignores the retry", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000001.000200" });
    const body = eventBody(mention, "EvMention1");
    const res = await postSigned(server, body, JSON_TYPE);
    expect(res.status).toBe(200);
    await until(() => scope.isDone());
    expect(posts.every((p) => p.thread_ts === "1700000001.000100" && p.channel === "C1")).toBe(true);
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    const everything = JSON.stringify(posts);
    expect(everything).not.toMatch(/dcd98b7102dd2f0e|6629fae49393a05397450978507c4ef1/);
    expect(String(posts[1]?.blocks)).toMatch(/checklist_tick/);
    // A long check is split where a phrase ends: the closing parenthetical is the option's description.
    const checklist = JSON.parse(String(posts[1]?.blocks)) as Array<{
      elements?: Array<{ options?: Body[] }>;
    }>;
    expect(checklist[1]?.elements?.[0]?.options?.[0]).toMatchObject({
      text: { text: "Compare the offer's m= lines and codecs with what the far end accepts" },
      description: { text: "(see the response body or Warning)" },
    });

    // The same event retried, and the same message delivered again as a `message` event.
    const extra = nock(SLACK_API).post("/api/chat.postMessage").reply(200, { ok: true, ts: "1" });
    await postSigned(server, body, JSON_TYPE, {
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    await postSigned(server, eventBody({ ...mention, type: "message" }, "EvMessage1"), JSON_TYPE);
    await new Promise((r) => setTimeout(r, 300));
    expect(extra.isDone()).toBe(false);
  });

  it("explains a message through the message shortcut, in its thread", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000005.000300" });
    await postSigned(
      server,
      explainShortcut(5, {
        type: "message",
        ts: "1700000005.000200",
        thread_ts: "1700000005.000100",
        text: "carrier answers 486 Busy Here on every call",
      }),
      FORM,
    );
    await until(() => scope.isDone());
    expect(posts[0]?.thread_ts).toBe("1700000005.000100");
    expect(String(posts[0]?.text)).toMatch(/SIP 486 Busy Here/);
  });

  it("tells only the user, privately, when the shortcut's message has nothing to explain", async () => {
    const replies: Body[] = [];
    const thread = nock(SLACK_API).post("/api/chat.postMessage").reply(200, { ok: true, ts: "1" });
    const scope = nock(SLACK_API).post("/respond/8", into(replies)).reply(200, { ok: true });
    await postSigned(
      server,
      explainShortcut(8, { type: "message", ts: "1700000008.000200", text: "" }),
      FORM,
    );
    await until(() => scope.isDone());
    expect(replies[0]).toMatchObject({ response_type: "ephemeral" });
    expect(String(replies[0]?.text)).toMatch(/nothing to explain in that message/);
    expect(thread.isDone()).toBe(false);
  });

  it("downloads an attached text log with the bot token and scans it", async () => {
    let auth = "";
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .get("/files/trace.log")
      .reply(function () {
        auth = String(this.req.headers.authorization);
        return [200, "SIP/2.0 503 Service Unavailable\nCSeq: 7 REGISTER\n"];
      })
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000006.000200" });
    const files = [
      {
        id: "F1",
        name: "trace.log",
        mimetype: "text/plain",
        filetype: "text",
        size: 50,
        url_private_download: `${SLACK_API}/files/trace.log`,
      },
    ];
    await postSigned(
      server,
      eventBody({ ...mention, ts: "1700000006.000100", text: "<@UBOT> see attached", files }),
      JSON_TYPE,
    );
    await until(() => scope.isDone());
    expect(auth).toBe("Bearer xoxb-test-token");
    expect(String(posts[0]?.text)).toMatch(/SIP 503 Service Unavailable/);
  });

  it.each([
    [
      "a UTF-16 log saved by a Windows tool",
      "trace16.log",
      "text/plain",
      () =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from("SIP/2.0 403 Forbidden\nCSeq: 7 INVITE\n", "utf16le"),
        ]),
    ],
    [
      "a gzip-rotated log",
      "syslog.2.gz",
      "application/gzip",
      () => gzipSync(Buffer.from("SIP/2.0 403 Forbidden\nCSeq: 7 INVITE\n")),
    ],
  ])("reads %s", async (_, name, mimetype, body) => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .get(`/files/${name}`)
      .reply(200, body())
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000007.000200" });
    const files = [
      { id: "F2", name, mimetype, size: 80, url_private_download: `${SLACK_API}/files/${name}` },
    ];
    await postSigned(
      server,
      eventBody({
        ...mention,
        ts: name.endsWith(".gz") ? "1700000007.000101" : "1700000007.000102",
        text: "<@UBOT> see attached",
        files,
      }),
      JSON_TYPE,
    );
    await until(() => scope.isDone());
    expect(String(posts[0]?.text)).toMatch(/SIP 403 Forbidden/);
  });
});
