// A cause number written as FreeSWITCH logs it (hangup_cause_q850, q850_cause) is answered as the
// same number written HANGUPCAUSE=N is, never by a search of the variable's words.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);

describe("FreeSWITCH's hangup_cause_q850 and q850_cause", () => {
  it.each(["45", "52", "48", "128", "34", "17"])("hangup_cause_q850=%s answers as HANGUPCAUSE does", (n) => {
    const asCause = ask(`HANGUPCAUSE=${n}`);
    for (const q of [`hangup_cause_q850=${n}`, `q850_cause=${n}`, `variable_hangup_cause_q850: ${n}`]) {
      const r = ask(q);
      expect(r.results.map((e) => e.id)).toEqual(asCause.results.map((e) => e.id));
      expect(r.note).toBe(asCause.note);
    }
  });

  it("never answers an unknown cause with normal clearing", () => {
    for (const n of ["45", "52", "48", "0", "128"])
      expect(ids(`hangup_cause_q850=${n}`)).not.toContain("q850/16");
    expect(ask("hangup_cause_q850=45").note).toMatch(/FreeSWITCH uses 45 for PRE_EMPTED/);
    expect(ask("hangup_cause_q850=128").note).toMatch(/Q\.850 causes run 1–127/);
  });
});
