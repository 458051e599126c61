// A date said with "on" in its dashed forms, and a share of calls said alone, are taken out of a
// question as other time words are: they answer as "calls failed" / "calls fail" do.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const first = (q: string) => ask(q).results[0]?.id;

describe("dates and shares of calls are no codes", () => {
  it.each(["calls failed on 2024-05-01", "calls failed on 01-05-2024"])("%s answers as calls failed", (q) => {
    expect(first(q)).toBe(first("calls failed"));
    expect(ask(q).note).toBe(ask("calls failed").note);
  });

  it.each(["30% of calls fail", "30% of calls", "3/4 of calls", "1 in 10 calls"])(
    "%s answers as calls fail, not as calls barred within a CUG",
    (q) => {
      expect(first(q)).toBe(first("calls fail"));
      expect(ask(q).results.some((e) => e.id === "q850/53")).toBe(false);
    },
  );
});
