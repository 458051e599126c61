// A log pasted into /sipcode, followed through everything that goes back to Slack: the ack, the
// in-channel message "Share in channel" posts, and the checklist thread "Post checklist" starts.
// No secret from the paste may appear anywhere, compressed button values included; and Share
// works for pastes far larger than a button value can hold.
import { inflateRawSync } from "node:zlib";
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { type Body, blockActions, postSigned, SLACK_API, slashCommand, until } from "./harness.js";
import { serverPerFile } from "./server-per-file.js";

const FORM = "application/x-www-form-urlencoded";
const SECRETS = [
  "abc123nonce",
  "deadbeefcafef00d",
  "eyJhbGciOiJIUzI1NiJ9",
  "c2lnbmF0dXJlc2VjcmV0",
  "SECRETKEY123",
  "hunter2",
];
const PASTE = [
  "INVITE sip:bob@example.com SIP/2.0",
  "CSeq: 1 INVITE",
  'Authorization: Digest username="bob", realm="example.com", nonce="abc123nonce", response="deadbeefcafef00d"',
  "X-Token: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2VjcmV0",
  "POST /v1/calls?api_key=SECRETKEY123 HTTP/1.1",
  "db login password=hunter2",
  "SIP/2.0 488 Not Acceptable Here",
  "CSeq: 1 INVITE",
].join("\n");

type Button = { action_id: string; value?: string };

let server: RunningServer;
serverPerFile((s) => {
  server = s;
});

/** A body as Slack would store it, with every compressed snapshot in it opened up as well. */
function everything(body: unknown): string {
  const json = JSON.stringify(body);
  const opened = [...json.matchAll(/z:[\w-]+\.([\w-]+)/g)].map((m) =>
    inflateRawSync(Buffer.from(m[1] ?? "", "base64url")).toString("utf8"),
  );
  return [json, ...opened].join("\n");
}

function expectNoSecrets(body: unknown): void {
  const text = everything(body);
  for (const s of SECRETS) expect(text, `"${s}" was sent to Slack`).not.toContain(s);
}

function buttons(body: unknown): Button[] {
  const blocks = (body as { blocks?: unknown }).blocks;
  const list = (typeof blocks === "string" ? JSON.parse(blocks) : blocks) as Array<{
    type: string;
    elements?: Button[];
  }>;
  return list.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

function button(body: unknown, id: string): Button {
  const found = buttons(body).find((b) => b.action_id === id);
  if (!found) throw new Error(`no ${id} button`);
  return found;
}

function click(actionId: string, value: string | undefined, responseUrl: string, ephemeral: boolean) {
  return blockActions({
    user: { id: "U1", name: "alice" },
    container: { type: "message", is_ephemeral: ephemeral },
    response_url: `${SLACK_API}${responseUrl}`,
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
  });
}

/** /sipcode with the paste, then Share, then Post checklist from the shared message. */
async function shareAndPostChecklist(paste: string): Promise<Body[]> {
  const ack = (await (await postSigned(server, slashCommand(paste), FORM)).json()) as Body;
  const shared: Body[] = [];
  const shareScope = nock(SLACK_API)
    .post("/respond/share", (b: Body) => shared.push(b) > 0)
    .reply(200, { ok: true });
  await postSigned(
    server,
    click("share_in_channel", button(ack, "share_in_channel").value, "/respond/share", true),
    FORM,
  );
  await until(() => shareScope.isDone());
  const posts: Body[] = [];
  const postScope = nock(SLACK_API)
    .post("/api/chat.postMessage", (b: Body) => posts.push(b) > 0)
    .times(2)
    .reply(200, { ok: true, ts: "1700000100.000100" });
  await postSigned(
    server,
    click("post_checklist", button(shared[0], "post_checklist").value, "/respond/shared", false),
    FORM,
  );
  await until(() => postScope.isDone());
  return [ack, ...shared, ...posts];
}

describe("a pasted log with secrets", () => {
  it("never sends a secret to Slack: not in the ack, its buttons, the shared message or the checklist", async () => {
    const [ack, shared, root, checklist] = await shareAndPostChecklist(PASTE);
    expect(JSON.stringify(ack)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    expect(shared).toMatchObject({ response_type: "in_channel", delete_original: true });
    expect(JSON.stringify(shared)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    expect(String(root?.text)).toMatch(/Follow-up for \*SIP 488 Not Acceptable Here\*/);
    expect(String(checklist?.blocks)).toMatch(/checklist_tick/);
    for (const body of [ack, shared, root, checklist]) expectNoSecrets(body);
  });
});

describe("a paste larger than a button value", () => {
  it("still offers Share and Post checklist, and both work", async () => {
    const filler = Array.from(
      { length: 200 },
      (_, i) => `10:00:${String(i % 60).padStart(2, "0")} keepalive ok seq=${i}`,
    );
    const big = [...filler, PASTE].join("\n");
    expect(big.length).toBeGreaterThan(4_000);
    const [ack, shared, root, checklist] = await shareAndPostChecklist(big);
    for (const b of buttons(ack)) expect(String(b.value ?? "").length).toBeLessThanOrEqual(2_000);
    expect(JSON.stringify(shared)).toMatch(/First failure: SIP 488 Not Acceptable Here/);
    expect(String(root?.text)).toMatch(/SIP 488 Not Acceptable Here/);
    expect(String(checklist?.blocks)).toMatch(/checklist_tick/);
    for (const body of [ack, shared, root, checklist]) expectNoSecrets(body);
  });

  it("refuses a snapshot it did not sign, privately", async () => {
    const sent: Body[] = [];
    const scope = nock(SLACK_API)
      .post("/respond/forged", (b: Body) => sent.push(b) > 0)
      .reply(200, { ok: true });
    await postSigned(
      server,
      click("share_in_channel", "z:forgedsignature.AAAA", "/respond/forged", true),
      FORM,
    );
    await until(() => scope.isDone());
    expect(sent[0]).toMatchObject({ response_type: "ephemeral" });
    expect(String(sent[0]?.text)).toMatch(/couldn't rebuild this answer/);
  });
});
