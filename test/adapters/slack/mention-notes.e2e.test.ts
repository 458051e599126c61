// Mentions end to end: where the private "couldn't post" note lands, and a mention whose text is
// not a string (Slack never sends one, but a signed body is all the request screen checks).
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const JSON_TYPE = "application/json";
const TRACE = ["<@UBOT> look at this", "SIP/2.0 488 Not Acceptable Here", "CSeq: 1 INVITE"].join("\n");

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

/** Slack refuses the reply (not_in_channel) and takes the private note, kept in `notes`. */
const refusedWithNote = (notes: Body[]) =>
  nock(SLACK_API)
    .post("/api/chat.postMessage")
    .reply(200, { ok: false, error: "not_in_channel" })
    .post("/api/chat.postEphemeral", into(notes))
    .reply(200, { ok: true });

describe("the private note when a mention's reply cannot be posted", () => {
  it("shows in the thread the user asked in", async () => {
    const notes: Body[] = [];
    const scope = refusedWithNote(notes);
    const mention = {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000101.000200",
      thread_ts: "1700000101.000100",
      text: TRACE,
    };
    await postSigned(server, eventBody(mention), JSON_TYPE);
    await until(() => scope.isDone());
    expect(notes[0]).toMatchObject({ channel: "C1", user: "U1", thread_ts: "1700000101.000100" });
    expect(String(notes[0]?.text)).toMatch(/I'm not a member of that channel/);
  });

  it("shows in the channel for a mention made in the channel itself", async () => {
    const notes: Body[] = [];
    const scope = refusedWithNote(notes);
    const mention = { type: "app_mention", user: "U1", channel: "C1", ts: "1700000102.000100", text: TRACE };
    await postSigned(server, eventBody(mention), JSON_TYPE);
    await until(() => scope.isDone());
    expect(notes[0]).toMatchObject({ channel: "C1", user: "U1" });
    expect(notes[0]?.thread_ts).toBeUndefined();
  });
});

describe("a mention whose text is not a string", () => {
  it("reads a number as its digits and answers it", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000103.000200" });
    const mention = { type: "app_mention", user: "U1", channel: "C1", ts: "1700000103.000100", text: 488 };
    const res = await postSigned(server, eventBody(mention), JSON_TYPE);
    expect(res.status).toBe(200);
    await until(() => scope.isDone());
    expect(String(posts[0]?.text)).toMatch(/SIP 488 Not Acceptable Here/);
  });

  it("reads anything else as no text: the help card", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .reply(200, { ok: true, ts: "1700000104.000200" });
    const mention = {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000104.000100",
      text: { not: "text" },
    };
    await postSigned(server, eventBody(mention), JSON_TYPE);
    await until(() => scope.isDone());
    expect(String(posts[0]?.text)).toMatch(/sipcode/);
  });
});
