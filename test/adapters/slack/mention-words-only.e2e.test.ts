// A mention in an incident thread whose words name nothing ("can you explain the log above?"):
// sipcode reads only the mention itself, so everyone in the thread must not get a "No entry" card;
// the asker is told privately what the bot reads and which shortcut explains the message above.
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
/** Mentions the bot in a thread with `words`; resolves once the thread or the user heard back. */
async function mentionInThread(words: string): Promise<{ posts: Body[]; privately: Body[] }> {
  const posts: Body[] = [];
  const privately: Body[] = [];
  nock(SLACK_API)
    .post("/api/chat.postMessage", into(posts))
    .times(2)
    .reply(200, { ok: true, ts: "1700000300.000900" });
  const note = nock(SLACK_API).post("/api/chat.postEphemeral", into(privately)).reply(200, { ok: true });
  n += 1;
  const mention = {
    type: "app_mention",
    user: "U7",
    channel: "C1",
    ts: `1700000300.00${100 + n}`,
    thread_ts: "1700000300.000100",
    text: `<@UBOT> ${words}`,
  };
  await postSigned(server, eventBody(mention, `EvWords${n}`), "application/json");
  await until(() => posts.length > 0 || note.isDone());
  await new Promise((r) => setTimeout(r, 150)); // a checklist, or a stray public post, comes after
  return { posts, privately };
}

describe("a mention in a thread whose words name nothing", () => {
  it.each(["can you explain the log above?", "what does this error mean?", "thanks!"])(
    "posts nothing in the thread and tells the asker privately about %j",
    async (words) => {
      const { posts, privately } = await mentionInThread(words);
      expect(posts).toEqual([]);
      expect(privately[0]).toMatchObject({ channel: "C1", user: "U7", thread_ts: "1700000300.000100" });
      const text = String(privately[0]?.text);
      expect(text).toContain("I read only the words of a mention and the files attached to it");
      expect(text).toContain("*Explain error codes*");
      expect(text).not.toMatch(/No entry/);
    },
  );
});

describe("a mention in a thread whose words name something", () => {
  it("answers a question naming an entry in the thread", async () => {
    const { posts, privately } = await mentionInThread("why busy here?");
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(/486 Busy Here/);
  });

  it.each([
    ["forbidden?", /403 Forbidden/],
    ["what does unauthorized mean", /401 Unauthorized/],
    ["what is ringing", /180 Ringing/],
  ])("answers %j, a one-word reason phrase that is all it asks about, in the thread", async (words, card) => {
    const { posts, privately } = await mentionInThread(words);
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(card);
  });

  it("offers its best guess privately when the words only come close to an entry", async () => {
    const { posts, privately } = await mentionInThread("what is busy");
    expect(posts).toEqual([]);
    const text = String(privately[0]?.text);
    expect(text).toContain("doesn't clearly name an error code");
    expect(text).toMatch(/If you meant SIP 486 Busy Here, mention me with `@sipcode sip\/486`/);
  });

  it("keeps a sentence that merely holds such a word private", async () => {
    const { posts, privately } = await mentionInThread("thanks, I'm gone for the day");
    expect(posts).toEqual([]);
    expect(String(privately[0]?.text)).toContain("I read only the words of a mention");
  });

  it("answers a code the catalog does not know with its honest card", async () => {
    const { posts, privately } = await mentionInThread("sip 499");
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(/499/);
  });
});
