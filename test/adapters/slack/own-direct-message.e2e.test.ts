// /sipcode in the bot's own DM (the app's Messages tab): the bot can post there, so the card offers
// the checklist thread and a click posts it. A DM between people, a group DM, or a Slack that fails
// to say which DM it is (5xx, 429, no answer) keeps the card without it, and the command answers.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, blockActions, into, postSigned, SLACK_API, slashFields, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const FORM = "application/x-www-form-urlencoded";
type Button = { action_id: string; value?: string };

/** `/sipcode <text>` sent from the conversation `where`; the answer's status and buttons. */
async function ask(text: string, where: { channel_id: string; channel_name: string }) {
  const form = new URLSearchParams({ ...slashFields(text), ...where }).toString();
  const res = await postSigned(server, form, FORM);
  const ack = (await res.json()) as { blocks: Body[]; text: string };
  const buttons = ack.blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Button[]) : []));
  return { status: res.status, text: ack.text, buttons, ids: buttons.map((b) => b.action_id) };
}

/** A DM as Slack names it in a slash command. */
const dm = (channel_id: string) => ({ channel_id, channel_name: "directmessage" });

/** What conversations.info says about the bot's own DM with alice. */
const ownDm = (id: string) => ({
  ok: true,
  channel: { id, is_im: true, is_mpim: false, user: "U1", is_open: true },
});

/** alice clicks `button` on her private card in DM `id`; answers go to /respond/<path>. */
function clickIn(id: string, path: string, button: Button): string {
  return blockActions({
    user: { id: "U1", name: "alice" },
    channel: { id, name: "directmessage" },
    container: { type: "message", is_ephemeral: true, channel_id: id },
    response_url: `${SLACK_API}/respond/${path}`,
    actions: [{ type: "button", block_id: "b", action_ts: "1", ...button }],
  });
}

describe("/sipcode in the bot's own DM", () => {
  it("offers the checklist thread, and asks Slack once for a busy DM", async () => {
    const asked: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/conversations.info", into(asked))
      .once()
      .reply(200, ownDm("D0BOTA"));
    expect((await ask("488", dm("D0BOTA"))).ids).toContain("post_checklist");
    // No second conversations.info is answered: the next commands are told from what Slack said.
    expect((await ask("486", dm("D0BOTA"))).ids).toContain("post_checklist");
    expect((await ask("488", dm("D0BOTA"))).ids).toContain("post_checklist");
    expect(scope.isDone()).toBe(true);
    expect(asked).toEqual([expect.objectContaining({ channel: "D0BOTA" })]);
  });

  it("posts the checklist thread there when the button is clicked", async () => {
    nock(SLACK_API).post("/api/conversations.info").reply(200, ownDm("D0BOTB"));
    const button = (await ask("488", dm("D0BOTB"))).buttons.find((b) => b.action_id === "post_checklist");
    expect(button).toBeDefined();
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", into(posts))
      .reply(200, { ok: true, ts: "1700000005.000100" })
      .post("/api/chat.postMessage", into(posts))
      .reply(200, { ok: true, ts: "1700000005.000200" });
    await postSigned(server, clickIn("D0BOTB", "own-dm", button as Button), FORM);
    await until(() => scope.isDone());
    expect(posts.map((p) => p.channel)).toEqual(["D0BOTB", "D0BOTB"]);
    expect(String(posts[0]?.text)).toMatch(/Follow-up for \*SIP 488 Not Acceptable Here\*, started by <@U1>/);
    expect(posts[1]?.thread_ts).toBe("1700000005.000100");
    expect(String(posts[1]?.blocks)).toMatch(/checklist/i);
  });

  it("keeps the checklist thread on a card shared or opened from there", async () => {
    nock(SLACK_API).post("/api/conversations.info").reply(200, ownDm("D0BOTC"));
    const share = (await ask("488", dm("D0BOTC"))).buttons.find((b) => b.action_id === "share_in_channel");
    const shared: Body[] = [];
    const scope = nock(SLACK_API).post("/respond/own-share", into(shared)).reply(200, { ok: true });
    await postSigned(server, clickIn("D0BOTC", "own-share", share as Button), FORM);
    await until(() => scope.isDone());
    expect(shared[0]).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(shared[0])).toContain("post_checklist");
  });
});

describe("/sipcode in a DM between people", () => {
  it("offers no checklist thread, and an old card's button says where checklists can go", async () => {
    const asked = nock(SLACK_API)
      .post("/api/conversations.info")
      .reply(200, { ok: false, error: "channel_not_found" });
    const answer = await ask("488", dm("D0PEOPLE"));
    expect(asked.isDone()).toBe(true);
    expect(answer.ids).toContain("share_in_channel");
    expect(answer.ids).not.toContain("post_checklist");

    const old = (await ask("488", { channel_id: "C1", channel_name: "incident" })).buttons.find(
      (b) => b.action_id === "post_checklist",
    );
    const notes: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "channel_not_found" })
      .post("/respond/people-dm", into(notes))
      .reply(200, { ok: true });
    await postSigned(server, clickIn("D0PEOPLE", "people-dm", old as Button), FORM);
    await until(() => scope.isDone());
    expect(String(notes[0]?.text)).toMatch(/^Checklists need a channel I'm in/);
  });

  it("does not ask Slack about a group DM, which never gets the checklist thread", async () => {
    const asked = nock(SLACK_API).post("/api/conversations.info").reply(200, ownDm("G0GROUP"));
    const answer = await ask("488", { channel_id: "G0GROUP", channel_name: "mpdm-alice--bob--carol-1" });
    expect(answer.ids).not.toContain("post_checklist");
    expect(asked.isDone()).toBe(false);
  });
});

describe("/sipcode in a DM when Slack cannot say which kind it is", () => {
  it.each([
    ["a server error", "D0FAIL5", 500, { ok: false, error: "internal_error" }],
    ["rate limiting", "D0FAIL4", 429, { ok: false, error: "ratelimited" }],
  ])("still answers after %s, without the checklist thread", async (_, id, status, body) => {
    const scope = nock(SLACK_API)
      .post("/api/conversations.info")
      .reply(status, body, { "retry-after": "30" });
    const answer = await ask("488", dm(id));
    expect(scope.isDone()).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/488 Not Acceptable Here/);
    expect(answer.ids).toContain("share_in_channel");
    expect(answer.ids).not.toContain("post_checklist");
  });

  it("answers within about a second when Slack does not answer at all", async () => {
    nock(SLACK_API).post("/api/conversations.info").delay(5_000).reply(200, ownDm("D0SLOW"));
    const started = Date.now();
    const answer = await ask("488", dm("D0SLOW"));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(answer.text).toMatch(/488 Not Acceptable Here/);
    expect(answer.ids).not.toContain("post_checklist");
  });
});
