// Free words that one vendor's alias names but any platform's codes also mean ("registration
// failed") get a list, standard codes first, rather than one vendor's card as a confident answer.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("answers to free words", () => {
  it("lists several meanings for `registration failed`, standard codes first", () => {
    const r = explain(catalog(), "registration failed");
    expect(r.kind).toBe("ambiguous");
    expect(r.results[0]?.namespace).toBe("sip");
    expect(r.results.map((e) => e.id)).toContain("mobius/503-registration");
    expect(r.note).toMatch(/several meanings/);
  });

  it("still answers a vendor's own wording with its card", () => {
    expect(explain(catalog(), "CPAPI timeout").results.map((e) => e.id)).toEqual(["mobius/503-registration"]);
    expect(explain(catalog(), "mobius registration failed").results[0]?.id).toBe("mobius/503-registration");
  });

  it("puts the standard cause before a vendor's of the same name", () => {
    expect(explain(catalog(), "user busy").results.map((e) => e.id)).toEqual(["q850/17", "mobius/403-115"]);
  });
});
