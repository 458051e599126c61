// Card text in Teams markdown: text from a pasted log draws no link, emphasis or list in the card, and
// reads the same once Teams drops the escaping backslashes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toAdaptiveCard, toTeamsText } from "../../src/render/adaptive-card.js";
import { escapeMarkdown } from "../../src/render/adaptive-markdown.js";
import type { Card } from "../../src/render/card.js";
import { cardText } from "../adapters/teams/helpers.js";

/** What CommonMark shows for a backslash escape: the punctuation character alone. */
const shown = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, "$1");
/** Markup CommonMark would act on: an unescaped bracket, star or emphasis underscore, or a line marker. */
const ACTIVE =
  /(?<!\\)[[\]*]|(?<![\\\p{L}\p{N}])_|(?<!\\)_(?![\p{L}\p{N}])|^[ \t]*(?:[-+#>](?:[ \t]|$)|\d+[.)](?:[ \t]|$))/mu;

const LINK = "[Reset your SSO password here](https://evil.example/login) **URGENT**";

describe("escapeMarkdown", () => {
  it.each([
    [LINK, "\\[Reset your SSO password here\\]\\(https://evil.example/login) \\*\\*URGENT\\*\\*"],
    ["sip_term_status=503 _it_", "sip_term_status=503 \\_it\\_"],
    [
      "- not a list\n# not a heading\n> no quote\n1. no item",
      "\\- not a list\n\\# not a heading\n\\> no quote\n1\\. no item",
    ],
    ["---", "\\---"],
    ["C:\\logs\\[x]", "C:\\logs\\\\\\[x\\]"],
  ])("%s", (raw, md) => {
    expect(escapeMarkdown(raw)).toBe(md);
    expect(shown(md)).toBe(raw);
  });

  it("leaves plain text alone: addresses, SIP URIs, times, backticks", () => {
    for (const s of [
      "10.0.0.9:5060 (CarrierSBC/4.2) — The overload",
      "From: <sip:alice@example.com>;tag=1",
      "2024-05-01T10:00:01.000Z ✗ SIP 488 Not Acceptable Here (INVITE) — line 22",
      "Ask about a code, e.g. `488`",
      "-->  INVITE",
    ])
      expect(escapeMarkdown(s) === s || shown(escapeMarkdown(s)) === s, s).toBe(true);
    expect(escapeMarkdown("10.0.0.9:5060 (CarrierSBC/4.2)")).toBe("10.0.0.9:5060 (CarrierSBC/4.2)");
  });

  it("makes any text inert and shows it unchanged (property)", () => {
    const unit = fc.constantFrom(..."ab1 _*[]()\\#->+=.\n\r`".split(""));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (s) => {
        const md = escapeMarkdown(s);
        expect(shown(md)).toBe(s);
        expect(md).not.toMatch(ACTIVE);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a card holding text from a log", () => {
  const card: Card = {
    title: `First failure: SIP 503 Service Unavailable`,
    subtitle: `from ${LINK}`,
    severity: "error",
    fields: [{ label: "Likely failing component", value: `10.0.0.9:5060 (${LINK})` }],
    sections: [
      { heading: "Summary", text: `Most likely failing component: 10.0.0.9:5060 (${LINK})` },
      { heading: "Timeline", items: [`✗ SIP 503 from ${LINK} — line 2`, "- nested?"], ordered: true },
    ],
    checklist: [`Check ${LINK}`],
    links: [],
    others: [],
    footer: LINK,
  };

  it.each([
    ["read-only", undefined],
    ["with a checklist", "q:x"],
  ])("shows no link in TextBlocks, facts or the fallback (%s)", (_label, ref) => {
    const json = toAdaptiveCard([card], ref ? { ref } : {});
    const texts = cardText(json);
    expect(texts).toContain("\\[Reset your SSO password here\\]\\(https://evil.example/login)");
    expect(texts).not.toMatch(/(?<!\\)\]\(|(?<!\\)\*\*/);
    expect(String(json.fallbackText)).not.toMatch(/(?<!\\)\]\(/);
    // The renderer's own markdown stays: list numbers, the fallback's bold title.
    expect(texts).toContain("1. ✗ SIP 503 from \\[Reset");
    expect(texts).toContain("2. \\- nested?");
    expect(toTeamsText([card])).toMatch(/^\*\*First failure: SIP 503 Service Unavailable\*\*/);
  });
});
