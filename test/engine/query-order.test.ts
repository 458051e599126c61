// The order of a bare number's meanings across families: each family as its own lookup orders it.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("a bare number lists each family's meanings in that family's own order", () => {
  it("403 leads its ACS meanings with 403/510403, as acs 403 does", () => {
    const bare = ids("403").filter((id) => id.startsWith("acs/"));
    expect(bare).toEqual(ids("acs 403"));
    expect(bare[0]).toBe("acs/403-510403");
  });

  it("keeps SIP first and each family together", () => {
    const all = ids("403");
    expect(all[0]).toBe("sip/403");
    const families = all.map((id) => id.split("/")[0]);
    expect(families.filter((f, i) => f !== families[i - 1])).toEqual([...new Set(families)]);
  });
});
