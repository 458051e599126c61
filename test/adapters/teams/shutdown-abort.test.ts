// A shutdown that gives up a Teams reply the connector never answers: the call is aborted at the
// deadline, so its connection to the connector closes then (not at the call's own 10 s timeout or
// at exit), the stop ends inside its 8 s window, and the log names the reply given up.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import { startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { startFakeHttp } from "../../helpers/fake-http.js";
import { CONVERSATIONS, message } from "./helpers.js";
import { env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

type Line = Record<string, unknown>;

describe("a shutdown while a reply is stuck at the connector", () => {
  it("aborts the reply at the deadline, closing its connection, and names it", async () => {
    const hold = new Set<() => void>();
    const connector = await startFakeHttp(async (r) => {
      if (r.method === "POST") await new Promise<void>((done) => hold.add(done));
      return { body: { id: "reply-1" } };
    });
    // When the bot's side of the stuck request went away.
    let closedAt: number | undefined;
    connector.server.on("request", (req) => {
      if (req.method === "POST") req.socket.once("close", () => (closedAt ??= performance.now()));
    });
    const logs: string[] = [];
    const server = await startServer(env(), {
      catalog: catalog(),
      logger: createLogger("info", {}, (line) => logs.push(line)),
    });
    try {
      const activity = { ...message("personal", "488"), serviceUrl: `${connector.url}/amer/` };
      const answered = post(server.port, activity);
      await connector.waitFor((r) => r.method === "POST");

      const began = performance.now();
      await server.close();
      const took = performance.now() - began;
      expect((await answered).status).toBe(200);

      expect(took).toBeGreaterThan(5_000);
      expect(took).toBeLessThan(8_000);
      // Closed at the 6 s deadline, not left open to the 10 s timeout.
      expect(closedAt).toBeDefined();
      expect((closedAt ?? 0) - began).toBeLessThan(7_500);

      const lines = logs.map((l) => JSON.parse(l) as Line);
      expect(lines.find((l) => String(l.msg).startsWith("shutdown deadline"))).toMatchObject({
        msg: "shutdown deadline: Teams connector calls still open are given up",
        calls: [{ what: "reply", conversation: CONVERSATIONS.personal?.id, replyToId: activity.id }],
      });
      expect(lines.find((l) => l.msg === "connector call timed out")).toMatchObject({
        op: "send",
        what: "reply",
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
