// A checklist tick is answered before the card is updated for everyone: a shutdown that starts in
// between waits for that update instead of cutting it off. An update the connector never takes
// fails as a timeout inside the shutdown's wait (its 10 s deadline is longer than the wait).
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { startFakeHttp } from "../../helpers/fake-http.js";
import { cardText, executeInvoke } from "./helpers.js";
import { env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

describe("a shutdown right after a checklist tick was answered", () => {
  it("waits for the card update that follows the answer", async () => {
    // A connector that takes 1.5 s to take the update, and notes when it has answered.
    let updated = false;
    const connector = await startFakeHttp(async (r) => {
      if (r.method === "PUT") {
        await new Promise((done) => setTimeout(done, 1_500));
        updated = true;
      }
      return { body: { id: "card-9" } };
    });
    const server = await startServer(env(), { catalog: catalog() });
    try {
      const tick = { verb: "tick", ref: "q:488", ticks: {}, "check-0": "true" };
      const activity = {
        ...executeInvoke("channel", "tick", tick, { replyToId: "card-9" }),
        serviceUrl: `${connector.url}/amer/`,
      };
      const res = await post(server.port, activity);
      expect(cardText(res.body?.value)).toContain("Alice Example");
      await connector.waitFor((r) => r.method === "PUT");
      expect(updated).toBe(false);
      await server.close();
      expect(updated).toBe(true);
    } finally {
      await connector.close();
    }
  });

  it("fails an update the connector never takes as a timeout, and stops within the wait", async () => {
    const hold = new Set<() => void>();
    const connector = await startFakeHttp(async (r) => {
      if (r.method === "PUT") await new Promise<void>((done) => hold.add(done));
      return { body: { id: "card-9" } };
    });
    const logs: string[] = [];
    const logger = createLogger("info", {}, (line) => logs.push(line));
    const server = await startServer(env(), { catalog: catalog(), logger });
    try {
      const tick = { verb: "tick", ref: "q:488", ticks: {}, "check-0": "true" };
      const activity = {
        ...executeInvoke("channel", "tick", tick, { replyToId: "card-9" }),
        serviceUrl: `${connector.url}/amer/`,
      };
      await post(server.port, activity);
      await connector.waitFor((r) => r.method === "PUT");

      const began = performance.now();
      await server.close();

      // The update is cut 2 s before the 8 s wait ends, through the connector's timeout path.
      expect(performance.now() - began).toBeLessThan(8_000);
      const lines = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.find((l) => l.msg === "connector call timed out")).toMatchObject({
        op: "update",
        cutByShutdown: true,
      });
      expect(lines.some((l) => String(l.msg).startsWith("stopped with Teams"))).toBe(false);
      expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: false });
    } finally {
      for (const done of hold) done();
      await connector.close();
    }
  }, 20_000);
});
