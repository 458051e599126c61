// The other meanings listed for a number asked within one family are those of the number typed,
// agreeing with what the bare number answers.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);
const others = (q: string) => ask(q).others.map((e) => e.id);

describe("the same number's other meanings agree with the bare number", () => {
  it.each([
    ["q850 102", "mobius/403-102"],
    ["q850 111", "mobius/403-111"],
    ["q850 101", "mobius/403-101"],
    ["q850 101", "http/101"],
    ["mobius 102", "q850/102"],
  ])("%s also lists %s", (q, id) => {
    expect(others(q)).toContain(id);
  });

  it("lists the number typed, not the code its Mobius subcode sits under", () => {
    expect(ids("mobius 102")).toEqual(["mobius/403-102"]);
    expect(others("mobius 102")).not.toContain("sip/403");
    expect(others("mobius 102")).not.toContain("mobius/403-101");
  });

  it("lists every meaning of the bare number, outside the family asked", () => {
    for (const n of [101, 102, 111, 403, 486, 17]) {
      const bare = new Set(ids(`${n}`));
      for (const ns of ["sip", "q850", "mobius", "http"]) {
        const r = ask(`${ns} ${n}`);
        if (r.results.length === 0) continue;
        const shown = new Set([...r.results, ...r.others].map((e) => e.id));
        for (const id of bare) expect(shown, `${ns} ${n} misses ${id}`).toContain(id);
      }
    }
  });

  it("still lists a code's other families (sip 403 also means HTTP 403)", () => {
    expect(others("sip 403")).toContain("http/403");
  });
});
