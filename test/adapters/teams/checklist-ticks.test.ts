// Several people ticking one checklist card at once, end to end: Action.Execute invokes to the real
// server, the Bot Connector faked with nock. Each click carries the card as that person last saw it.
import type { Activity } from "botbuilder";
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { ALICE, actionsOf, BOB, CONVERSATIONS, cardOf, cardText, executeInvoke, message } from "./helpers.js";
import { CONNECTOR, guardNetwork, post, teamsServerPerFile } from "./http-harness.js";

guardNetwork();

let server: RunningServer;
teamsServerPerFile((s) => {
  server = s;
});

const encoded = encodeURIComponent(CONVERSATIONS.channel.id);

/** Posts "488" in the channel thread and returns the tick button's data of the card as posted. */
async function postedChecklist(replyId: string): Promise<Record<string, unknown>> {
  const incoming = message("channel", "488");
  const posted: Partial<Activity>[] = [];
  nock(CONNECTOR)
    .post(`/amer/v3/conversations/${encoded}/activities/${incoming.id}`, (b) => posted.push(b) > 0)
    .reply(200, { id: replyId });
  expect((await post(server.port, incoming)).status).toBe(200);
  const tick = actionsOf(cardOf(posted[0])).find((a) => a.verb === "tick");
  return tick?.data as Record<string, unknown>;
}

/** Records every update of message `replyId`, each answered after `delayMs` like a busy connector. */
function recordUpdates(replyId: string, delayMs: number): Partial<Activity>[] {
  const updates: Partial<Activity>[] = [];
  nock(CONNECTOR)
    .persist()
    .put(`/amer/v3/conversations/${encoded}/activities/${replyId}`, (b) => updates.push(b) > 0)
    .delay(delayMs)
    .reply(200, { id: replyId });
  return updates;
}

const ticksOf = (update: Partial<Activity> | undefined) =>
  actionsOf(cardOf(update)).find((a) => a.verb === "tick")?.data as {
    ticks?: Record<string, { by: string }>;
  };

describe("a checklist card ticked by two people at once", () => {
  it("keeps both ticks when the clicks arrive together, each from the same old card", async () => {
    const data = await postedChecklist("reply-ticks-1");
    const updates = recordUpdates("reply-ticks-1", 100);
    const [alice, bob] = await Promise.all([
      post(
        server.port,
        executeInvoke(
          "channel",
          "tick",
          { ...data, "check-0": "true" },
          { from: ALICE, replyToId: "reply-ticks-1" },
        ),
      ),
      post(
        server.port,
        executeInvoke(
          "channel",
          "tick",
          { ...data, "check-2": "true" },
          { from: BOB, replyToId: "reply-ticks-1" },
        ),
      ),
    ]);
    // Each clicker's own card shows their tick at once.
    expect(cardText(alice.body?.value)).toContain("✓ Alice Example");
    expect(cardText(bob.body?.value)).toContain("✓ Bob Builder");
    // Everyone's copy of the message ends with both ticks.
    await new Promise((r) => setTimeout(r, 500));
    expect(updates.length).toBeGreaterThanOrEqual(1);
    const last = ticksOf(updates.at(-1))?.ticks ?? {};
    expect(Object.keys(last).sort()).toEqual(["0", "2"]);
    expect(last["0"]?.by).toBe("Alice Example");
    expect(last["2"]?.by).toBe("Bob Builder");
    expect(cardText(cardOf(updates.at(-1)))).toMatch(/Alice Example[\s\S]*Bob Builder/);
  });

  it("does not undo an untick when someone clicks on a card from before it", async () => {
    const data = await postedChecklist("reply-ticks-2");
    const updates = recordUpdates("reply-ticks-2", 0);
    const first = { ...data, "check-0": "true" };
    await post(
      server.port,
      executeInvoke("channel", "tick", first, { from: ALICE, replyToId: "reply-ticks-2" }),
    );
    const afterAlice = ticksOf(updates.at(-1));
    // Alice unticks her item; Bob, whose card still shows it ticked, then ticks item 3.
    const seen = { ...data, ticks: afterAlice?.ticks };
    await post(
      server.port,
      executeInvoke(
        "channel",
        "tick",
        { ...seen, "check-0": "false" },
        { from: ALICE, replyToId: "reply-ticks-2" },
      ),
    );
    await post(
      server.port,
      executeInvoke(
        "channel",
        "tick",
        { ...seen, "check-0": "true", "check-2": "true" },
        { from: BOB, replyToId: "reply-ticks-2" },
      ),
    );
    await new Promise((r) => setTimeout(r, 200));
    const last = ticksOf(updates.at(-1))?.ticks ?? {};
    expect(Object.keys(last)).toEqual(["2"]);
    expect(last["2"]?.by).toBe("Bob Builder");
  });
});
