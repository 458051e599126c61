// The "Explain error codes" message shortcut end to end: what reaches the thread (for everyone) and
// what only the user who asked sees.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, explainShortcut, into, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

let n = 0;
/** The shortcut as alice runs it in #incident on `message`; its response_url is /respond/<n>. */
function shortcut(message: Body): { body: string; n: number } {
  n++;
  const ts = `17000003${String(n).padStart(2, "0")}.000200`;
  return {
    n,
    body: explainShortcut(n, { type: "message", ts, thread_ts: "1700000300.000100", ...message }),
  };
}

/** Runs the shortcut and returns what the thread got and what alice got privately. */
async function run(message: Body): Promise<{ posts: Body[]; privately: Body[] }> {
  const posts: Body[] = [];
  const privately: Body[] = [];
  const { body, n } = shortcut(message);
  const thread = nock(SLACK_API)
    .post("/api/chat.postMessage", into(posts))
    .times(2)
    .reply(200, { ok: true, ts: "1700000300.000900" });
  const note = nock(SLACK_API).post(`/respond/${n}`, into(privately)).reply(200, { ok: true });
  await postSigned(server, body, FORM);
  await until(() => thread.isDone() || note.isDone());
  await new Promise((r) => setTimeout(r, 100));
  return { posts, privately };
}

describe("the shortcut on a message with nothing to explain", () => {
  it.each([
    "thanks!",
    "lgtm :+1:",
    "anyone seeing issues with the east trunk?",
    "New alert",
    "Incident resolved, closing the bridge",
  ])("tells only the user, privately, about %j", async (text) => {
    const { posts, privately } = await run({ user: "U2", text });
    expect(posts).toEqual([]);
    expect(privately[0]).toMatchObject({ response_type: "ephemeral" });
    expect(String(privately[0]?.text)).toMatch(/nothing to explain in that message/);
  });
});

describe("the shortcut on a message that holds something to explain", () => {
  it.each([
    ["a code in prose", "carrier answers 486 Busy Here on every call", /SIP 486 Busy Here/],
    ["a bare code", "488", /SIP 488 Not Acceptable Here/],
    ["a symptom the catalog names", "calls dropping after 30 seconds", /Call drops about 32 seconds/],
    ["a question holding an entry's whole title", "why busy here?", /SIP 486 Busy Here/],
    ["a question naming a symptom", "anyone seen one way audio on the trunk today?", /One-way audio/],
  ])("posts %s in the thread", async (_, text, title) => {
    const { posts, privately } = await run({ user: "U2", text });
    expect(privately).toEqual([]);
    expect(posts[0]?.thread_ts).toBe("1700000300.000100");
    expect(String(posts[0]?.text)).toMatch(title);
  });
});

describe("the shortcut on a monitoring bot's alert", () => {
  const ALERT =
    "trunk-east: 120 INVITEs answered SIP/2.0 503 Service Unavailable from 10.0.0.9 between 10:00 and 10:05; " +
    "FreeSWITCH hangup cause NORMAL_TEMPORARY_FAILURE (Q.850 41)";

  /** The "Codes found" field of a scan card, which counts every code read. */
  function codesFound(post: Body | undefined): string {
    return /\*Codes found\*\\n([^"]*)/.exec(String(post?.blocks))?.[1] ?? "";
  }

  it.each([
    [
      "in attachments, with empty text (Grafana, Alertmanager)",
      {
        bot_id: "B1",
        subtype: "bot_message",
        text: "",
        attachments: [
          { fallback: "[FIRING:1] SIP trunk errors", title: "[FIRING:1] SIP trunk errors", text: ALERT },
        ],
      },
    ],
    [
      "in an attachment's fields",
      {
        bot_id: "B1",
        text: "",
        attachments: [
          { fallback: "SIP trunk errors", fields: [{ title: "Details", value: ALERT, short: false }] },
        ],
      },
    ],
    [
      "in a section block, with a one-line fallback text",
      {
        bot_id: "B2",
        text: "New alert",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: ALERT } }],
      },
    ],
    [
      "in a section block whose fallback text repeats it",
      { bot_id: "B2", text: ALERT, blocks: [{ type: "section", text: { type: "mrkdwn", text: ALERT } }] },
    ],
    [
      "in rich text a person wrote, with the same words as text",
      {
        user: "U2",
        text: ALERT,
        blocks: [
          {
            type: "rich_text",
            elements: [{ type: "rich_text_section", elements: [{ type: "text", text: ALERT }] }],
          },
        ],
      },
    ],
  ])("explains an alert %s, counting each code once", async (_, message) => {
    const control = await run({ user: "U2", text: ALERT });
    expect(String(control.posts[0]?.text)).toMatch(/First failure: SIP 503 Service Unavailable/);
    const { posts, privately } = await run(message);
    expect(privately).toEqual([]);
    expect(String(posts[0]?.text)).toMatch(/First failure: SIP 503 Service Unavailable/);
    expect(codesFound(posts[0])).toBe(codesFound(control.posts[0]));
    expect(codesFound(posts[0])).not.toBe("");
  });

  it("reads the header, fields and context of an alert laid out in blocks", async () => {
    const { posts } = await run({
      bot_id: "B3",
      text: "New alert",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Trunk east degraded" } },
        { type: "section", fields: [{ type: "mrkdwn", text: "*Status*\nSIP/2.0 486 Busy Here" }] },
        { type: "context", elements: [{ type: "mrkdwn", text: "from 10.0.0.9" }] },
      ],
    });
    expect(String(posts[0]?.text)).toMatch(/SIP 486 Busy Here/);
  });

  it("keeps an alert with no code private, however it is laid out", async () => {
    const { posts, privately } = await run({
      bot_id: "B4",
      text: "New alert",
      attachments: [{ title: "Disk 91% full on media-02", text: "Free some space" }],
    });
    expect(posts).toEqual([]);
    expect(String(privately[0]?.text)).toMatch(/nothing to explain in that message/);
  });
});
