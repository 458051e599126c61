// The Slack checklist as people see it: long items cut between words (option text, then the rest
// as its description, each within Slack's 75 characters), and ticking rebuilds the same items.
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
  it("cuts a long item between words, the rest going into the description", () => {
    const [o] = options(checklistMessage({ title: "SIP 488", items: [{ text: ITEM_488 }] }));
    expect(o?.text.text).toBe("Compare the offer's m= lines and codec payloads with what the far end");
    expect(o?.description?.text).toBe("accepts (see the 488 body or Warning)");
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

  it("keeps every catalog checklist within Slack's limits, with no option cut mid-word", () => {
    const cat = catalog();
    for (const e of cat.entries) {
      const checks = explainCards(explain(cat, e.id))[0]?.checklist ?? [];
      if (checks.length === 0) continue;
      const msg = checklistMessage({ title: e.id, items: checks.map((text) => ({ text })) });
      expect(slackViolations(msg), e.id).toEqual([]);
      for (const [i, o] of options(msg).entries()) {
        if (!o.description) continue;
        const item = checks[i] ?? "";
        expect(item.startsWith(`${o.text.text} `) || o.text.text.length === 75, `${e.id}: ${item}`).toBe(
          true,
        );
      }
    }
  });
});
