// Teams HTML normalisation: entities, block tags, <pre> code blocks, mentions, and the promise that
// a trace pasted into Teams (in any of the HTML shapes clients send) scans exactly like the raw file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntities, teamsHtmlToText } from "../../../src/adapters/teams/html.js";
import { messageInput } from "../../../src/adapters/teams/input.js";
import { scanText } from "../../../src/engine/scan/scanner.js";
import { catalog } from "../../helpers/catalog.js";
import { message } from "./helpers.js";

const esc = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

describe("decodeEntities", () => {
  it("decodes the entities Teams sends, once", () => {
    expect(decodeEntities("&lt;sip:a@b&gt; &amp; &quot;x&quot; &#39;y&#39; a&nbsp;b &#x41;&#66;")).toBe(
      "<sip:a@b> & \"x\" 'y' a b AB",
    );
    expect(decodeEntities("&amp;lt;")).toBe("&lt;");
    expect(decodeEntities("&bogus; &#0; &#xD800;")).toBe("&bogus; &#0; &#xD800;");
  });
});

describe("teamsHtmlToText", () => {
  it.each([
    ["paragraphs", "<p>one</p><p>two</p>", "one\ntwo"],
    ["line breaks", "a<br>b<br/>c<BR />d", "a\nb\nc\nd"],
    ["nested divs with source newlines", "<div><div>x</div>\n</div><div>y</div>", "x\ny"],
    ["blank paragraph lines", "<p>a</p><p>&nbsp;</p><p>b</p>", "a\n \nb"],
    [
      "a code block",
      '<pre class="language-plaintext"><code>\nSIP/2.0 488 x\n  Via: y\n</code></pre>',
      "SIP/2.0 488 x\n  Via: y",
    ],
    ["text before a code block", "look:<pre>\nline1\nline2</pre>", "look:\nline1\nline2"],
    ["inline formatting", "<b>bold</b> and <i>it</i> <span style='x'>s</span>", "bold and it s"],
    ["emoji images", 'ok <img alt="👍" src="x">', "ok 👍"],
    ["comments", "a<!-- hidden -->b", "ab"],
    [
      "raw SIP URIs in plain text",
      "To: <sip:bob@example.com>;tag=1\n<-- SIP/2.0 488",
      "To: <sip:bob@example.com>;tag=1\n<-- SIP/2.0 488",
    ],
    ["CRLF", "a\r\nb", "a\nb"],
    ["<br> then a source newline", "<div>a<br>\nb<br>\r\n  c</div>", "a\nb\nc"],
    ["a source newline inside a paragraph", "<p>a\nb</p>\n<p>c \n</p>", "a b\nc"],
    ["a blank line typed as two <br>", "a<br>\n<br>\nb", "a\n\nb"],
    ["newlines in a code block after a <br>", "x<br>\n<pre>l1\nl2</pre>", "x\nl1\nl2"],
  ])("%s", (_label, html, expected) => {
    expect(teamsHtmlToText(html)).toBe(expected);
  });

  it("drops the bot's mention (either form) and keeps other people's names", () => {
    const opts = { dropMentions: ["sipcode"] };
    expect(teamsHtmlToText("<at>sipcode</at> 488", opts)).toBe("488");
    expect(
      teamsHtmlToText(
        '<p><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">sipcode</span>&nbsp;timers</p>',
        opts,
      ),
    ).toBe("timers");
    expect(teamsHtmlToText("<at>Alice</at> see <at>sipcode</at> 403", opts)).toBe("Alice see  403");
  });

  it("stays linear on hostile input", () => {
    for (const bad of [
      "<p".repeat(50_000),
      "<at>".repeat(50_000),
      "<!--".repeat(50_000),
      '<p "'.repeat(50_000),
      `<p>${" ".repeat(200_000)}x\n</p>`,
    ]) {
      const t0 = performance.now();
      teamsHtmlToText(bad, { dropMentions: ["sipcode"] });
      expect(performance.now() - t0, bad.slice(0, 8)).toBeLessThan(500);
    }
  });

  it("returns any text escaped into a <pre> block unchanged (property)", () => {
    const chars = fc.constantFrom(..."ab<>&\"';:/ \t\n=SIP2.048#xlt".split(""));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 200 }), (t) => {
        expect(teamsHtmlToText(`<pre><code>${esc(t)}</code></pre>`)).toBe(t.trim());
      }),
      { numRuns: 300 },
    );
  });
});

describe("messageInput", () => {
  it("prefers the text/html attachment and removes the bot mention found in the entities", () => {
    const a = message("channel", "ignored", { html: "<div><at>sipcode</at> acs 410/3112</div>" });
    expect(messageInput(a)).toEqual({
      text: "acs 410/3112",
      mentioned: true,
      conversation: "channel",
      files: 0,
    });
  });

  it("falls back to text and reports no mention when the bot was not mentioned", () => {
    const a = message("channel", "<at>Alice</at> 488?", { mention: false });
    expect(messageInput(a)).toEqual({
      text: "Alice 488?",
      mentioned: false,
      conversation: "channel",
      files: 0,
    });
  });
});

function logFixtures(dir = "test/fixtures/logs"): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? logFixtures(p) : p.endsWith(".log") ? [p] : [];
  });
}

const INLINE_TRACE = [
  "INVITE sip:+14155550100@pbx.example.com SIP/2.0",
  'From: "Alice" <sip:alice@example.com>;tag=1',
  "",
  "SIP/2.0 100 Trying",
  "SIP/2.0 488 Not Acceptable Here",
  'Reason: Q.850;cause=65;text="bearer capability not implemented"',
].join("\n");

describe("a trace pasted into Teams scans like the raw text", () => {
  const c = catalog();
  const findings = (text: string) =>
    scanText(c, text).findings.map((f) => ({
      id: f.id,
      ns: f.namespace,
      code: f.code,
      sub: f.subcode,
      line: f.line,
    }));
  const shapes: Array<[string, (raw: string) => string]> = [
    [
      "a <pre><code> block after the mention",
      (r) => `<p><at>sipcode</at></p><pre class="language-plaintext"><code>${esc(r)}</code></pre>`,
    ],
    [
      "one <p> per line",
      (r) =>
        `<at>sipcode</at>${r
          .split("\n")
          .map((l) => `<p>${l === "" ? "&nbsp;" : esc(l)}</p>`)
          .join("")}`,
    ],
    ["<br> separated lines", (r) => `<div><at>sipcode</at><br>${r.split("\n").map(esc).join("<br>")}</div>`],
    [
      "<br> and a source newline between lines",
      (r) => `<div><at>sipcode</at><br>\n${r.split("\n").map(esc).join("<br>\n")}</div>`,
    ],
  ];
  const files = logFixtures();
  const cases: Array<[string, string]> = [
    ["inline trace", INLINE_TRACE],
    ...files.map((f): [string, string] => [f, readFileSync(f, "utf8")]),
  ];

  it.each(shapes)("as %s", (_shape, wrap) => {
    let compared = 0;
    for (const [name, text] of cases) {
      const raw = text.replace(/\r\n?/g, "\n").trim();
      const expected = findings(raw);
      const got = findings(teamsHtmlToText(wrap(raw), { dropMentions: ["sipcode"] }));
      expect(got, name).toEqual(expected);
      if (expected.length > 0) compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
