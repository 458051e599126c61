// A shutdown that has to give up on a thread reply (Slack acked the event and will not retry it):
// the warning names the channel, event id and thread of each reply nobody will get, the last line
// says the stop was not clean, and nothing pasted reaches the log. A reply that finishes in time
// still gives a clean stop.
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/log.js";
import type { RunningServer } from "../../../src/server.js";
import { type FakeHttp, startFakeHttp } from "../../helpers/fake-http.js";
import { eventBody, sign, startSlackServer } from "./harness.js";

const PASTE = "<@UBOT> SIP/2.0 503 Service Unavailable\nCSeq: 1 INVITE\nCall-ID: secret-call-42@10.0.0.5";

let api: FakeHttp | undefined;
let server: RunningServer | undefined;
let release = () => {};

afterEach(async () => {
  release();
  await server?.close();
  await api?.close();
  server = undefined;
  api = undefined;
});

/** A server whose Slack Web API holds chat.postMessage for `holdMs`, and the log lines it writes. */
async function start(holdMs: number): Promise<{ logs: string[]; url: string }> {
  const held = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, holdMs);
    release = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  api = await startFakeHttp(async (r) => {
    if (r.path.endsWith("/chat.postMessage")) await held;
    return { body: { ok: true, ts: "1700000099.000100", channel: "C7", user_id: "UBOT", team_id: "T1" } };
  });
  const logs: string[] = [];
  const logger = createLogger("info", {}, (line) => logs.push(line));
  server = await startSlackServer({ SLACK_API_URL: `${api.url}/api/` }, { logger });
  return { logs, url: `http://127.0.0.1:${server.port}` };
}

async function mention(url: string, eventId: string): Promise<void> {
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
  await api?.waitFor((r) => r.path.endsWith("/chat.postMessage"), 1, 5_000);
}

const parsed = (logs: string[]) => logs.map((l) => JSON.parse(l) as Record<string, unknown>);

describe("shutting down with a Slack reply still being posted", () => {
  it("names the abandoned reply's channel, event and thread, and reports an unclean stop", async () => {
    const { logs, url } = await start(60_000);
    await mention(url, "EvAbandoned1");

    await server?.close();

    const lines = parsed(logs);
    const warning = lines.find((l) => l.msg === "stopped with Slack replies unfinished");
    expect(warning).toMatchObject({
      left: 1,
      abandoned: [
        {
          kind: "event:app_mention",
          channel: "C7",
          event_id: "EvAbandoned1",
          ts: "1700000050.000500",
          thread_ts: "1700000040.000100",
        },
      ],
    });
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: false });
    const all = logs.join("");
    expect(all).not.toContain("secret-call-42");
    expect(all).not.toContain("Service Unavailable");
    expect(all).not.toContain("xoxb-");
  }, 20_000);

  it("stops cleanly when the reply is posted within the wait", async () => {
    const { logs, url } = await start(300);
    await mention(url, "EvFinished1");

    await server?.close();

    const lines = parsed(logs);
    expect(lines.some((l) => l.msg === "stopped with Slack replies unfinished")).toBe(false);
    expect(lines.at(-1)).toMatchObject({ msg: "stopped", clean: true });
  }, 20_000);
});
