// A message in sipcode's own DM (the app's Messages tab) that mentions sipcode arrives twice, as
// `message.im` and as `app_mention`. End to end over HTTP (the real server, signed events, the Web
// API faked with nock): whichever comes first, it gets one answer, the one the same words get
// without the mention.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, eventBody, into, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const JSON_TYPE = "application/json";
const DM = "D0BOTDM2";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

let n = 0;
/** A fresh message ts, so no test's message is taken for another's. */
const nextTs = () => `17000040${String(++n).padStart(2, "0")}.000100`;

/** alice's message in sipcode's DM, as Slack sends it for `message.im`. */
const dmEvent = (ts: string, text: string) => ({
  type: "message",
  channel: DM,
  channel_type: "im",
  user: "U1",
  ts,
  event_ts: ts,
  text,
});

/** The same message as Slack sends it for `app_mention` (which carries no channel_type). */
const mentionEvent = (ts: string, text: string) => ({
  type: "app_mention",
  channel: DM,
  user: "U1",
  ts,
  event_ts: ts,
  text,
});

const send = async (event: Record<string, unknown>) => {
  const res = await postSigned(server, eventBody(event), JSON_TYPE);
  expect(res.status).toBe(200);
};

/** Everything sipcode posts after `act`, once it has posted and then stayed quiet for a while. */
async function postsAfter(act: () => Promise<void>): Promise<Body[]> {
  const posts: Body[] = [];
  nock(SLACK_API).post("/api/chat.postMessage", into(posts)).times(10).reply(200, { ok: true, ts: "1" });
  await act();
  await until(() => posts.length > 0);
  // A card's checklist follows it; anything posted twice would show up here too.
  await new Promise((r) => setTimeout(r, 400));
  nock.cleanAll();
  return posts;
}

/** What a user reads of each post, leaving out the thread it went to. */
const seen = (posts: Body[]) => posts.map((p) => ({ channel: p.channel, text: p.text, blocks: p.blocks }));

describe("a message mentioning sipcode in its own DM", () => {
  it.each([
    ["thanks", "mention first"],
    ["thanks", "DM event first"],
    ["", "mention first"],
    ["what does this mean?", "mention first"],
    ["488", "mention first"],
    ["488", "DM event first"],
  ])("%j gets the DM's answer to the words alone, once (%s)", async (words, order) => {
    const plain = await postsAfter(() => send(dmEvent(nextTs(), words)));
    const ts = nextTs();
    const text = `<@UBOT> ${words}`.trim();
    const both = [mentionEvent(ts, text), dmEvent(ts, text)];
    const mentioned = await postsAfter(async () => {
      for (const event of order === "mention first" ? both : both.reverse()) await send(event);
    });
    expect(seen(mentioned)).toEqual(seen(plain));
    expect(mentioned.length).toBe(plain.length);
  });

  it("with words that name nothing gets a short reply saying what to send, not a card", async () => {
    const ts = nextTs();
    const posts = await postsAfter(async () => {
      await send(mentionEvent(ts, "<@UBOT> thanks"));
      await send(dmEvent(ts, "<@UBOT> thanks"));
    });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe(DM);
    expect(String(posts[0]?.text)).toMatch(/Send me a log/);
    expect(posts[0]?.blocks).toBeUndefined();
  });

  it("arriving only as a mention (no message.im subscription) still gets the DM's answer", async () => {
    const posts = await postsAfter(() => send(mentionEvent(nextTs(), "<@UBOT> thanks")));
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.text)).toMatch(/Send me a log/);
  });
});
