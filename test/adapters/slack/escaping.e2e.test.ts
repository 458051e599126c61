// User text that looks like Slack markup (<!channel>, <@U…>) is shown, never acted on: file names
// in notes, and queries echoed in a card's mrkdwn or in a message's top-level text, are escaped.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import {
  type Body,
  ephemeralClick,
  eventBody,
  into,
  postSigned,
  SLACK_API,
  slashCommand,
  until,
} from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const MARKUP = /<!channel>|<!here>|<@U999>/;

/** Every string Slack reads as mrkdwn: top-level text and mrkdwn text objects (not plain_text). */
function mrkdwn(message: Body): string[] {
  const blocks = typeof message.blocks === "string" ? JSON.parse(message.blocks) : (message.blocks ?? []);
  const out = [String(message.text ?? "")];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Body;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out;
}

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

describe("Slack markup in user text", () => {
  it("escapes a shared file's name in the note about skipping it", async () => {
    const files = [{ id: "F9", name: "<!channel> pic.png", mimetype: "image/png", filetype: "png" }];
    const event = { type: "app_mention", user: "U1", channel: "C1", ts: "1700000300.000100" };
    // With nothing else to explain, the note goes privately to the user who asked.
    const notes: Body[] = [];
    const note = nock(SLACK_API).post("/api/chat.postEphemeral", into(notes)).reply(200, { ok: true });
    await postSigned(server, eventBody({ ...event, text: "<@UBOT>", files }), JSON_TYPE);
    await until(() => note.isDone());
    expect(String(notes[0]?.text)).toContain("I skipped &lt;!channel&gt; pic.png");
    expect(String(notes[0]?.text)).not.toMatch(MARKUP);
    // With a code to explain, it is a note on the thread reply.
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .times(2)
      .reply(200, { ok: true, ts: "1700000300.000200" });
    await postSigned(
      server,
      eventBody({ ...event, ts: "1700000300.000101", text: "<@UBOT> 488", files }),
      JSON_TYPE,
    );
    await until(() => scope.isDone());
    const texts = mrkdwn(posts[0] ?? {});
    expect(texts.join("\n")).toContain("I skipped &lt;!channel&gt; pic.png");
    for (const t of texts) expect(t).not.toMatch(MARKUP);
  });

  it("escapes an unknown query in the private card and in the message Share posts", async () => {
    const ack = (await (
      await postSigned(server, slashCommand("zzqx <!channel> <@U999>"), FORM)
    ).json()) as Body;
    for (const t of mrkdwn(ack)) expect(t).not.toMatch(MARKUP);
    const actions = (
      ack.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    )
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements ?? []);
    const share = actions.find((a) => a.action_id === "share_in_channel");
    expect(share).toBeDefined();

    const shared: Body[] = [];
    const scope = nock(SLACK_API).post("/respond/esc", into(shared)).reply(200, { ok: true });
    await postSigned(
      server,
      ephemeralClick("esc", { action_id: "share_in_channel", value: share?.value }),
      FORM,
    );
    await until(() => scope.isDone());
    expect(shared[0]).toMatchObject({ response_type: "in_channel" });
    expect(String(shared[0]?.text)).toContain("zzqx &lt;!channel&gt; &lt;@U999&gt;");
    for (const t of mrkdwn(shared[0] ?? {})) expect(t).not.toMatch(MARKUP);
  });
});
