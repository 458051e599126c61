// Slack reminders in /metrics, end to end: a timer reminder and a checklist "Remind me in 15 min"
// scheduled with chat.scheduleMessage (faked through nock) count as
// sipcode_reminders_total{platform="slack",outcome="scheduled"}; one Slack refuses counts as failed.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, ephemeralClick, postSigned, SLACK_API, threadChecklistClick, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

async function reminders(outcome: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`sipcode_reminders_total{outcome="${outcome}",platform="slack"}`));
  return line ? Number(line.split(" ").pop()) : 0;
}

const timerClick = (n: number) =>
  ephemeralClick(String(n), {
    action_id: "timer_remind:registration refresh",
    value: "2700|registration refresh",
    action_ts: String(n),
  });

const checklistClick = (n: number) =>
  threadChecklistClick(String(n), [], {
    type: "button",
    action_id: "checklist_remind",
    block_id: "x",
    value: "SIP 488",
    action_ts: "3",
  });

describe("Slack reminders in /metrics", () => {
  it("counts a timer reminder and a checklist reminder as scheduled", async () => {
    const before = await reminders("scheduled");
    const confirmations: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.scheduleMessage")
      .times(2)
      .reply(200, { ok: true, scheduled_message_id: "Q1" })
      .post(/\/respond\/(1|2)/, (b: Body) => confirmations.push(b) > 0)
      .times(2)
      .reply(200, { ok: true });
    await postSigned(server, timerClick(1), FORM);
    await postSigned(server, checklistClick(2), FORM);
    await until(() => scope.isDone());
    expect(confirmations.map((c) => String(c.text))).toEqual([
      expect.stringMatching(/I'll remind you/),
      expect.stringMatching(/I'll remind you/),
    ]);
    expect(await reminders("scheduled")).toBe(before + 2);
  });

  it("counts a reminder Slack refuses as failed, and tells the user", async () => {
    const failed = await reminders("failed");
    const scheduled = await reminders("scheduled");
    const notes: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/api/chat.scheduleMessage")
      .reply(200, { ok: false, error: "restricted_action" })
      .post("/respond/3", (b: Body) => notes.push(b) > 0)
      .reply(200, { ok: true });
    await postSigned(server, checklistClick(3), FORM);
    await until(() => scope.isDone());
    expect(String(notes[0]?.text)).toMatch(/Slack refused my reply/);
    expect(await reminders("failed")).toBe(failed + 1);
    expect(await reminders("scheduled")).toBe(scheduled);
  });
});
