// SIGTERM under load, on a real server process: requests already sent on open connections are all
// answered (2xx, with Connection: close), new connections are refused, a reply still being posted
// after its event was acked is finished, and the process exits 0 on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, SIGNING_SECRET, sign, slashCommand } from "../adapters/slack/harness.js";
import { type FakeHttp, slackArgs, startFakeHttp } from "../helpers/fake-http.js";
import { keepAliveAgent, post } from "../helpers/keepalive.js";
import { type ServerProcess, startServerProcess } from "../helpers/server-process.js";

let server: ServerProcess;
let slackApi: FakeHttp;

beforeAll(async () => {
  // chat.postMessage answers slowly, so a thread reply is still in progress when SIGTERM arrives.
  slackApi = await startFakeHttp(async (r) => {
    if (r.path.endsWith("/chat.postMessage")) await new Promise((res) => setTimeout(res, 1_500));
    return { body: { ok: true, ts: "1700000099.000100", channel: "C1" } };
  });
  server = await startServerProcess({
    NODE_ENV: "test",
    SLACK_BOT_TOKEN: "xoxb-shutdown-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slackApi.url}/api/`,
  });
}, 20_000);

afterAll(async () => {
  await server?.kill("SIGKILL");
  await slackApi?.close();
});

interface Tally {
  ok: number;
  okAfterSignal: number;
  refused: number;
  failures: string[];
}

async function client(i: number, tally: Tally, signalled: () => boolean): Promise<void> {
  const agent = keepAliveAgent();
  try {
    for (;;) {
      // Slash commands: answered in the ack, so each request is one round trip to measure.
      const body = slashCommand(i % 2 === 0 ? "488" : "503");
      const headers = { "content-type": "application/x-www-form-urlencoded", ...sign(body) };
      const after = signalled();
      try {
        const res = await post(agent, `${server.url}/slack/events`, headers, body);
        if (res.status < 200 || res.status >= 300) tally.failures.push(`HTTP ${res.status}`);
        else {
          tally.ok++;
          if (after) tally.okAfterSignal++;
        }
      } catch (err) {
        const code = (err as { code?: string }).code ?? String(err);
        // Refused: the server had stopped accepting, so this request was never accepted.
        if (code === "ECONNREFUSED") {
          tally.refused++;
          return;
        }
        tally.failures.push(code);
        return;
      }
    }
  } finally {
    agent.destroy();
  }
}

describe("graceful shutdown", () => {
  it("answers every accepted request and exits 0 after SIGTERM under load", async () => {
    const tally: Tally = { ok: 0, okAfterSignal: 0, refused: 0, failures: [] };
    let signalled = false;
    const clients = Array.from({ length: 12 }, (_, i) => client(i, tally, () => signalled));
    await new Promise((r) => setTimeout(r, 1_000));

    const mention = eventBody({
      type: "app_mention",
      channel: "C1",
      user: "U1",
      ts: "1700000050.000500",
      text: "<@UBOT> SIP/2.0 486 Busy Here\nCSeq: 1 INVITE",
    });
    const ack = await fetch(`${server.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json", ...sign(mention) },
      body: mention,
    });
    expect(ack.status).toBe(200);
    await slackApi.waitFor((r) => r.path.endsWith("/chat.postMessage"), 1, 5_000);

    signalled = true;
    server.child.kill("SIGTERM");
    const exitCode = await server.exited;
    await Promise.all(clients);

    expect(tally.failures).toEqual([]);
    expect(tally.ok).toBeGreaterThan(100);
    expect(tally.okAfterSignal).toBeGreaterThan(0);
    expect(tally.refused).toBe(12);
    expect(exitCode).toBe(0);
    // The thread reply that was being posted when the signal came was finished, checklist included.
    const posts = slackApi.requests.filter(
      (r) => r.path.endsWith("/chat.postMessage") && slackArgs(r).thread_ts === "1700000050.000500",
    );
    expect(posts).toHaveLength(2);
    expect(server.logs()).toContain('"msg":"stopped","clean":true');
  }, 30_000);
});
