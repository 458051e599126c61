// A SIP code typed with a Microsoft subcode ("sip 503/560503", as Teams call analytics shows it) is
// still the registered SIP code: the subcode is named for what it is and pointed at its ACS pair.
// A Call Automation action's result (400/8510, RecognizeFailed 8510) is no call-end code at all.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("a SIP code with a Microsoft subcode", () => {
  it("sip 503/560503 answers SIP 503 and points at the ACS pair", () => {
    const r = explain(catalog(), "sip 503/560503");
    expect(r.results[0]?.id).toBe("sip/503");
    expect(r.note).not.toContain("not a registered");
    expect(r.note).toContain("SIP response codes have no subcodes");
    expect(r.note).toContain("Microsoft subcode");
    expect(r.note).toContain("acs 503/560503");
  });

  it("sip 486/560486 answers SIP 486 and lists the ACS pair entry first among the others", () => {
    const r = explain(catalog(), "sip 486/560486");
    expect(r.results[0]?.id).toBe("sip/486");
    expect(r.others[0]?.id).toBe("acs/486-560486");
  });

  it("a registered SIP code with a number no family pairs with it is never called unregistered", () => {
    const r = explain(catalog(), "400/1234");
    expect(r.note).not.toContain("not a registered");
    expect(r.note).toContain("SIP response codes have no subcodes");
    expect(r.suggestions.map((e) => e.id)).toEqual(["sip/400"]);
  });

  it("16/0 names Q.850 causes, the family answered, in its note", () => {
    const r = explain(catalog(), "16/0");
    expect(r.results[0]?.id).toBe("q850/16");
    expect(r.note).toContain("Q.850 causes have no subcodes");
    expect(r.note).not.toContain("SIP");
  });
});

describe("a Call Automation action's result asked about", () => {
  for (const q of ["acs 400/8510", "400/8510", "RecognizeFailed 8510", "recognizefailed 400/8510"]) {
    it(`${q} is an action result with Microsoft's message, not a call-end code`, () => {
      const r = explain(catalog(), q);
      expect(r.note).toContain("Call Automation action's result");
      expect(r.note).toContain("initial silence timeout reached");
      expect(r.note).not.toContain("nearest ACS codes");
      expect(r.suggestions).toEqual([]);
    });
  }

  it("PlayFailed 400/8535 names the event and the invalid prompt file", () => {
    const r = explain(catalog(), "PlayFailed 400/8535");
    expect(r.note).toContain("PlayFailed 400/8535");
    expect(r.note).toContain("file format is invalid");
  });

  it("sip 400/8510 stays SIP 400 and points at the action result", () => {
    const r = explain(catalog(), "sip 400/8510");
    expect(r.results[0]?.id).toBe("sip/400");
    expect(r.note).toContain("Call Automation action's result");
  });
});
