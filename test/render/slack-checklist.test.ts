// The Slack checklist as people see it: long items split at a phrase boundary (option text, then the
// rest as its description, each within Slack's 75 characters), and ticking rebuilds the same items.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { applyTick, checklistMessage } from "../../src/render/slack-checklist.js";
import { catalog } from "../helpers/catalog.js";
import { slackViolations } from "./slack-limits.js";

type Option = { text: { text: string }; description?: { text: string }; value: string };

function options(msg: ReturnType<typeof checklistMessage>): Option[] {
  const items = msg.blocks[1] as { elements: Array<{ options?: Option[] }> };
  return items.elements[0]?.options ?? [];
}

const ITEM_488 =
  "Compare the offer's m= lines and codec payloads with what the far end accepts (see the 488 body or Warning)";

describe("Slack checklist items", () => {
  it("splits a long item where a phrase ends, the rest going into the description", () => {
    const [o] = options(checklistMessage({ title: "SIP 488", items: [{ text: ITEM_488 }] }));
    expect(o?.text.text).toBe("Compare the offer's m= lines and codec payloads");
    expect(o?.description?.text).toBe("with what the far end accepts (see the 488 body or Warning)");
  });

  it("puts a closing parenthetical, or what follows a colon or a clause's comma, in the description", () => {
    const items = [
      "Find who sent it: far end or your own proxy/SBC (Server/User-Agent, Via, Reason)",
      "Check Retry-After if present (404, 413, 480, 486, 500, 503, 600 and 603 may carry it)",
      "Check the DTMF method: RFC 4733 telephone-event in RTP is usually safer than INFO",
      "If it fails again, collect the call ID and client logs and open an ACS support request",
      "Check Call Automation and Graph app logs for a remove, hang-up or terminate request at that time",
    ];
    const shown = options(checklistMessage({ title: "t", items: items.map((text) => ({ text })) })).map(
      (o) => [o.text.text, o.description?.text],
    );
    expect(shown).toEqual([
      ["Find who sent it: far end or your own proxy/SBC", "(Server/User-Agent, Via, Reason)"],
      ["Check Retry-After if present", "(404, 413, 480, 486, 500, 503, 600 and 603 may carry it)"],
      ["Check the DTMF method:", "RFC 4733 telephone-event in RTP is usually safer than INFO"],
      ["If it fails again,", "collect the call ID and client logs and open an ACS support request"],
      // A comma inside a list is no boundary.
      ["Check Call Automation and Graph app logs for a remove, hang-up", "or terminate request at that time"],
    ]);
  });

  it("marks a cut with … when no phrase boundary fits, and rebuilds the item whole", () => {
    const text = "Check the client sends Content-Length (or a body framing the server accepts) on POST/PUT";
    const msg = checklistMessage({ title: "t", items: [{ text }] });
    const [o] = options(msg);
    expect(o?.text.text).toBe("Check the client sends Content-Length (or a body framing the server…");
    expect(o?.description?.text).toBe("accepts) on POST/PUT");
    expect(msg.text).toContain(text);
    const ticked = applyTick(msg.blocks, [o as never], "U7", 1_700_000_000);
    expect(ticked?.items[0]).toEqual({ text, by: "U7", at: 1_700_000_000 });
  });

  it("keeps short items whole, and cuts a single very long word where it must", () => {
    const long = `see ${"x".repeat(200)}`;
    const [short, word] = options(
      checklistMessage({ title: "t", items: [{ text: "Check codecs" }, { text: long }] }),
    );
    expect(short?.text.text).toBe("Check codecs");
    expect(short?.description).toBeUndefined();
    expect(word?.text.text.length).toBe(75);
    expect(`${word?.text.text}${word?.description?.text}`).toMatch(/^see x+…$/);
  });

  it("ends an over-long description with … at a word boundary", () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const [o] = options(checklistMessage({ title: "t", items: [{ text }] }));
    expect(o?.description?.text).toMatch(/ word\d+…$/);
    expect(o?.description?.text.length).toBeLessThanOrEqual(75);
  });

  it("rebuilds the same items when one is ticked, so the message does not drift", () => {
    const items = [{ text: ITEM_488 }, { text: `see ${"x".repeat(200)}` }, { text: "Check codecs" }];
    const first = checklistMessage({ title: "SIP 488 <!channel>", items });
    const ticked = applyTick(first.blocks, [options(first)[0] as never], "U7", 1_700_000_000);
    expect(ticked?.items.map((i) => i.text)).toEqual([
      ITEM_488,
      expect.stringMatching(/^see x+…$/),
      "Check codecs",
    ]);
    expect(ticked?.title).toBe("SIP 488 <!channel>");
    const again = checklistMessage(ticked ?? { title: "", items: [] });
    expect(options(again).map((o) => [o.text, o.description])).toEqual(
      options(first).map((o) => [o.text, o.description]),
    );
  });

  it("keeps every catalog checklist within Slack's limits, cut only between words, rebuilt whole", () => {
    const cat = catalog();
    for (const e of cat.entries) {
      const checks = explainCards(explain(cat, e.id))[0]?.checklist ?? [];
      if (checks.length === 0) continue;
      const msg = checklistMessage({ title: e.id, items: checks.map((text) => ({ text })) });
      expect(slackViolations(msg), e.id).toEqual([]);
      for (const [i, o] of options(msg).entries()) {
        if (!o.description) continue;
        const item = checks[i] ?? "";
        const head = o.text.text.replace(/…$/, "");
        expect(item.startsWith(`${head} `) || o.text.text.length === 75, `${e.id}: ${item}`).toBe(true);
      }
      // Items that fit in text and description together come back whole when one is ticked.
      const ticked = applyTick(msg.blocks, [], "U7", 1_700_000_000);
      checks.forEach((item, i) => {
        if (item.length <= 150) expect(ticked?.items[i]?.text, e.id).toBe(item);
      });
    }
  });
});
