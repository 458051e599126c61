// A Microsoft subcode typed among ordinary words gets the subcode's answer, never another entry;
// a code/subcode pair in a sentence reads as the ACS pair.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const first = (q: string) => ask(q).results[0]?.id ?? "-";

describe("a Microsoft subcode among words", () => {
  it.each(["direct routing 560486", "pstn 560486", "sbc 560486", "teams call failed 560486"])(
    "%s answers the 486/560486 pair",
    (q) => expect(first(q)).toBe("acs/486-560486"),
  );

  it.each(["direct routing 560503", "pstn 560503", "sbc 560503", "teams call failed 560503"])(
    "%s explains the 560 prefix with SIP 503, not an unrelated card",
    (q) => {
      const r = ask(q);
      expect(r.results).toEqual([]);
      expect(r.note).toContain("560 prefix");
      expect(r.suggestions.map((e) => e.id)).toContain("sip/503");
    },
  );

  it("reads a 10xxx subcode when the words name Microsoft", () => {
    expect(first("direct routing 10037")).toBe("acs/480-10037");
  });

  it("leaves five-digit numbers in other sentences alone", () => {
    expect(first("rtp port range 10000 to 20000")).not.toMatch(/^acs\//);
  });
});

describe("a code/subcode pair in prose", () => {
  it("reads 503/560503 in a sentence as acs 503/560503 does", () => {
    const q = "customer says calls fail with 503 since 9am, Teams shows 503/560503";
    const r = ask(q);
    expect(r.parsed).toMatchObject({ type: "code", namespace: "acs", code: 503, subcode: 560503 });
    expect(r.note).toContain("560 prefix");
    expect(r.note).toBe(ask("acs 503/560503").note);
  });

  it("reads the bare pair as ACS, not Mobius", () => {
    expect(ask("503/560503").note).toContain("Azure Communication Services");
  });

  it("does not take a date for a pair", () => {
    expect(first("got a 486 on 2024/05/01")).toBe("sip/486");
  });
});
