// Codes the catalog does not hold as typed: unknown SIP codes per class, ACS code/subcode mismatches.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

/** The highest code of a SIP class that has no entry: the one an "unknown code" answer is about. */
function unknownIn(cls: number): number {
  for (let n = cls * 100 + 99; n > cls * 100; n--) if (!catalog().byCode.has(n)) return n;
  throw new Error(`class ${cls} is full`);
}

describe("an unknown SIP code is handled by its class (RFC 3261 §8.1.3.2)", () => {
  // Final responses fall back to the x00 of their class; provisional ones (other than 100) to 183.
  it.each([1, 2, 3, 4, 5, 6])("%sxx", (cls) => {
    const code = unknownIn(cls);
    const target = catalog().byId.get(`sip/${cls === 1 ? 183 : cls * 100}`);
    if (!target) throw new Error("target entry missing");
    const r = explain(catalog(), `sip ${code}`);
    expect(r.kind).toBe("unknown");
    expect(r.classEntry?.id).toBe(`sip/${cls}xx`);
    expect(r.note).toContain(`handle it as ${target.code} ${target.title}`);
    const text = cardsToText(explainCards(r));
    expect(text).toContain(`handle it as ${target.code} ${target.title}`);
    if (cls === 1) expect(text).not.toMatch(/handle it as 100/);
  });

  it("agrees with what the class card itself says for 1xx", () => {
    expect(catalog().byId.get("sip/1xx")?.meaning).toMatch(/183/);
    expect(explain(catalog(), "sip 128").note).toMatch(/183 Session Progress/);
  });
});

describe("an ACS subcode typed with the wrong code", () => {
  it.each([
    ["acs 490/4097", 490, 4097],
    ["acs 403/3112", 403, 3112],
    ["acs 999/4097", 999, 4097],
    ["490/4097", 490, 4097],
  ])("%s says which code the subcode is listed with", (q, typed, sub) => {
    const listed = catalog()
      .bySubcode.get(sub)
      ?.find((e) => e.namespace === "acs");
    if (!listed) throw new Error(`no ACS entry with subcode ${sub}`);
    const r = explain(catalog(), q);
    expect(r.results.map((e) => e.id)).toEqual([listed.id]);
    expect(r.note).toContain(`code ${listed.code}`);
    expect(r.note).toContain(String(typed));
    const [card] = explainCards(r);
    expect(card?.subtitle).toContain(`listed with code ${listed.code}`);
  });

  it("stays silent when code and subcode match", () => {
    const r = explain(catalog(), "acs 410/3112");
    expect(r.kind).toBe("found");
    expect(r.note).toBeNull();
  });
});
