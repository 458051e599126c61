// Engineers type the everyday failure words in their own forms: "register failed", "registration
// failure", "calls dropped", "dropped calls", "sip registration failed". Each gets the answer the
// catalog's own wording gets, standard meanings first, and a shared word like "call" alone pulls
// nothing in.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { searchText } from "../../src/engine/search.js";
import { stemOf } from "../../src/engine/search-forms.js";
import { catalog } from "../helpers/catalog.js";

const listed = (q: string, n = 8) => searchText(catalog(), q, null, n).map((r) => r.entry.id);
const answered = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("everyday failure words in other forms", () => {
  it("reads the forms of a word as one", () => {
    for (const w of ["register", "registered", "registration", "registrations", "reg"])
      expect(stemOf(w)).toBe("register");
    for (const w of ["failed", "fails", "failing", "failure"]) expect(stemOf(w)).toBe("fail");
    for (const w of ["drop", "drops", "dropped", "dropping"]) expect(stemOf(w)).toBe("drop");
    expect(stemOf("calls")).toBe(stemOf("call"));
  });

  it("answers a failed registration however it is worded, credentials first", () => {
    const standard = answered("registration failed");
    for (const q of ["register failed", "registration failure", "reg failed", "registrations failing"]) {
      expect(answered(q)).toEqual(standard);
    }
    expect(standard.slice(0, 3)).toEqual(["sip/401", "sip/403", "sip/407"]);
  });

  it("lists the same for a failed registration in any form, with or without a namespace word", () => {
    const standard = listed("registration failed");
    expect(listed("registration failure")).toEqual(standard);
    expect(listed("sip registration failed").slice(0, 3)).toEqual(["sip/401", "sip/403", "sip/407"]);
    expect(listed("sip registration failed")).not.toContain("mobius/503-registration");
    expect(listed("webex registration failed")[0]).toBe("mobius/503-registration");
  });

  it("puts the registrar's failures before a send failure for a failed registration", () => {
    const ids = listed("registration failed");
    expect(ids.slice(3, 6)).toEqual(["sip/404", "sip/408", "sip/503"]);
    const answer = answered("registration failed");
    for (const id of ["sip/404", "sip/408", "sip/503"]) expect(answer).toContain(id);
    expect(answer).not.toContain("sip/477");
    expect(answer.at(-1)).toBe("mobius/503-registration");
  });

  it("answers dropped calls in any form with the drop symptoms, not a vendor's code first", () => {
    for (const q of ["call dropped", "calls dropped", "dropped calls", "calls dropping", "call drops"]) {
      const ids = answered(q);
      expect(ids[0]).toMatch(/^symptom\/call-drops/);
      expect(ids).not.toContain("sip/181");
      expect(ids).not.toContain("sip/481");
      expect(ids).not.toContain("mobius/400-call");
    }
  });

  it("answers rejected calls and failed authentication in any form with the standard codes", () => {
    expect(answered("calls rejected")[0]).toBe("sip/603");
    expect(answered("authentication failure").slice(0, 2)).toEqual(["sip/401", "sip/407"]);
    expect(listed("authentication failure").slice(0, 2)).toEqual(["sip/401", "sip/407"]);
  });
});
