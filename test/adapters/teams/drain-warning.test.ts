// The warning at the end of a Teams shutdown's wait, for work still running then: it names what
// the wait covers (every connector call: replies, card updates and reminders), not card updates.
// Reached over HTTP only if a turn outlives the deadline on something other than a connector call,
// so it is driven here on the drain itself with a short window.
import { describe, expect, it } from "vitest";
import { TeamsDrain } from "../../../src/adapters/teams/drain.js";
import { createLogger } from "../../../src/log.js";

describe("a Teams shutdown whose wait ends with a turn still running", () => {
  it("warns that Teams connector calls were left unfinished and reports the stop as not clean", async () => {
    const logs: string[] = [];
    const drain = new TeamsDrain(
      createLogger("info", {}, (line) => logs.push(line)),
      2_300,
    );
    let end = () => {};
    void drain.turns.track(new Promise<void>((done) => (end = done)));
    try {
      expect(await drain.finish()).toBe(false);
      const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.find((l) => String(l.msg).startsWith("stopped with"))).toMatchObject({
        msg: "stopped with Teams connector calls unfinished",
        left: 1,
        turns: 1,
      });
    } finally {
      end();
    }
  });
});
