// End to end over HTTP (the real server, expectReplies): a trace pasted into a Teams code block
// (<pre>) scans like the same text on the CLI, however the editor ended its lines.
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

async function answer(html: string): Promise<string> {
  const res = await post(server.port, {
    ...message("personal", "x", { html }),
    deliveryMode: "expectReplies",
  });
  expect(res.status).toBe(200);
  return cardText(cardOf(res.body?.activities?.[0]));
}

describe("a paste in a code block", () => {
  const lines = TRACE.split("\n").map(esc);

  it("counts a line ended by <br> and a newline once, as with a plain newline", async () => {
    const plain = await answer(`<pre>${lines.join("\n")}</pre>`);
    const brNewline = await answer(`<pre>${lines.join("<br>\n")}</pre>`);
    const brOnly = await answer(`<pre><code>${lines.join("<br/>")}</code></pre>`);
    expect(plain).toContain("in 9 lines");
    expect(plain).toMatch(/line 8 \(INVITE/);
    expect(brNewline).toBe(plain);
    expect(brOnly).toBe(plain);
  });

  it("keeps a blank line written as two breaks", async () => {
    // The blank line between the INVITE's headers and the answer stays one blank line.
    const html = `<pre>${lines.slice(0, 3).join("<br>\n")}<br>\n<br>\n${lines.slice(4).join("<br>\n")}</pre>`;
    expect(await answer(html)).toBe(await answer(`<pre>${lines.join("\n")}</pre>`));
  });
});
