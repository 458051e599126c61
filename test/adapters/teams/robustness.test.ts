// /api/messages under bad conditions, over HTTP: a Bot Connector that accepts the connection and never
// answers (the turn gives up in time and the request is answered), malformed activities (answered
// sensibly, nothing logged as a crash) and bodies over the size limit (a 413 the client can read).

import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsPart } from "../../../src/adapters/teams/index.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { MemoryStore } from "../../../src/store/memory.js";
import { ReminderLoop } from "../../../src/store/reminders.js";
import { catalog } from "../../helpers/catalog.js";
import { cardOf, cardText, executeInvoke, invoke, memoryLogger, message } from "./helpers.js";
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

describe("malformed activities and oversized bodies", () => {
  let server: RunningServer;
  const log = memoryLogger();
  beforeAll(async () => {
    server = await startServer(env(), { catalog: catalog(), logger: log.logger });
  });
  afterAll(() => server.close());

  const crashes = () => log.lines().filter((l) => l.level === "error");

  it("reads a number sent as the message text as that number", async () => {
    const res = await post(server.port, {
      ...message("personal", ""),
      text: 488,
      deliveryMode: "expectReplies",
    });
    expect(res.status).toBe(200);
    expect(cardText(cardOf(res.body?.activities?.[0]))).toContain("SIP 488 Not Acceptable Here");
    for (const text of [null, { a: 1 }, ["488"]]) {
      const odd = await post(server.port, {
        ...message("personal", ""),
        text,
        entities: "not a list",
        attachments: { contentType: "text/html" },
        deliveryMode: "expectReplies",
      });
      // No usable text: the help card, as for an empty message.
      expect(cardText(cardOf(odd.body?.activities?.[0]))).toContain("@sipcode 488");
    }
    expect(crashes()).toEqual([]);
  });

  it("answers a compose search that carries no query with a hint", async () => {
    const res = await post(server.port, invoke("personal", "composeExtension/query", undefined));
    expect(res.status).toBe(200);
    expect(res.body?.composeExtension).toEqual({
      type: "message",
      text: "Type a code or a symptom to look it up, for example 488 or one way audio.",
    });
    const odd = await post(
      server.port,
      invoke("personal", "composeExtension/query", { commandId: "lookupCode", parameters: "488" }),
    );
    expect(odd.body?.composeExtension.type).toBe("result");
    expect(crashes()).toEqual([]);
  });

  it("answers a 1.5 MB body with a JSON 413, and keeps serving", async () => {
    const big = JSON.stringify({ ...message("personal", "x".repeat(1_500_000)) });
    const res = await post(server.port, big);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "activity too large" });
    const after = await post(server.port, { ...message("personal", "488"), deliveryMode: "expectReplies" });
    expect(after.status).toBe(200);
  });

  it("answers a declared huge body with a 413 before reading it, and closes the connection", async () => {
    const socket = connect(server.port, "127.0.0.1");
    socket.write(
      "POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{",
    );
    let raw = "";
    socket.on("data", (d: Buffer) => {
      raw += d.toString("utf8");
    });
    await new Promise((resolve) => socket.on("close", resolve));
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).toMatch(/\r\nconnection: close\r\n/i);
    expect(raw).toContain('{"error":"activity too large"}');
  });
});
