// A three-digit number past SIP's last class (999) is answered honestly: there is no 9xx class,
// SIP responses come in 1xx–6xx, and the nearest SIP codes (the 6xx global failures) are offered.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("a number past SIP's classes", () => {
  it.each(["999", "sip 999"])("%s says 9xx is no SIP class and lists the nearest codes", (q) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("9xx is no SIP class");
    expect(r.note).toContain("1xx–6xx");
    expect(r.suggestions.map((e) => e.id).slice(0, 3)).toEqual(["sip/608", "sip/607", "sip/606"]);
  });

  it("keeps the class meaning of an unknown code inside a class", () => {
    const r = explain(catalog(), "sip 499");
    expect(r.classEntry?.id).toBe("sip/4xx");
    expect(r.note).toMatch(/handle it as 400 Bad Request/);
  });

  it("gives the ranges for a number no family has", () => {
    expect(explain(catalog(), "1999").note).toMatch(/SIP codes run 100–699; Q\.850 causes 1–127/);
  });
});
