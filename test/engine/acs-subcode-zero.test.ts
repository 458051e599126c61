// ACS codes Microsoft lists without a subcode (500, 503, 504, 490–498, 404, 408, 410 …) arrive in
// callEndReason with subCode 0; looked up or scanned, that pair is the code's general entry. A pair
// the catalog lacks names only the asked code's own entries, not other codes' subcodes.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).suggestions.map((e) => e.id);

describe("ACS pairs with subcode 0", () => {
  it.each([
    ["acs 500/0", "acs/500"],
    ["acs 503/0", "acs/503"],
    ["acs 504/0", "acs/504"],
    ["acs 490/0", "acs/490"],
    ["acs 491/0", "acs/491"],
    ["acs 496/0", "acs/496"],
    ["acs 497/0", "acs/497"],
    ["acs 498/0", "acs/498"],
    ["acs 410/0", "acs/410"],
    ["teams 500 0", "acs/500"],
  ])("%s opens the general entry", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe(id);
    expect(r.note).toContain("Subcode 0 adds no reason of its own");
  });

  it("keeps the pairs Microsoft lists with subcode 0 as their own entries", () => {
    expect(explain(catalog(), "acs 487/0").results[0]?.id).toBe("acs/487-0");
    expect(explain(catalog(), "acs 603/0").results[0]?.id).toBe("acs/603-0");
    expect(explain(catalog(), "acs 0/0").results[0]?.id).toBe("acs/0-0");
  });

  it("scans a callEndReason with subCode 0 as the general entry", () => {
    const a = analyze(catalog(), scanText(catalog(), '{"callEndReason":{"code":500,"subCode":0}}'));
    expect(a.firstFailure?.id).toBe("acs/500");
    expect(a.firstFailure?.subcode).toBe(0);
  });
});

describe("ACS pairs the catalog lacks", () => {
  it("lists only the asked code's subcodes", () => {
    const r = explain(catalog(), "acs 403/0");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("Microsoft lists 403 only with subcodes 5828, 5829, 5830, 510403");
    expect(ids("acs 403/0").every((id) => id?.startsWith("acs/403-"))).toBe(true);
  });

  it("offers the general entry alone when the code has no subcodes", () => {
    const r = explain(catalog(), "acs 500/7");
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain("Microsoft lists no subcodes under 500");
    expect(ids("acs 500/7")).toEqual(["acs/500"]);
  });

  it("suggests the nearest codes, not code-0 entries, for a code Microsoft does not list", () => {
    const r = explain(catalog(), "acs 999/0");
    expect(r.note).toContain("Microsoft's call-end table lists no code 999");
    expect(ids("acs 999/0")).not.toContain("acs/0-0");
    expect(ids("acs 999/0")[0]).toBe("acs/504");
  });

  it("still explains an unlisted PSTN subcode by its prefix", () => {
    expect(explain(catalog(), "acs 487/560499").note).toContain("560 prefix");
  });
});
