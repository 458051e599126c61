// What the "Explain error codes" shortcut adds to sipcode_answers_total, end to end: one answer per
// run, of the kind actually given. A short message is read as a log and then as a question, but
// only the answer posted counts; chatter that only got the private note counts as kind="nothing".
// Sharing a /sipcode answer is the same answer, not another.
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import {
  type Body,
  ephemeralClick,
  explainShortcut,
  into,
  postSigned,
  SLACK_API,
  slashCommand,
  until,
} from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

/** sipcode_answers_total for Slack, by kind. */
async function answers(): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^sipcode_answers_total\{kind="(\w+)",surface="slack"\} (\d+)$/gm))
    out.set(m[1] ?? "", Number(m[2]));
  return out;
}

/** How each kind's count moved while `act` ran (kinds that did not move are left out). */
async function counted(act: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await answers();
  await act();
  const moved: Record<string, number> = {};
  for (const [kind, n] of await answers())
    if (n !== (before.get(kind) ?? 0)) moved[kind] = n - (before.get(kind) ?? 0);
  return moved;
}

let n = 0;
/** Runs the shortcut on a message saying `text`; resolves once the thread or the user heard back. */
async function shortcut(text: string): Promise<{ posts: Body[]; privately: Body[] }> {
  n++;
  const posts: Body[] = [];
  const privately: Body[] = [];
  const thread = nock(SLACK_API)
    .post("/api/chat.postMessage", into(posts))
    .times(2)
    .reply(200, { ok: true, ts: "1700000500.000900" });
  const note = nock(SLACK_API).post(`/respond/m${n}`, into(privately)).reply(200, { ok: true });
  const ts = `17000005${String(n).padStart(2, "0")}.000200`;
  const body = explainShortcut(`m${n}`, { type: "message", user: "U2", ts, text });
  await postSigned(server, body, "application/x-www-form-urlencoded");
  await until(() => thread.isDone() || note.isDone());
  await new Promise((r) => setTimeout(r, 100));
  return { posts, privately };
}

describe("sipcode_answers_total for the shortcut", () => {
  it("counts chatter that only got the private note as nothing, not as an unknown code", async () => {
    let heard: { posts: Body[]; privately: Body[] } | undefined;
    const moved = await counted(async () => {
      heard = await shortcut("thanks!");
    });
    expect(heard?.posts).toEqual([]);
    expect(String(heard?.privately[0]?.text)).toMatch(/nothing to explain in that message/);
    expect(moved).toEqual({ nothing: 1 });
  });

  it("counts a short message read first as a log and then as a question once, as the answer posted", async () => {
    let heard: { posts: Body[]; privately: Body[] } | undefined;
    const moved = await counted(async () => {
      heard = await shortcut("calls dropping after 30 seconds");
    });
    expect(String(heard?.posts[0]?.text)).toMatch(/Call drops about 32 seconds/);
    expect(moved).toEqual({ found: 1 });
  });

  it("counts a message with a code in it once, as a scan", async () => {
    const moved = await counted(() =>
      shortcut(["INVITE sip:bob@example.com SIP/2.0", "SIP/2.0 503 Service Unavailable"].join("\n")),
    );
    expect(moved).toEqual({ scan: 1 });
  });
});

describe("sipcode_answers_total for a shared answer", () => {
  it("counts /sipcode 488 once, however often it is shared", async () => {
    const shared: Body[] = [];
    const moved = await counted(async () => {
      await postSigned(server, slashCommand("488"), "application/x-www-form-urlencoded");
      const scope = nock(SLACK_API).post("/respond/share", into(shared)).reply(200, "ok");
      await postSigned(
        server,
        ephemeralClick("share", { action_id: "share_in_channel", value: "q:488" }),
        "application/x-www-form-urlencoded",
      );
      await until(() => scope.isDone());
    });
    expect(shared[0]).toMatchObject({ response_type: "in_channel" });
    expect(moved).toEqual({ found: 1 });
  });
});
