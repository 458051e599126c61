// What an installer meets when a deployment is set up wrong: each problem is named (the variable
// to fix), a broken start ends the process instead of leaving it half up, and a Slack install
// never opens an unauthenticated Teams route.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { type RunningServer, startServer } from "../../src/server.js";
import { SIGNING_SECRET } from "../adapters/slack/harness.js";
import { catalog } from "../helpers/catalog.js";
import { type FakeHttp, startFakeHttp } from "../helpers/fake-http.js";

const BIN = fileURLToPath(new URL("../../bin/sipcode.js", import.meta.url));

/** Runs `sipcode serve` with only `env` and returns its exit code and stderr. */
function serve(env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}

/** A stand-in Slack Web API whose auth.test answers `authTest`. */
let authAnswer: unknown = { ok: true, team_id: "T1", user_id: "UBOT" };
let slackApi: FakeHttp;
const running: RunningServer[] = [];

beforeAll(async () => {
  slackApi = await startFakeHttp((r) => {
    if (r.path.endsWith("/auth.test")) return { body: authAnswer };
    if (r.path.endsWith("/apps.connections.open")) return { body: { ok: false, error: "invalid_auth" } };
    return { body: { ok: true } };
  });
});

afterAll(async () => {
  for (const s of running) await s.close();
  await slackApi.close();
});

function slackEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "development",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    SLACK_BOT_TOKEN: "xoxb-startup-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slackApi.url}/api/`,
    ...extra,
  };
}

async function start(env: Record<string, string>): Promise<RunningServer> {
  const s = await startServer(loadConfig(env), { catalog: catalog(), logger: createLogger("silent") });
  running.push(s);
  return s;
}

async function readiness(s: RunningServer): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${s.port}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 20));
    v = await read();
  }
  return v;
}

describe("a Slack install outside production", () => {
  it("serves no unauthenticated Teams route", async () => {
    authAnswer = { ok: true, team_id: "T1", user_id: "UBOT" };
    const s = await start(slackEnv());
    const res = await fetch(`http://127.0.0.1:${s.port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", text: "488", serviceUrl: "http://127.0.0.1:9/" }),
    });
    expect(res.status).toBe(404);
    const ready = await eventually(
      () => readiness(s),
      (r) => r.status === 200,
    );
    expect(ready.body.platforms).toEqual(["slack"]);
  });
});

describe("a bot token Slack refuses", () => {
  it("is named in /readyz, which stops reporting ready", async () => {
    authAnswer = { ok: false, error: "invalid_auth" };
    const s = await start(slackEnv());
    const ready = await eventually(
      () => readiness(s),
      (r) => r.status === 503,
    );
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe("Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });

  it("is not blamed when Slack cannot be reached to check it", async () => {
    const s = await start(slackEnv({ SLACK_API_URL: "http://127.0.0.1:9/api/" }));
    await new Promise((r) => setTimeout(r, 300));
    expect((await readiness(s)).status).toBe(200);
  });
});

describe("a start that cannot finish", () => {
  it("names a PORT already in use", async () => {
    authAnswer = { ok: true, team_id: "T1", user_id: "UBOT" };
    const first = await start(slackEnv());
    await expect(start(slackEnv({ PORT: String(first.port) }))).rejects.toThrow(
      `PORT ${first.port} is already in use on 127.0.0.1`,
    );
  });

  it("exits 1 naming SLACK_APP_TOKEN when Slack refuses the Socket Mode token", async () => {
    const r = await serve({
      SLACK_BOT_TOKEN: "xoxb-startup-test",
      SLACK_APP_TOKEN: "xapp-1-refused",
      SLACK_API_URL: `${slackApi.url}/api/`,
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain("Slack refused SLACK_APP_TOKEN (invalid_auth)");
    expect(r.err).not.toContain("internal error");
  }, 30_000);

  it("exits 2 in production with no chat platform, naming the variables to set", async () => {
    const r = await serve({ NODE_ENV: "production" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("no chat platform is configured");
    expect(r.err).toContain("SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET");
  }, 30_000);
});
