// Cause 0 under each of its names (HANGUPCAUSE=0, AST_CAUSE_NOTDEFINED, FreeSWITCH NONE) means no cause
// was recorded: said plainly, with where the reason is logged instead; never normal clearing.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("cause 0: no cause recorded", () => {
  it.each([
    "HANGUPCAUSE=0",
    "cause 0",
    "hangup_cause_q850=0",
    "Reason: Q.850;cause=0",
    "AST_CAUSE_NOTDEFINED",
    "ast_cause_notdefined",
    "SWITCH_CAUSE_NONE",
    "hangup_cause=NONE",
  ])("%s says no cause was recorded and where to look instead", (q) => {
    const r = ask(q);
    expect(r.results).toEqual([]);
    expect(r.suggestions.map((e) => e.id)).not.toContain("q850/16");
    expect(r.note).toMatch(/no hangup cause was recorded, not a normal clearing/);
    expect(r.note).toMatch(/AST_CAUSE_NOTDEFINED/);
    expect(r.note).toMatch(/DIALSTATUS/);
    expect(r.note).toMatch(/SIP final response/);
  });

  it("names the spelling typed", () => {
    expect(ask("hangup_cause=NONE").note).toMatch(/^NONE is cause 0\./);
    expect(ask("AST_CAUSE_NOTDEFINED").note).toMatch(/^AST_CAUSE_NOTDEFINED is cause 0\./);
  });

  it("leaves a bare 0 and the word none alone", () => {
    expect(ask("0").note ?? "").not.toMatch(/no hangup cause was recorded/);
    expect(ask("none").note ?? "").not.toMatch(/no hangup cause was recorded/);
  });
});
