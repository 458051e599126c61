// The Teams renderer: Adaptive Card 1.5 structure, the checklist round trip in action data,
// truncation that never passes the size budget, and every card the catalog can produce parsing
// cleanly with the official adaptivecards library.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import {
  ADAPTIVE_CARD_LIMITS,
  byteLength,
  REMIND_LIMITS,
  remindLabel,
  toAdaptiveCard,
  toTeamsText,
} from "../../src/render/adaptive-card.js";
import { type Card, explainCards } from "../../src/render/card.js";
import { helpCard } from "../../src/render/help.js";
import { respond } from "../../src/respond.js";
import { actionsOf, adaptiveCardProblems, cardText } from "../adapters/teams/helpers.js";
import { catalog } from "../helpers/catalog.js";

const small: Card = {
  title: "SIP 488 Not Acceptable Here",
  subtitle: "4xx Request Failure",
  severity: "warning",
  fields: [{ label: "Code", value: "488" }],
  sections: [
    { heading: "What it means", text: "The offer's media is not acceptable." },
    { heading: "Likely causes", items: ["No common codec", "SRTP mismatch"], ordered: true },
  ],
  checklist: ["Compare codecs", "Check crypto"],
  links: [{ id: "sip/415", label: "SIP 415 Unsupported Media Type" }],
  others: [],
  footer: "Sources: RFC 3261",
  entryId: "sip/488",
};

function bigCard(n: number): Card {
  const long = "x".repeat(1_500);
  return {
    title: `First failure: ${"y".repeat(400)}`,
    subtitle: long,
    severity: "error",
    fields: Array.from({ length: 30 }, (_, i) => ({ label: `Field ${i}`, value: long })),
    sections: Array.from({ length: 30 }, (_, s) => ({
      heading: `Section ${s}`,
      text: long.repeat(3),
      items: Array.from({ length: n }, (_, i) => `finding ${i} ${long}`),
      ordered: s % 2 === 0,
    })),
    checklist: Array.from({ length: 25 }, (_, i) => `check ${i} ${long}`),
    links: Array.from({ length: 40 }, (_, i) => ({ id: `sip/${400 + i}`, label: `SIP ${400 + i} ${long}` })),
    others: Array.from({ length: 60 }, (_, i) => ({ id: `acs/${i}`, label: `ACS ${i}` })),
    footer: `Sources: ${long}`,
    entryId: "sip/500",
  };
}

describe("toAdaptiveCard", () => {
  it("pins the shape of a small card", () => {
    const card = toAdaptiveCard([small], { ref: "q:488" });
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5", msteams: { width: "Full" } });
    const body = card.body as Array<Record<string, unknown>>;
    expect(body[0]).toMatchObject({ type: "Container", style: "warning", bleed: true });
    expect(body[1]).toEqual({ type: "FactSet", facts: [{ title: "Code", value: "488" }] });
    expect(cardText(card)).toMatchInlineSnapshot(`
      "SIP 488 Not Acceptable Here
      4xx Request Failure
      Code: 488
      What it means
      The offer's media is not acceptable.
      Likely causes
      1. No common codec
      2. SRTP mismatch
      Check next
      Compare codecs
      Check crypto
      Related
      Sources: RFC 3261"
    `);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it("uses a validator that does report broken cards", () => {
    const broken = {
      type: "AdaptiveCard",
      version: "1.5",
      body: [
        { type: "TextBlock", text: "x", size: "huge" },
        { type: "Input.Toggle", id: "a", title: "t" },
        { type: "Input.Toggle", id: "a", title: "t" },
      ],
    };
    expect(adaptiveCardProblems(broken).length).toBeGreaterThanOrEqual(2);
  });

  it("styles the header by severity", () => {
    const style = (severity: Card["severity"]) =>
      (toAdaptiveCard([{ ...small, severity }]).body as Array<Record<string, unknown>>)[0]?.style;
    expect([style("good"), style("info"), style("warning"), style("error")]).toEqual([
      "good",
      "accent",
      "warning",
      "attention",
    ]);
  });

  it("renders ordered sections as numbered lines and the sources as a subtle small footer", () => {
    const card = toAdaptiveCard([small]);
    const blocks = card.body as Array<Record<string, unknown>>;
    expect(blocks.some((b) => b.text === "1. No common codec\r2. SRTP mismatch")).toBe(true);
    expect(blocks.at(-1)).toMatchObject({ text: "Sources: RFC 3261", isSubtle: true, size: "Small" });
  });

  it("opens related entries and other meanings with Action.Execute verb open, falling back to Submit", () => {
    const card = toAdaptiveCard([{ ...small, others: [{ id: "mobius/488", label: "Mobius 488" }] }]);
    const open = actionsOf(card).filter((a) => a.verb === "open");
    expect(open.map((a) => (a.data as { id: string }).id)).toEqual(["mobius/488", "sip/415"]);
    for (const a of open) {
      expect(a.type).toBe("Action.Execute");
      expect(a.fallback).toEqual({ type: "Action.Submit", title: a.title, data: a.data });
    }
  });

  it("renders the checklist as toggles with a tick action carrying ref and state", () => {
    const card = toAdaptiveCard([small], { ref: "q:488" });
    const toggles = JSON.stringify(card).match(/"Input\.Toggle"/g) ?? [];
    expect(toggles).toHaveLength(2);
    const [tick] = actionsOf(card).filter((a) => a.verb === "tick");
    expect(tick).toMatchObject({ type: "Action.Execute", data: { verb: "tick", ref: "q:488", ticks: {} } });
    expect(tick?.fallback).toMatchObject({ type: "Action.Submit", data: tick?.data });
  });

  it("shows who ticked what and when, and a done line once everything is ticked", () => {
    const ticks = { "0": { by: "Alice", at: "2025-03-01T02:10:00Z" } };
    const partial = toAdaptiveCard([small], { ref: "q:488", ticks });
    expect(cardText(partial)).toContain(
      "✓ Alice · {{DATE(2025-03-01T02:10:00Z, SHORT)}} {{TIME(2025-03-01T02:10:00Z)}}",
    );
    expect(cardText(partial)).not.toContain("checks done");
    expect(JSON.stringify(partial)).toContain('"id":"check-0","title":"Compare codecs","value":"true"');
    const done = toAdaptiveCard([small], {
      ref: "q:488",
      ticks: { ...ticks, "1": { by: "Bob", at: "2025-03-01T02:12:00Z" } },
    });
    expect(cardText(done)).toContain("✅ All 2 checks done.");
    expect(adaptiveCardProblems(done)).toEqual([]);
  });

  it("offers 'Remind me in 15 min' beside the tick action, with plain-text data", () => {
    const card = toAdaptiveCard([{ ...small, title: "SIP 488 *Not* <b>Acceptable</b>\nHere" }], {
      ref: "q:488",
    });
    const [remind, ...rest] = actionsOf(card).filter((a) => a.verb === "remind");
    expect(rest).toEqual([]);
    expect(remind).toMatchObject({
      type: "Action.Execute",
      title: "Remind me in 15 min",
      data: {
        verb: "remind",
        label: "follow-up checklist for SIP 488 Not b Acceptable /b Here",
        afterSeconds: 900,
      },
    });
    expect(remind?.fallback).toEqual({ type: "Action.Submit", title: remind?.title, data: remind?.data });
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it("turns timer reminders into remind actions, leaving out delays the bot would refuse", () => {
    const reminders = [
      { label: "registration refresh", afterSeconds: 2700 },
      { label: "session refresh", afterSeconds: 45 },
      { label: "too soon", afterSeconds: 0 },
      { label: "too late", afterSeconds: REMIND_LIMITS.maxSeconds + 1 },
      { label: "fraction", afterSeconds: 1.5 },
      { label: "long", afterSeconds: 64_800 },
    ];
    const card = toAdaptiveCard([{ ...small, checklist: [], reminders }]);
    const remind = actionsOf(card).filter((a) => a.verb === "remind");
    expect(remind.map((a) => [a.title, a.data])).toEqual([
      [
        "Remind me at the registration refresh (45 min)",
        { verb: "remind", label: "registration refresh due", afterSeconds: 2700 },
      ],
      [
        "Remind me at the session refresh (45 s)",
        { verb: "remind", label: "session refresh due", afterSeconds: 45 },
      ],
      ["Remind me at the long (18 h)", { verb: "remind", label: "long due", afterSeconds: 64_800 }],
    ]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it("remindLabel keeps plain text on one line within the limit", () => {
    expect(remindLabel("registration refresh due")).toBe("registration refresh due");
    expect(remindLabel("Q.850 cause 16 (Normal call clearing), ACS 410/3112 – Zoë's")).toBe(
      "Q.850 cause 16 (Normal call clearing), ACS 410/3112 – Zoë's",
    );
    expect(remindLabel("  **bold**\n[link](x) <at>you</at> `code` #1 ")).toBe(
      "bold link (x) at you /at code 1",
    );
    expect(remindLabel("x".repeat(500))).toHaveLength(REMIND_LIMITS.labelChars);
  });

  it("renders a read-only checklist when there is no ref to rebuild the card from", () => {
    const card = toAdaptiveCard([small]);
    expect(JSON.stringify(card)).not.toContain("Input.Toggle");
    expect(actionsOf(card).filter((a) => a.verb === "remind")).toEqual([]);
    expect(cardText(card)).toContain("- Compare codecs\r- Check crypto");
  });

  it("truncates an oversized card under the budget and says what was left out", () => {
    const card = toAdaptiveCard(
      [bigCard(400), ...Array.from({ length: 40 }, () => ({ ...small, compact: true }))],
      {
        ref: "q:x",
      },
    );
    expect(byteLength(card)).toBeLessThanOrEqual(ADAPTIVE_CARD_LIMITS.maxBytes);
    expect(cardText(card)).toMatch(/… and \d+ more/);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const tight = toAdaptiveCard([bigCard(400)], { ref: "q:x", maxBytes: 12_000 });
    expect(byteLength(tight)).toBeLessThanOrEqual(12_000);
  });

  it("folds an existing '… and N more codes' marker into the count", () => {
    const items = [...Array.from({ length: 30 }, (_, i) => `code ${i}`), "… and 12 more codes"];
    const card = toAdaptiveCard([{ ...small, sections: [{ heading: "Timeline", items }] }]);
    expect(cardText(card)).toContain("… and 17 more codes");
  });

  it("drops interactivity before content when only an enormous ref would not fit", () => {
    const card = toAdaptiveCard([small], { ref: `z:${"a".repeat(50_000)}` });
    expect(byteLength(card)).toBeLessThanOrEqual(ADAPTIVE_CARD_LIMITS.maxBytes);
    expect(cardText(card)).toContain("SIP 488 Not Acceptable Here");
  });

  it("never exceeds the budget for arbitrary cards (property)", () => {
    const text = fc.string({ maxLength: 3_000, unit: "grapheme" });
    const cardArb = fc.record({
      title: text,
      subtitle: fc.option(text, { nil: undefined }),
      severity: fc.constantFrom("good", "info", "warning", "error") as fc.Arbitrary<Card["severity"]>,
      fields: fc.array(fc.record({ label: text, value: text }), { maxLength: 20 }),
      sections: fc.array(
        fc.record({
          heading: text,
          text: fc.option(text, { nil: undefined }),
          items: fc.array(text, { maxLength: 60 }),
        }),
        { maxLength: 20 },
      ),
      checklist: fc.array(text, { maxLength: 15 }),
      links: fc.array(fc.record({ id: text, label: text }), { maxLength: 30 }),
      others: fc.array(fc.record({ id: text, label: text }), { maxLength: 30 }),
      footer: fc.option(text, { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(cardArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2_000, max: 80_000 }),
        (cards, max) => {
          const card = toAdaptiveCard(cards, { ref: "q:x", maxBytes: max });
          expect(byteLength(card)).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("counts UTF-8 bytes exactly", () => {
    for (const s of ["plain", "é ü", "→ ✓ 488", "😀 emoji", "日本語", '\u0000\n"\\']) {
      expect(byteLength({ s })).toBe(Buffer.byteLength(JSON.stringify({ s })));
    }
  });

  it("toTeamsText gives a bounded markdown fallback", () => {
    expect(toTeamsText([small])).toContain("**SIP 488 Not Acceptable Here**");
    expect(toTeamsText([bigCard(400)]).length).toBeLessThanOrEqual(ADAPTIVE_CARD_LIMITS.fallbackTextChars);
  });
});

describe("every card the catalog can produce", () => {
  const c = catalog();
  const check = (label: string, card: Record<string, unknown>) => {
    expect(adaptiveCardProblems(card), label).toEqual([]);
    expect(byteLength(card), label).toBeLessThanOrEqual(ADAPTIVE_CARD_LIMITS.maxBytes);
  };

  it("parses with no errors or warnings and stays under 80 KB for each entry (plain and fully ticked)", () => {
    expect(c.entries.length).toBeGreaterThan(100);
    for (const e of c.entries) {
      const cards = explainCards(explain(c, e.id));
      check(e.id, toAdaptiveCard(cards, { ref: `q:${e.id}` }));
      const ticks = Object.fromEntries(
        (cards[0]?.checklist ?? []).map((_, i) => [
          String(i),
          { by: "Alice Example", at: "2025-03-01T02:10:00Z" },
        ]),
      );
      check(`${e.id} ticked`, toAdaptiveCard(cards, { ref: `q:${e.id}`, ticks }));
    }
  });

  it("covers ambiguous answers, the help card, the timers card and a 40,000-character paste", () => {
    for (const q of ["403", "503", "mobius 503", "one way audio", "999", "acs 410"]) {
      check(q, toAdaptiveCard(respond(c, q, "teams").cards, { ref: `q:${q}` }));
    }
    check("help", toAdaptiveCard([helpCard("teams")]));
    check("timers", toAdaptiveCard(respond(c, "timers", "teams").cards, { ref: "q:timers" }));
    const calc = toAdaptiveCard(respond(c, "timers expires=3600 session-expires=1800", "teams").cards);
    expect(actionsOf(calc).filter((a) => a.verb === "remind")).toHaveLength(2);
    check("timers with reminders", calc);
    const sip = c.entries.filter((e) => e.namespace === "sip" && e.code !== null);
    const lines: string[] = [];
    for (let i = 0; lines.join("\n").length < 40_000; i++) {
      const e = sip[i % sip.length];
      lines.push(
        `2025-03-01 02:${String(i % 60).padStart(2, "0")}:00 <-- SIP/2.0 ${e?.code} ${e?.title} cseq ${i} INVITE`,
      );
      if (i % 7 === 0) lines.push(`Reason: Q.850;cause=${(i % 127) + 1};text="x"`);
    }
    const paste = lines.join("\n").slice(0, 40_000);
    const reply = respond(c, paste, "teams");
    expect(reply.kind).toBe("scan");
    check("paste", toAdaptiveCard(reply.cards, { ref: "z:snapshot" }));
  });
});
