// /sipcode in a direct message or a group DM: the bot cannot post a checklist thread there (it is
// no member, and nobody can invite it into a DM), so the card does not offer one; a click on an old
// card's button is told where checklists can go, never to invite the bot.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, blockActions, postSigned, SLACK_API, slashFields, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const FORM = "application/x-www-form-urlencoded";
type Button = { action_id: string; value?: string };

/** `/sipcode <text>` sent from the conversation `where`; the ack's buttons. */
async function buttonsOf(text: string, where: { channel_id: string; channel_name: string }) {
  const form = new URLSearchParams({ ...slashFields(text), ...where }).toString();
  const ack = (await (await postSigned(server, form, FORM)).json()) as { blocks: Body[] };
  return ack.blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Button[]) : []));
}

const DM = { channel_id: "D0123ABC", channel_name: "directmessage" };
const GROUP_DM = { channel_id: "G0123ABC", channel_name: "mpdm-alice--bob--carol-1" };
const CHANNEL = { channel_id: "C1", channel_name: "incident" };

/** alice clicks `button` on her private card in conversation `id`; answers go to /respond/<path>. */
function clickIn(id: string, path: string, button: Button): string {
  return blockActions({
    user: { id: "U1", name: "alice" },
    channel: { id, name: id.startsWith("D") ? "directmessage" : "incident" },
    container: { type: "message", is_ephemeral: true, channel_id: id },
    response_url: `${SLACK_API}/respond/${path}`,
    actions: [{ type: "button", block_id: "b", action_ts: "1", ...button }],
  });
}

describe("/sipcode in a direct message", () => {
  it.each([
    ["a DM", DM],
    ["a group DM", GROUP_DM],
  ])("in %s offers Share but no checklist thread", async (_, where) => {
    const ids = (await buttonsOf("488", where)).map((b) => b.action_id);
    expect(ids).toContain("share_in_channel");
    expect(ids).not.toContain("post_checklist");
  });

  it("in a channel still offers the checklist thread", async () => {
    const ids = (await buttonsOf("488", CHANNEL)).map((b) => b.action_id);
    expect(ids).toContain("post_checklist");
  });

  it("shared in a DM, the card offers no checklist thread either", async () => {
    const share = (await buttonsOf("488", DM)).find((b) => b.action_id === "share_in_channel");
    const shared: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/respond/dm-share", (b: Body) => shared.push(b) > 0)
      .reply(200, { ok: true });
    await postSigned(server, clickIn("D0123ABC", "dm-share", share as Button), FORM);
    await until(() => scope.isDone());
    expect(shared[0]).toMatchObject({ response_type: "in_channel" });
    expect(JSON.stringify(shared[0])).toMatch(/488 Not Acceptable Here/);
    expect(JSON.stringify(shared[0])).not.toContain("post_checklist");
  });

  it("tells whoever clicks an old card's checklist button in a DM that checklists need a channel", async () => {
    const button = (await buttonsOf("488", CHANNEL)).find((b) => b.action_id === "post_checklist");
    const notes: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "channel_not_found" })
      .post("/respond/dm-checklist", (b: Body) => notes.push(b) > 0)
      .reply(200, { ok: true });
    await postSigned(server, clickIn("D0123ABC", "dm-checklist", button as Button), FORM);
    await until(() => scope.isDone());
    expect(notes[0]).toMatchObject({ response_type: "ephemeral" });
    expect(String(notes[0]?.text)).toMatch(/^Checklists need a channel I'm in/);
    expect(String(notes[0]?.text)).not.toMatch(/Invite me and try again/);
  });
});
