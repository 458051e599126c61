// A code written as a pair in a family that has no subcodes (SIP, Q.850) is that code, said so;
// with no family named, a 0 subcode on a code ACS has no general entry for is the code alone
// (SIP 486 first). Dates and shares of calls written with slashes are no pairs.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);

describe("pairs in families without subcodes", () => {
  it("answers sip 500/0 and sip 486/1 as the SIP code, saying SIP has no subcodes", () => {
    expect(ids("sip 500/0")).toEqual(["sip/500"]);
    expect(ask("sip 500/0").note).toMatch(/SIP response codes have no subcodes/);
    expect(ask("sip 500/0").note).not.toMatch(/not a registered/);
    expect(ids("sip 486/1")).toEqual(["sip/486"]);
  });

  it("answers q850 16/0 as cause 16, saying Q.850 has no subcodes", () => {
    const r = ask("q850 16/0");
    expect(r.results.map((e) => e.id)).toEqual(["q850/16"]);
    expect(r.note).toMatch(/Q\.850 causes have no subcodes/);
  });

  it("answers 486/0 and 200/0 with the SIP code first", () => {
    expect(ids("486/0")[0]).toBe("sip/486");
    expect(ids("200/0")[0]).toBe("sip/200");
    expect(ask("200/0").note).not.toMatch(/not a registered/);
  });

  it("keeps ACS's general entry for 500/0 and two codes for sip 486 487", () => {
    expect(ids("500/0")[0]).toBe("acs/500");
    expect(ids("sip 486 487")).toEqual(["sip/486", "sip/487"]);
  });

  it("reads no pair in a date or a share of calls", () => {
    const date = ask("2024/05/01");
    expect(date.note).toMatch(/timestamp/);
    expect(date.suggestions).toEqual([]);
    expect(ids("calls failed on 2024/05/01")).toEqual(ids("calls failed"));
    expect(ids("3/4 of calls fail")).toEqual(ids("calls fail"));
    expect(ids("3/4 of calls fail").some((id) => id.startsWith("mobius/"))).toBe(false);
  });
});

describe("slashed numbers that are no date", () => {
  it("keeps three causes written with slashes", () => {
    expect(ids("cause 34/38/41")).toEqual(["q850/34", "q850/38", "q850/41"]);
  });
});
