// Related-entry buttons on Slack, end to end: the slash command's card, a thread reply to a mention
// and an opened related entry all label their buttons for people ("SIP 415 Unsupported Media
// Type"), never with a bare catalog id such as "sip/415".
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import {
  type Body,
  ephemeralClick,
  eventBody,
  postSigned,
  SLACK_API,
  slashCommand,
  until,
} from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

/** The open_entry buttons of a message's blocks (as sent, or as the form field Slack received). */
function relatedButtons(blocks: unknown): Button[] {
  const list = (typeof blocks === "string" ? JSON.parse(blocks) : blocks) as Array<{
    type: string;
    elements?: Button[];
  }>;
  return list
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id.startsWith("open_entry:"));
}

function expectHumanLabels(buttons: Button[]): void {
  expect(buttons.length).toBeGreaterThan(0);
  for (const b of buttons) {
    expect(b.text.text).not.toBe(b.value);
    expect(b.text.text).not.toMatch(/^[a-z0-9]+\/\S+$/);
    expect(b.text.text.length).toBeLessThanOrEqual(75);
  }
}

describe("related-entry buttons on Slack", () => {
  it("carry entry titles on the /sipcode card", async () => {
    const res = await postSigned(server, slashCommand("488"), FORM);
    const buttons = relatedButtons(((await res.json()) as { blocks: unknown }).blocks);
    expectHumanLabels(buttons);
    const byId = new Map(buttons.map((b) => [b.value, b.text.text]));
    expect(byId.get("sip/415")).toBe("SIP 415 Unsupported Media Type");
    expect(byId.get("mobius/403-118")).toMatch(/^Mobius 403 · mobius-error 118 \S/);
  });

  it("carry entry titles in a thread reply to a mention", async () => {
    const posts: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage", (b: Body) => posts.push(b) > 0)
      .times(2)
      .reply(200, { ok: true, ts: "1700000400.000200" });
    const mention = {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: "1700000400.000100",
      text: "<@UBOT> 488",
    };
    await postSigned(server, eventBody(mention), "application/json");
    await until(() => scope.isDone());
    const buttons = relatedButtons(posts[0]?.blocks);
    expectHumanLabels(buttons);
    const byId = new Map(buttons.map((b) => [b.value, b.text.text]));
    expect(byId.get("sip/415")).toBe("SIP 415 Unsupported Media Type");
    expect(byId.get("mobius/403-118")).toMatch(/^Mobius 403 · mobius-error 118 \S/);
  });

  it("carry entry titles on an opened related entry", async () => {
    const replies: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/respond/41", (b: Body) => replies.push(b) > 0)
      .reply(200, { ok: true });
    await postSigned(
      server,
      ephemeralClick("41", {
        action_id: "open_entry:sip/415",
        block_id: "r",
        value: "sip/415",
        action_ts: "4",
      }),
      FORM,
    );
    await until(() => scope.isDone());
    const buttons = relatedButtons(replies[0]?.blocks);
    expectHumanLabels(buttons);
    expect(buttons.map((b) => b.text.text)).toContain("SIP 488 Not Acceptable Here");
  });
});
