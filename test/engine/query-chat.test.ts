// Chat messages in an incident channel: a code with words answers the code, and chat words never
// make a description match.
import { describe, expect, it } from "vitest";
import { descriptionIndex } from "../../src/catalog/indexes.js";
import { CHAT_WORDS } from "../../src/catalog/text.js";
import { explain } from "../../src/engine/explain.js";
import { searchText } from "../../src/engine/search.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("a code in a chat message answers the code", () => {
  it.each([
    ["got a 488 on re-INVITE", "sip/488"],
    ["seeing 488 on re-INVITE again", "sip/488"],
    ["call from +14155550123 got 503", "sip/503"],
    ["call from 09810012345 got 503", "sip/503"],
  ])("%s → %s first", (q, id) => {
    const r = ask(q);
    expect(r.parsed).toMatchObject({ type: "code" });
    expect(r.results[0]?.id).toBe(id);
  });

  it("still answers a sentence whose number is a quantity or that names an entry", () => {
    expect(ask("audio drops after 180 seconds").results.every((e) => e.namespace === "symptom")).toBe(true);
    expect(ask("one way audio after 200 ok").results[0]?.id).toBe("symptom/one-way-audio");
  });
});

describe("chat words find nothing", () => {
  it.each([
    "looks like the carrier is down again",
    "can someone check the trunk?",
    "thanks all, closing the incident",
    "anyone seeing issues with the trunk today?",
    "can you check the logs",
  ])("%s is unknown", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
  });

  it("counts every chat word as common in the descriptions", () => {
    const common = descriptionIndex(catalog()).common;
    for (const w of [
      "looks",
      "someone",
      "check",
      "again",
      "thanks",
      "closing",
      "incident",
      "carrier",
      "trunk",
    ])
      expect(CHAT_WORDS.has(w) || common.has(w), w).toBe(true);
    for (const w of CHAT_WORDS) expect(common.has(w), w).toBe(true);
  });

  it("never calls a description-only match found", () => {
    for (const q of ["fax", "t38", "srtp", "nat", "outage", "carrier maintenance tonight"]) {
      const r = ask(q);
      const described = searchText(catalog(), q, null, 16, { specific: true }).filter((s) => s.detail);
      if (r.results.length > 0 && r.results.every((e) => described.some((s) => s.entry === e)))
        expect(r.kind, q).not.toBe("found");
    }
  });
});
