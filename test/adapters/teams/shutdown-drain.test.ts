// A checklist tick is answered before the card is updated for everyone: a shutdown that starts in
// between waits for that update instead of cutting it off.
import { describe, expect, it } from "vitest";
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
});
