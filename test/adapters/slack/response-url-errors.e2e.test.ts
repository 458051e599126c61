// Slack rate-limiting the response_url and the private notes, end to end: the real server, signed
// clicks and mentions, Slack's Web API and response_url answering 429 through nock. The user is
// told Slack is rate-limiting (not pointed at a log), by chat.postEphemeral when the response_url
// refuses the note too, and every 429 counts as code="ratelimited".
import nock from "nock";
import { describe, expect, it } from "vitest";
import { checklistMessage } from "../../../src/render/slack-checklist.js";
import type { RunningServer } from "../../../src/server.js";
import {
  type Body,
  checklistTick,
  ephemeralClick,
  eventBody,
  into,
  postSigned,
  SLACK_API,
  until,
} from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";
const RATE_LIMITED = /^Slack is rate-limiting me right now; try again in a minute\.$/;

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const tooMany = [429, "too many requests", { "retry-after": "2" }] as const;

async function apiErrors(code: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`sipcode_platform_api_errors_total{code="${code}",platform="slack"}`));
  return line ? Number(line.split(" ").pop()) : 0;
}

describe("when Slack rate-limits the response_url", () => {
  it("tells the user who clicked Share that Slack is rate-limiting, and counts ratelimited", async () => {
    const before = await apiErrors("ratelimited");
    const notes: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/respond/share")
      .reply(...tooMany)
      .post("/respond/share", into(notes))
      .reply(200, "ok");
    await postSigned(
      server,
      ephemeralClick("share", { action_id: "share_in_channel", value: "q:488" }),
      FORM,
    );
    await until(() => scope.isDone());
    expect(notes[0]).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(notes[0]?.text)).toMatch(RATE_LIMITED);
    expect(await apiErrors("ratelimited")).toBe(before + 1);
    expect(await apiErrors("slack_bolt_respond_error")).toBe(0);
  });

  it("gives a tick's note by chat.postEphemeral, in the thread, when the response_url refuses it too", async () => {
    const before = await apiErrors("ratelimited");
    const list = checklistMessage({ title: "SIP 488 Not Acceptable Here", items: [{ text: "Compare SDP" }] });
    const items = list.blocks[1] as { elements: Array<{ options: unknown[] }> };
    const ephemeral: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.update")
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "3" })
      .post("/respond/tick")
      .reply(...tooMany)
      .post("/api/chat.postEphemeral", into(ephemeral))
      .reply(200, { ok: true });
    await postSigned(server, checklistTick("tick", list.blocks, items.elements[0]?.options[0]), FORM);
    await until(() => scope.isDone());
    expect(ephemeral[0]).toMatchObject({ channel: "C1", user: "U7", thread_ts: "1700000000.000100" });
    expect(String(ephemeral[0]?.text)).toMatch(RATE_LIMITED);
    // chat.update's 429 and the response_url's.
    expect(await apiErrors("ratelimited")).toBe(before + 2);
  });
});

describe("when Slack rate-limits the private note about a thread reply", () => {
  it("counts the refused chat.postEphemeral as ratelimited too", async () => {
    const before = await apiErrors("ratelimited");
    const scope = nock(SLACK_API)
      .post("/api/chat.postMessage")
      .reply(200, { ok: false, error: "not_in_channel" })
      .post("/api/chat.postEphemeral")
      .reply(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    const mention = {
      type: "app_mention",
      user: "U1",
      channel: "CX",
      ts: "1700000401.000100",
      text: "<@UBOT> 488",
    };
    await postSigned(server, eventBody(mention), "application/json");
    await until(() => scope.isDone());
    // The note is the last call: its failure is counted right after Slack answers it.
    await new Promise((r) => setTimeout(r, 100));
    expect(await apiErrors("ratelimited")).toBe(before + 1);
  });
});
