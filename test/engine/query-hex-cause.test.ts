// Cisco's hex cause element ("0x8291") typed with words around it, or alone.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("Cisco's hex cause element among words", () => {
  it.each([
    "isdn cause 0x8291 on trunk",
    "isdn cause 0x8291 from the carrier",
    "q931 cause 0x8291",
    "0x8291",
    "0x8291 on the trunk",
  ])("%s is decoded to Q.850 17 with a note", (q) => {
    const r = ask(q);
    expect(r.results[0]?.id).toBe("q850/17");
    expect(r.note).toContain("Q.931 cause element");
  });

  it("reads no cause from other hex", () => {
    expect(ask("0x1f40").results).toEqual([]);
  });
});
