// Socket Mode started while Slack has an outage: apps.connections.open answers 5xx or nothing from
// the first try. The server starts anyway, /readyz names the outage, and it connects once Slack is
// back. Only an app token Slack refuses stops the start, naming SLACK_APP_TOKEN.
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { type RunningServer, startServer } from "../../../src/server.js";
import { catalog } from "../../helpers/catalog.js";
import { type FakeHttp, startFakeHttp } from "../../helpers/fake-http.js";
import { FakeSlack, socketModeEnv } from "./fake-slack-socket.js";
import { slashFields, until } from "./harness.js";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

/** The server in Socket Mode against a Slack at `apiUrl`, with its log lines collected. */
async function start(apiUrl: string, extra: Record<string, string> = {}) {
  const lines: string[] = [];
  const env = { ...socketModeEnv({ apiUrl } as FakeSlack), ...extra };
  const server = await startServer(loadConfig(env), {
    catalog: catalog(),
    logger: createLogger("warn", {}, (l) => lines.push(l)),
  });
  cleanup.push(() => server.close());
  return { server, lines };
}

async function readyz(server: RunningServer) {
  const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string } };
}

/** A Slack Web API that answers apps.connections.open with `open` and anything else with ok. */
async function slackApi(open: () => Promise<{ status?: number; body: unknown }>): Promise<FakeHttp> {
  const api = await startFakeHttp((r) =>
    r.path.includes("apps.connections.open") ? open() : { body: { ok: true } },
  );
  cleanup.push(() => api.close());
  return api;
}

describe("Slack Socket Mode started during a Slack outage", () => {
  it("starts, says on /readyz that Slack is unreachable, and connects once Slack is back", {
    timeout: 30_000,
  }, async () => {
    const slack = await FakeSlack.start();
    cleanup.push(() => slack.close());
    slack.openStatus = 503;
    const { server, lines } = await start(slack.apiUrl);

    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    const down = await readyz(server);
    expect(down.status).toBe(503);
    expect(down.body.status).toMatch(/^Slack Socket Mode not connected for \d+ s: Slack is unreachable/);
    expect(down.body.status).toContain("apps.connections.open answered HTTP 503");
    expect(lines.join("")).toContain("Slack is unreachable: apps.connections.open answered HTTP 503");

    slack.openStatus = undefined;
    await until(() => slack.sockets.length === 1, 20_000);
    await until(() => slack.callsTo("apps.connections.open").length >= 2);
    const deadline = Date.now() + 5_000;
    while ((await readyz(server)).status !== 200 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect((await readyz(server)).status).toBe(200);
    const id = slack.send("slash_commands", {
      ...slashFields("488"),
      response_url: `${slack.apiUrl}respond/1`,
    });
    await until(() => slack.ackFor(id) !== undefined);
    expect(JSON.stringify(slack.ackFor(id)?.payload)).toMatch(/488 Not Acceptable Here/);
  });

  it("keeps running when apps.connections.open does not answer at all", { timeout: 15_000 }, async () => {
    const api = await slackApi(() => new Promise(() => {}));
    const { server } = await start(`${api.url}/api/`, { SLACK_API_TIMEOUT_MS: "1000" });
    const down = await readyz(server);
    expect(down.status).toBe(503);
    expect(down.body.status).toContain("apps.connections.open did not answer");
  });

  it("stops the start naming SLACK_APP_TOKEN when Slack refuses the token", async () => {
    const api = await slackApi(async () => ({ body: { ok: false, error: "token_revoked" } }));
    await expect(start(`${api.url}/api/`)).rejects.toThrow("Slack refused SLACK_APP_TOKEN (token_revoked)");
  });

  it("names a token Slack refuses once the outage is over", { timeout: 20_000 }, async () => {
    let outage = true;
    const api = await slackApi(async () =>
      outage ? { status: 502, body: {} } : { body: { ok: false, error: "invalid_auth" } },
    );
    const { server, lines } = await start(`${api.url}/api/`);
    expect((await readyz(server)).body.status).toContain("answered HTTP 502");
    outage = false;
    await api.waitFor((r) => r.path.includes("apps.connections.open"), 2, 15_000);
    await until(() => lines.join("").includes("Slack refused SLACK_APP_TOKEN (invalid_auth)"));
    const refused = await readyz(server);
    expect(refused.status).toBe(503);
    expect(refused.body.status).toBe("Slack refused SLACK_APP_TOKEN (invalid_auth)");
  });
});
