// Without Teams credentials, /api/messages is unauthenticated (for the Bot Framework Emulator and the
// Agents Playground). Over HTTP to the real server: an activity naming a serviceUrl on this machine is
// answered there, and one naming any other host is refused with 403 before the bot posts anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { type FakeHttp, startFakeHttp } from "../../helpers/fake-http.js";
import { memoryLogger, message } from "./helpers.js";
import { env, guardNetwork, post } from "./http-harness.js";

guardNetwork();

describe("Teams without credentials", () => {
  let server: RunningServer;
  let connector: FakeHttp;
  const log = memoryLogger();
  beforeAll(async () => {
    connector = await startFakeHttp(() => ({ body: { id: "reply-1" } }));
    server = await startServer(env(), { catalog: catalog(), logger: log.logger });
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  it("says at start that the endpoint is unauthenticated and serves only a local Emulator or Playground", () => {
    const warning = log.lines().find((l) => String(l.msg).startsWith("no MICROSOFT_APP_ID"));
    expect(warning?.msg).toMatch(/unauthenticated/);
    expect(warning?.msg).toMatch(/localhost/);
  });

  it("answers an Emulator on this machine at its serviceUrl", async () => {
    for (const base of [connector.url, connector.url.replace("127.0.0.1", "localhost")]) {
      const before = connector.requests.length;
      const res = await post(server.port, { ...message("personal", "488"), serviceUrl: `${base}/` });
      expect(res.status).toBe(200);
      const [reply] = (await connector.waitFor(() => true, before + 1, 5_000)).slice(before);
      expect(reply?.method).toBe("POST");
      expect(reply?.body).toContain("488");
    }
  });

  it.each([
    "http://169.254.169.254/latest/",
    "https://smba.trafficmanager.net/amer/",
    "http://127.0.0.1.nip.io/",
    "http://localhost.example.test/",
    "http://127.0.0.1@example.test/",
    "http://10.0.0.5:8080/internal/admin/",
    "file:///etc/passwd",
    "",
  ])("refuses serviceUrl %j with 403 and posts nothing", async (serviceUrl) => {
    const before = connector.requests.length;
    const res = await post(server.port, { ...message("personal", "488"), serviceUrl });
    expect(res.status).toBe(403);
    expect(res.body?.error).toMatch(/MICROSOFT_APP_ID/);
    expect(res.body?.error).toMatch(/localhost/);
    // guardNetwork fails the test if the bot reached for any of those hosts.
    expect(connector.requests.length).toBe(before);
  });

  it("refuses an activity that names no serviceUrl, and logs the host of a refused one without its path", async () => {
    const { serviceUrl: _, ...bare } = message("personal", "488") as unknown as Record<string, unknown>;
    expect((await post(server.port, bare)).status).toBe(403);
    await post(server.port, {
      ...message("personal", "488"),
      serviceUrl: "http://10.0.0.5:8080/secret-path?k=v",
    });
    const refused = log
      .lines()
      .filter((l) => String(l.msg).startsWith("refused an unauthenticated activity"));
    expect(refused.at(-1)).toMatchObject({ level: "warn", serviceHost: "10.0.0.5:8080", type: "message" });
    expect(JSON.stringify(refused)).not.toContain("secret-path");
  });
});

describe("Teams with credentials", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      env({ MICROSOFT_APP_ID: "00000000-0000-0000-0000-0000000000aa", MICROSOFT_APP_PASSWORD: "pw" }),
      { catalog: catalog() },
    );
  });
  afterAll(() => server.close());

  it("leaves any serviceUrl to token validation: no token is a 401", async () => {
    const res = await post(server.port, {
      ...message("personal", "488"),
      serviceUrl: "https://smba.trafficmanager.net/amer/",
    });
    expect(res.status).toBe(401);
  });
});

describe("who counts as this machine without credentials", () => {
  it("is a peer on a loopback address, never one elsewhere", async () => {
    const { isLoopbackPeer } = await import("../../../src/adapters/teams/dev-mode.js");
    for (const a of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.5.6.7"])
      expect(isLoopbackPeer(a)).toBe(true);
    for (const a of ["10.0.0.5", "::ffff:10.0.0.5", "192.168.1.20", "2001:db8::1", "", undefined])
      expect(isLoopbackPeer(a)).toBe(false);
  });
});
