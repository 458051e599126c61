// Several people ticking one checklist at once, end to end: signed clicks to the real server, the Web
// API faked with nock. Each click carries the message as that person's client last showed it.
import nock from "nock";
import { describe, expect, it } from "vitest";
import { checklistMessage } from "../../../src/render/slack-checklist.js";
import type { RunningServer } from "../../../src/server.js";
import { type Body, blockActions, postSigned, SLACK_API, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

const ITEMS = [{ text: "Compare SDP" }, { text: "Check codecs" }, { text: "Ask the carrier" }];

interface Options {
  elements: Array<{ options: Array<{ value: string }>; initial_options?: Array<{ value: string }> }>;
}
const checkboxes = (blocks: unknown[]) => (blocks[1] as Options).elements[0];

/** `user` ticks or unticks so that `selected` is ticked, on message `ts` as it showed `blocks`. */
function click(user: string, ts: string, blocks: unknown[], selected: number[]): string {
  const options = checkboxes(blocks)?.options ?? [];
  return blockActions({
    user: { id: user },
    container: { type: "message", message_ts: ts, channel_id: "C1" },
    message: { ts, thread_ts: "1700000000.000100", blocks },
    response_url: `${SLACK_API}/respond/${user}`,
    actions: [
      {
        type: "checkboxes",
        action_id: "checklist_tick",
        block_id: "sipcode_checklist:items",
        selected_options: selected.map((i) => options[i]),
        action_ts: "2",
      },
    ],
  });
}

/** Records every chat.update, each answered after `delayMs` like a busy Slack. */
function recordUpdates(delayMs: number): Body[] {
  const updates: Body[] = [];
  nock(SLACK_API)
    .persist()
    .post("/api/chat.update", (b) => updates.push(b) > 0)
    .delay(delayMs)
    .reply(200, { ok: true });
  return updates;
}

const shown = (update: Body | undefined) => JSON.stringify(JSON.parse(String(update?.blocks)));

describe("a checklist ticked by two people at once", () => {
  it("keeps both ticks when the clicks arrive together, each from the same old copy", async () => {
    const list = checklistMessage({ title: "SIP 488 Not Acceptable Here", items: ITEMS });
    const updates = recordUpdates(100);
    const ts = "1700000300.000200";
    const answers = await Promise.all([
      postSigned(server, click("UALICE", ts, list.blocks, [0]), FORM),
      postSigned(server, click("UBOB", ts, list.blocks, [2]), FORM),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await until(() => updates.length >= 1 && shown(updates.at(-1)).includes("2 of 3 done"));
    // Nothing later takes a tick away again.
    await new Promise((r) => setTimeout(r, 400));
    const last = shown(updates.at(-1));
    expect(last).toMatch(/✓ 1\. <@UALICE>/);
    expect(last).toMatch(/✓ 3\. <@UBOB>/);
    expect(last).toMatch(/2 of 3 done/);
    expect(updates.every((u) => u.channel === "C1" && u.ts === ts)).toBe(true);
  });

  it("does not undo an untick when someone clicks on a copy from before it", async () => {
    const ticked = checklistMessage({
      title: "SIP 488 Not Acceptable Here",
      items: [{ text: "Compare SDP", by: "UALICE", at: 1_700_000_000 }, ...ITEMS.slice(1)],
    });
    const updates = recordUpdates(0);
    const ts = "1700000400.000200";
    // Alice unticks her item; Bob, whose client still shows it ticked, then ticks item 3.
    await postSigned(server, click("UALICE", ts, ticked.blocks, []), FORM);
    await until(() => updates.length >= 1);
    expect(shown(updates[0])).toMatch(/0 of 3 done/);
    await postSigned(server, click("UBOB", ts, ticked.blocks, [0, 2]), FORM);
    await until(() => updates.length >= 2);
    const last = shown(updates.at(-1));
    expect(last).not.toMatch(/UALICE/);
    expect(last).toMatch(/✓ 3\. <@UBOB>/);
    expect(last).toMatch(/1 of 3 done/);
  });
});
