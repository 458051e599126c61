// Requests Bolt would crash on or leave hanging, over HTTP to the real server: signed bodies that
// are not objects get 400, payloads no listener handles get 404 at once, unsigned ones still 401,
// and the server keeps answering afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { interaction, postSigned, sign, slashCommand, startSlackServer } from "./harness.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
/** Bolt's own fallback answers an unhandled request only after 3 s; these must not wait for it. */
const BEFORE_BOLTS_TIMER_MS = 2_500;

let server: RunningServer;
beforeAll(async () => {
  server = await startSlackServer();
});
afterAll(async () => {
  await server.close();
});

async function post(body: string, type: string, headers = sign(body)) {
  const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
    method: "POST",
    headers: { "content-type": type, ...headers },
    body,
    signal: AbortSignal.timeout(BEFORE_BOLTS_TIMER_MS),
  });
  return { status: res.status, text: await res.text() };
}

async function stillAnswers(): Promise<void> {
  const res = await postSigned(server, slashCommand("488"), FORM);
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toMatch(/SIP 488 Not Acceptable Here/);
}

describe("oversized Slack requests", () => {
  it("get 413 and a closed connection, and the server keeps serving", async () => {
    const body = `payload=${"x".repeat(6 * 1024 * 1024)}`;
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, {
      method: "POST",
      headers: { "content-type": FORM, ...sign(body) },
      body,
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    await stillAnswers();
  });
});

describe("malformed Slack requests", () => {
  it("answers a signed JSON null with 400 and keeps serving", async () => {
    expect((await post("null", JSON_TYPE)).status).toBe(400);
    await stillAnswers();
  });

  it("answers a signed form payload=null with 400 and keeps serving", async () => {
    expect((await post("payload=null", FORM)).status).toBe(400);
    expect((await post("payload=%7Bbroken", FORM)).status).toBe(400);
    expect((await post(JSON.stringify({ type: "event_callback", event: null }), JSON_TYPE)).status).toBe(400);
    await stillAnswers();
  });

  it("still refuses an unsigned or badly signed malformed body with 401", async () => {
    const res = await post("null", JSON_TYPE, {
      "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
      "x-slack-signature": "v0=00",
    });
    expect(res.status).toBe(401);
  });
});

describe("requests no listener handles", () => {
  it("answers a JSON array with 400 at once", async () => {
    expect(await post("[1,2]", JSON_TYPE)).toMatchObject({ status: 400 });
  });

  it("answers foo=bar, another command and a foreign shortcut with 404 at once", async () => {
    for (const body of [
      "foo=bar",
      slashCommand("488").replace("command=%2Fsipcode", "command=%2Fother"),
      interaction({ type: "message_action", callback_id: "someone_elses", team: { id: "T1" } }),
      interaction({ type: "block_actions", actions: [{ action_id: "not_ours" }], team: { id: "T1" } }),
    ]) {
      const res = await post(body, FORM);
      expect(res.status).toBe(404);
      expect(res.text).toMatch(/not handled/);
    }
    await stillAnswers();
  });
});
