// End to end over HTTP (the real server, expectReplies): what a Teams user sees when a message is
// written in HTML the way editors serialise it, or carries text that must not be read as markdown
// or searched.
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/server.js";
import { htmlEscaped, PASTED_INVITE_488 } from "../../helpers/pasted.js";
import { cardOf, cardText, message } from "./helpers.js";
import { guardNetwork, post, teamsServerPerFile } from "./http-harness.js";

guardNetwork();

const TRACE = PASTED_INVITE_488;
const esc = htmlEscaped;

let server: RunningServer;
teamsServerPerFile((s) => {
  server = s;
});

/** The card the bot answers a personal message with. */
async function answer(text: string, html?: string): Promise<Record<string, unknown> | undefined> {
  const res = await post(server.port, {
    ...message("personal", text, html ? { html } : {}),
    deliveryMode: "expectReplies",
  });
  expect(res.status).toBe(200);
  return cardOf(res.body?.activities?.[0]);
}

describe("a paste written as HTML", () => {
  it("reads <br> followed by a source newline as one line break, like the CLI", async () => {
    const lines = TRACE.split("\n").map(esc);
    const plain = cardText(await answer("x", `<div>${lines.join("<br>")}</div>`));
    const editor = cardText(await answer("x", `<div>${lines.join("<br>\n")}</div>`));
    expect(plain).toContain("in 9 lines");
    expect(plain).toMatch(/line 8 \(INVITE/);
    expect(editor).toBe(plain);
  });
});

describe("a message that is only a secret", () => {
  it.each([
    // Card text is markdown-escaped: Teams shows "\[" as "[".
    ["password=hunter2xyz", 'No entry for "password=\\[redacted\\]"'],
    ["xoxb-123456-abcdefSECRET", 'No entry for "\\[redacted\\]"'],
  ])("%s is answered as a secret, not searched", async (q, title) => {
    const text = cardText(await answer(q));
    expect(text).toContain(title);
    expect(text).toContain("That looks like a secret");
    expect(text).not.toMatch(/608|Rejected|hunter2|SECRET/);
  });

  it("gets the same answer from the compose search", async () => {
    const res = await post(server.port, {
      ...message("personal", "", { mention: false }),
      type: "invoke",
      name: "composeExtension/query",
      value: { commandId: "lookupCode", parameters: [{ name: "query", value: "password=hunter2xyz" }] },
    });
    expect(res.status).toBe(200);
    expect(res.body?.composeExtension?.text).toContain("That looks like a secret");
  });
});

describe("text taken from a pasted log", () => {
  it("shows as text in the card, never as a link or emphasis", async () => {
    const log = [
      "2024-05-01T10:00:00Z U 10.0.0.9:5060 -> 10.0.0.5:5060",
      "SIP/2.0 503 Service Unavailable",
      "Call-ID: x@10.0.0.5",
      "CSeq: 1 INVITE",
      "Server: [Reset your SSO password here](https://evil.example/login) **URGENT**",
    ].join("\n");
    const res = await post(server.port, { ...message("personal", log), deliveryMode: "expectReplies" });
    const card = cardOf(res.body?.activities?.[0]);
    const text = cardText(card);
    expect(text).toContain(
      "\\[Reset your SSO password here\\]\\(https://evil.example/login) \\*\\*URGENT\\*\\*",
    );
    for (const shown of [text, String(card?.fallbackText)]) {
      expect(shown).toContain("Reset your SSO password here");
      expect(shown).not.toMatch(/(?<!\\)\]\(|(?<!\\)\*\*URGENT/);
    }
  });
});
