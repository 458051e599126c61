// A shutdown that meets a Teams answer the connector has not taken: the reply to a message (sent
// while its request is still open) or the card update after a tick is given up 6 s in, the
// warning names the chat and message it was for, and the stop is reported as not clean.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { type FakeHttp, startFakeHttp } from "../../helpers/fake-http.js";
import { CONVERSATIONS, executeInvoke, message } from "./helpers.js";
import { env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

type Line = Record<string, unknown>;

/** A connector that holds every `method` request until the test ends, and the server in front of it. */
async function stalled(method: string, delayMs?: number) {
  const hold = new Set<() => void>();
  const connector = await startFakeHttp(async (r) => {
    if (r.method === method) {
      if (delayMs === undefined) await new Promise<void>((done) => hold.add(done));
      else await new Promise((done) => setTimeout(done, delayMs));
    }
    return { body: { id: "reply-1" } };
  });
  const logs: string[] = [];
  const logger = createLogger("info", {}, (line) => logs.push(line));
  const server = await startServer(env(), { catalog: catalog(), logger });
  const lines = () => logs.map((l) => JSON.parse(l) as Line);
  const end = async () => {
    for (const done of hold) done();
    await server.close();
    await connector.close();
  };
  return { connector, server, lines, end };
}

async function stopTimed(server: RunningServer): Promise<number> {
  const began = performance.now();
  await server.close();
  return performance.now() - began;
}

const via = (connector: FakeHttp) => ({ serviceUrl: `${connector.url}/amer/` });

describe("a shutdown while the answer to a message is still being posted", () => {
  it("gives the reply up, names it, and says the stop was not clean", async () => {
    const { connector, server, lines, end } = await stalled("POST");
    try {
      const activity = { ...message("personal", "488"), ...via(connector) };
      const answered = post(server.port, activity);
      await connector.waitFor((r) => r.method === "POST");

      const took = await stopTimed(server);
      expect((await answered).status).toBe(200);
      expect(took).toBeLessThan(8_000);

      const log = lines();
      expect(log.find((l) => String(l.msg).startsWith("shutdown deadline"))).toMatchObject({
        msg: "shutdown deadline: Teams connector calls still open are given up",
        left: 1,
        calls: [{ what: "reply", conversation: CONVERSATIONS.personal?.id, replyToId: activity.id }],
      });
      expect(log.find((l) => l.msg === "connector call timed out")).toMatchObject({
        op: "send",
        cutByShutdown: true,
      });
      // The detail says the shutdown cut it, not that the 10 s connector deadline ran out.
      const failed = JSON.stringify(log.find((l) => l.msg === "turn failed"));
      expect(failed).toContain("given up by the shutdown");
      expect(failed).not.toContain("10000 ms");
      expect(log.at(-1)).toMatchObject({ msg: "stopped", clean: false });
    } finally {
      await end();
    }
  }, 20_000);

  it("waits for a slow reply that arrives in time, and stops clean", async () => {
    const { connector, server, lines, end } = await stalled("POST", 1_500);
    try {
      const answered = post(server.port, { ...message("personal", "488"), ...via(connector) });
      await connector.waitFor((r) => r.method === "POST");
      await stopTimed(server);
      expect((await answered).status).toBe(200);
      const log = lines();
      expect(log.some((l) => String(l.msg).startsWith("shutdown deadline"))).toBe(false);
      expect(log.at(-1)).toMatchObject({ msg: "stopped", clean: true });
    } finally {
      await end();
    }
  }, 20_000);
});

describe("a shutdown while a ticked card is still being updated", () => {
  it("names the card update it gave up", async () => {
    const { connector, server, lines, end } = await stalled("PUT");
    try {
      const tick = { verb: "tick", ref: "q:488", ticks: {}, "check-0": "true" };
      await post(server.port, {
        ...executeInvoke("channel", "tick", tick, { replyToId: "card-9" }),
        ...via(connector),
      });
      await connector.waitFor((r) => r.method === "PUT");
      await stopTimed(server);

      const log = lines();
      expect(log.find((l) => String(l.msg).startsWith("shutdown deadline"))).toMatchObject({
        left: 1,
        calls: [{ what: "card update", activityId: "card-9" }],
      });
      const calls = log.find((l) => String(l.msg).startsWith("shutdown deadline"))?.calls as Line[];
      expect(String(calls[0]?.conversation)).toContain("19:incident-channel@thread.tacv2");
      const notUpdated = JSON.stringify(log.find((l) => l.msg === "could not update the checklist message"));
      expect(notUpdated).toContain("given up by the shutdown");
      expect(notUpdated).not.toContain("10000 ms");
      expect(log.at(-1)).toMatchObject({ msg: "stopped", clean: false });
    } finally {
      await end();
    }
  }, 20_000);
});
