// Everyday failure words ("register failed", "calls dropped") asked where people ask: a mention in
// an incident thread, or a message in sipcode's own DM. They get the same list /sipcode gives,
// in the thread, while chatter in a thread still gets only the private note.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

let n = 0;
const THREAD = "1700000500.000100";

/** Sends the event; resolves once something was posted publicly or privately. */
async function ask(event: Record<string, unknown>): Promise<{ posts: Body[]; privately: Body[] }> {
  const posts: Body[] = [];
  const privately: Body[] = [];
  nock(SLACK_API)
    .post("/api/chat.postMessage", into(posts))
    .times(2)
    .reply(200, { ok: true, ts: "1700000500.000900" });
  const note = nock(SLACK_API).post("/api/chat.postEphemeral", into(privately)).reply(200, { ok: true });
  await postSigned(server, eventBody(event, `EvEveryday${n}`), "application/json");
  await until(() => posts.length > 0 || note.isDone());
  await new Promise((r) => setTimeout(r, 150)); // a checklist, or a stray post, comes after
  return { posts, privately };
}

function inThread(words: string): Record<string, unknown> {
  n += 1;
  const ts = `1700000500.00${100 + n}`;
  return { type: "app_mention", user: "U7", channel: "C1", ts, thread_ts: THREAD, text: `<@UBOT> ${words}` };
}

function inOwnDm(words: string): Record<string, unknown> {
  n += 1;
  const ts = `1700000600.00${100 + n}`;
  return {
    type: "message",
    channel: "D0BOTDM1",
    channel_type: "im",
    user: "U7",
    ts,
    event_ts: ts,
    text: words,
  };
}

const ASKED: Array<[string, RegExp]> = [
  ["register failed", /401 Unauthorized/],
  ["registration failure", /401 Unauthorized/],
  ["calls dropped", /Call drops at session refresh/],
  ["call dropped", /Call drops at session refresh/],
  ["dropped calls", /Call drops at session refresh/],
];

describe("everyday failure words in an incident thread", () => {
  it.each(ASKED)("answers %j in the thread with the standard meanings first", async (words, card) => {
    const { posts, privately } = await ask(inThread(words));
    expect(privately).toEqual([]);
    expect(posts[0]).toMatchObject({ channel: "C1", thread_ts: THREAD });
    expect(String(posts[0]?.text)).toMatch(card);
    expect(String(posts[0]?.text)).toContain("has several meanings: the standard ones first");
  });

  it.each([
    ["phones not registering", /Where to start: the registrar's response/],
    ["calls failing", /That is too general for one answer/],
  ])("answers %j, an everyday phrase, with where to start", async (words, note) => {
    const { posts, privately } = await ask(inThread(words));
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(note);
  });

  it.each(["who is on call", "what is busy", "back in 30 seconds", "ETA 15 min", "15 min", "thanks!"])(
    "still keeps %j, which only shares words with entries, private",
    async (words) => {
      const { posts, privately } = await ask(inThread(words));
      expect(posts).toEqual([]);
      expect(String(privately[0]?.text)).toContain("doesn't clearly name an error code");
    },
  );
});

describe("everyday failure words in sipcode's own DM", () => {
  it.each(ASKED)("answers %j with the list, not a reply saying it names nothing", async (words, card) => {
    const { posts, privately } = await ask(inOwnDm(words));
    expect(privately).toEqual([]);
    expect(posts[0]).toMatchObject({ channel: "D0BOTDM1" });
    expect(String(posts[0]?.text)).toMatch(card);
    expect(String(posts[0]?.text)).not.toMatch(/doesn't clearly name/);
  });
});
