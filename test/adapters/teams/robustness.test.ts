// /api/messages under bad conditions, over HTTP: a Bot Connector that accepts the connection and never
// answers (the turn gives up in time and the request is answered).

import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsPart } from "../../../src/adapters/teams/index.js";
import { MemoryStore } from "../../../src/store/memory.js";
import { ReminderLoop } from "../../../src/store/reminders.js";
import { catalog } from "../../helpers/catalog.js";
import { cardText, executeInvoke, memoryLogger, message } from "./helpers.js";
import { env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

const listen = (s: Server | HttpServer) =>
  new Promise<number>((resolve) =>
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      resolve(typeof a === "object" && a ? a.port : 0);
    }),
  );

describe("a Bot Connector that accepts the connection and never answers", () => {
  const TIMEOUT_MS = 300;
  const held: Socket[] = [];
  let closedByBot = 0;
  // Reads every request and never answers.
  const stalled = createServer((socket) => {
    held.push(socket);
    socket.resume();
    socket.on("close", () => closedByBot++);
  });
  const log = memoryLogger();
  let http: HttpServer;
  let port: number;
  let serviceUrl: string;

  beforeAll(async () => {
    serviceUrl = `http://127.0.0.1:${await listen(stalled)}/`;
    const store = new MemoryStore();
    const part = await createTeamsPart({
      config: env(),
      catalog: catalog(),
      logger: log.logger,
      store,
      reminders: new ReminderLoop(store, log.logger),
      connector: { timeoutMs: TIMEOUT_MS },
    });
    const handle = part.route?.handle;
    http = createHttpServer((req, res) => void handle?.(req, res));
    port = await listen(http);
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    await new Promise((r) => stalled.close(r));
    await new Promise((r) => http.close(r));
  });

  it("gives up on the reply in time, logs it and answers the request", async () => {
    const started = Date.now();
    const res = await post(port, { ...message("groupChat", "488"), serviceUrl });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(held.length).toBeGreaterThan(0);
    const lines = log.lines();
    expect(lines).toContainEqual(expect.objectContaining({ msg: "connector call timed out", op: "send" }));
    expect(lines).toContainEqual(expect.objectContaining({ level: "error", msg: "turn failed" }));
    // The abandoned call does not keep its connection open.
    await vi.waitFor(() => expect(closedByBot).toBe(held.length), { timeout: 2_000 });
  });

  it("shows an opened card in place when posting it times out", async () => {
    const started = Date.now();
    const res = await post(port, {
      ...executeInvoke("channel", "open", { verb: "open", id: "sip/488" }),
      serviceUrl,
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(res.status).toBe(200);
    expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(res.body?.value)).toContain("SIP 488 Not Acceptable Here");
  });
});
