// An ACS code/subcode pair written in prose ("Teams shows 503/560503"): a 5x0xxx subcode whose last
// digits are a SIP code, or a pair the catalog lists; dates and ratios are no pairs.
import { describe, expect, it } from "vitest";
import { acsPairAnchors } from "../../src/engine/scan/acs-records.js";
import { Scanner } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/**
 * Every detector on every line that holds a trigger word: what the anchors let through once they
 * name the pair literals (the pair itself proves a line without one).
 */
function pairsIn(text: string): string[] {
  const s = new Scanner(catalog(), {}, { exhaustive: true });
  s.push(text);
  return s
    .end()
    .findings.filter((f) => f.namespace === "acs")
    .map((f) => `${f.code}/${f.subcode}`);
}

describe("ACS pairs in prose", () => {
  it("reads a PSTN subcode pair", () => {
    expect(pairsIn("Teams reports 503/560503 on every outbound call since 9am")).toEqual(["503/560503"]);
  });

  it("reads catalogued pairs", () => {
    expect(pairsIn("users see 410/3112 after the upgrade")).toEqual(["410/3112"]);
  });

  it("ignores dates, ratios and paths", () => {
    expect(pairsIn("deployed on 2024/05/01, 3/5 calls failed, GET /api/560503/status")).toEqual([]);
    expect(pairsIn("ratio 503/5600 today")).toEqual([]);
  });

  it("names the literals the anchors need, each from its slash", () => {
    const lits = acsPairAnchors(catalog());
    expect(lits).toEqual(expect.arrayContaining(["/560", "/540", "/510", "/3112"]));
    expect(lits.every((l) => l.startsWith("/"))).toBe(true);
  });
});
