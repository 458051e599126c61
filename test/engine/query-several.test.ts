// Several codes typed together: each is answered when no entry pairs them as code and subcode.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("two codes typed together are each answered when no entry pairs them", () => {
  it.each([
    ["16 17", ["q850/16", "q850/17"]],
    ["16 and 17", ["q850/16", "q850/17"]],
    ["34 41", ["q850/34", "q850/41"]],
    ["q850 16 17", ["q850/16", "q850/17"]],
    ["cause 16 and 17", ["q850/16", "q850/17"]],
    ["486 17", ["sip/486", "q850/17"]],
    ["486 487", ["sip/486", "sip/487"]],
  ])("%s", (q, want) => {
    const r = explain(catalog(), q);
    expect(r.results.map((e) => e.id)).toEqual(want);
    expect(r.note).not.toMatch(/not a code I know|No .* entry for/);
  });

  it("names the RFC 3398 link between a SIP code and the cause that came with it", () => {
    const note = explain(catalog(), "486 17").note ?? "";
    expect(note).toMatch(/SIP 486 Busy Here maps to Q\.850 cause 17 User busy \(RFC 3398/);
    expect(note.match(/maps to/g)).toHaveLength(1);
  });

  it("keeps a pair the catalog holds as code and subcode", () => {
    expect(ids("403 118")).toEqual(["mobius/403-118"]);
    expect(ids("410 3112")[0]).toBe("acs/410-3112");
  });
});

describe("three or more codes typed together are each answered, none dropped", () => {
  it.each([
    ["16 17 18", ["q850/16", "q850/17", "q850/18"]],
    ["q850 34 38 41", ["q850/34", "q850/38", "q850/41"]],
    ["cause 34/38/41", ["q850/34", "q850/38", "q850/41"]],
    ["17 18 19 21", ["q850/17", "q850/18", "q850/19", "q850/21"]],
    ["17 34 486", ["q850/17", "q850/34", "sip/486"]],
    ["486 487 488", ["sip/486", "sip/487", "sip/488"]],
  ])("%s", (q, want) => {
    const r = explain(catalog(), q);
    expect(r.results.map((e) => e.id)).toEqual(want);
    expect(r.note).toMatch(new RegExp(`^${want.length} codes asked about together`));
  });

  it("keeps a run with a number no family reaches for its other readings", () => {
    expect(explain(catalog(), "17 34 4860").note ?? "").not.toMatch(/codes asked about together/);
  });
});
