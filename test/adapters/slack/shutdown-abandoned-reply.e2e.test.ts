// A shutdown with a thread reply still being posted (Slack acked the event and will not retry it).
// A post whose Web API call stalls fails as a timeout inside the drain window, however long the
// operator lets calls take: the failed post and the reply it belonged to are logged, the stop ends
// within the window and is reported as not clean. A reply whose rate-limit wait would end past the
// deadline is given up there and named the same way; one that finishes in time gives a clean stop.
// Nothing pasted reaches the log.
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import type { RunningServer } from "../../../src/server.js";
import { eventBody, sign, startSlackServer } from "./harness.js";

const PASTE = "<@UBOT> SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\nCall-ID: secret-call-42@10.0.0.5";

let api: Server | undefined;
let server: RunningServer | undefined;
let release = () => {};

afterEach(async () => {
  release();
  await server?.close();
  api?.closeAllConnections();
  await new Promise((r) => api?.close(r));
  server = undefined;
  api = undefined;
});

type Answer = { status: number; headers?: Record<string, string> };

/**
 * A server whose Slack Web API answers chat.postMessage after `holdMs` with `answer` (ok by default),
 * the log lines it writes, and when the first chat.postMessage reached the API. Later posts are ok.
 */
async function start(
  holdMs: number,
  answer: Answer = { status: 200 },
  env: Record<string, string> = {},
): Promise<{ logs: string[]; url: string; firstPost: Promise<void> }> {
  const timers = new Set<NodeJS.Timeout>();
  release = () => {
    for (const t of timers) clearTimeout(t);
  };
  let posts = 0;
  let seen = () => {};
  const firstPost = new Promise<void>((r) => {
    seen = r;
  });
  api = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const ok = { ok: true, ts: "1700000099.000100", channel: "C7", user_id: "UBOT", team_id: "T1" };
      const send = (a: Answer) =>
        res
          .writeHead(a.status, { "content-type": "application/json", ...a.headers })
          .end(JSON.stringify(a.status === 200 ? ok : { ok: false, error: "ratelimited" }));
      if (!req.url?.endsWith("/chat.postMessage")) return send({ status: 200 });
      posts++;
      seen();
      const t = setTimeout(() => send(posts === 1 ? answer : { status: 200 }), holdMs);
      timers.add(t);
    });
  });
  await new Promise<void>((r) => api?.listen(0, "127.0.0.1", r));
  const address = api.address();
  const apiUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const logs: string[] = [];
  const logger = createLogger("info", {}, (line) => logs.push(line));
  server = await startSlackServer({ SLACK_API_URL: `${apiUrl}/api/`, ...env }, { logger });
  return { logs, url: `http://127.0.0.1:${server.port}`, firstPost };
}

async function mention(url: string, eventId: string, firstPost: Promise<void>): Promise<void> {
  const body = eventBody(
    {
      type: "app_mention",
      channel: "C7",
      user: "U1",
      ts: "1700000050.000500",
      thread_ts: "1700000040.000100",
      text: PASTE,
    },
    eventId,
  );
  const ack = await fetch(`${url}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...sign(body) },
    body,
  });
  expect(ack.status).toBe(200);
  await firstPost;
}

const parsed = (logs: string[]) => logs.map((l) => JSON.parse(l) as Record<string, unknown>);

const REPLY = {
  kind: "event:app_mention",
  channel: "C7",
  event_id: "EvStalled1",
  ts: "1700000050.000500",
  thread_ts: "1700000040.000100",
};

/** Stops the server and says how long the stop took. */
async function timedClose(): Promise<number> {
  const began = performance.now();
  await server?.close();
  return performance.now() - began;
}

function expectNothingPastedLogged(logs: string[]): void {
  const all = logs.join("");
  expect(all).not.toContain("secret-call-42");
  expect(all).not.toContain("Service Unavailable");
  expect(all).not.toContain("xoxb-");
}

describe("shutting down with a Slack reply still being posted", () => {
  it("fails a post that Slack never answers as a timeout within the drain window, even with a 60 s API timeout", async () => {
    const { logs, url, firstPost } = await start(120_000, { status: 200 }, { SLACK_API_TIMEOUT_MS: "60000" });
    await mention(url, "EvStalled1", firstPost);

    const took = await timedClose();

    // The call is cut 2 s before the 8 s window ends, so the stop does not wait the window out.
    expect(took).toBeLessThan(8_000);
    const lines = parsed(logs);
    expect(
      lines.find((l) => l.msg === "shutdown deadline: Slack calls still open are given up"),
    ).toMatchObject({
      left: 1,
      replies: [REPLY],
    });
    expect(lines.find((l) => l.msg === "chat.postMessage failed")).toMatchObject({
      code: "timeout",
      channel: "C7",
    });
    expect(lines.some((l) => l.msg === "stopped with Slack replies unfinished")).toBe(false);
    // Someone got no reply, so the stop is still not clean, but nothing was cut with the process.
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: false });
    expectNothingPastedLogged(logs);
  }, 20_000);

  it("gives up a reply whose rate-limit wait would outlast the deadline, names it, and reports an unclean stop", async () => {
    // Slack answers the post 3.5 s into the shutdown with a 5 s Retry-After: the wait would end
    // past the 6 s deadline, so the reply is given up there instead of running past the 8 s window.
    const { logs, url, firstPost } = await start(3_500, { status: 429, headers: { "retry-after": "5" } });
    await mention(url, "EvStalled1", firstPost);

    const took = await timedClose();

    expect(took).toBeLessThan(8_000);
    const lines = parsed(logs);
    expect(
      lines.find((l) => l.msg === "shutdown deadline: Slack calls still open are given up"),
    ).toMatchObject({ left: 1, replies: [REPLY] });
    expect(lines.find((l) => l.msg === "chat.postMessage failed")).toMatchObject({
      code: "timeout",
      channel: "C7",
      cutByShutdown: true,
      waitMs: 5_000,
    });
    expect(lines.some((l) => l.msg === "stopped with Slack replies unfinished")).toBe(false);
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: false });
    expectNothingPastedLogged(logs);
  }, 20_000);

  it("stops cleanly when the reply is posted within the wait", async () => {
    const { logs, url, firstPost } = await start(300);
    await mention(url, "EvStalled1", firstPost);

    await server?.close();

    const lines = parsed(logs);
    expect(lines.some((l) => String(l.msg).startsWith("shutdown deadline"))).toBe(false);
    expect(lines.some((l) => l.msg === "stopped with Slack replies unfinished")).toBe(false);
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: true });
  }, 20_000);
});
