// "ms" in a question is Microsoft (Teams, ms-diagnostics), not milliseconds: never Timer T1.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const text = (q: string) => cardsToText(explainCards(ask(q)));
const touchesT1 = (q: string) => {
  const r = ask(q);
  return [...r.results, ...r.suggestions, ...r.others].some((e) => e.id === "timer/t1");
};

describe("ms is Microsoft", () => {
  it.each([
    "ms teams",
    "ms-diagnostics",
    "x-ms-diagnostics",
    "ms diag",
    "ms-diagnostics 560403",
    "ms teams call failed",
  ])("%s gets no Timer T1", (q) => {
    expect(touchesT1(q)).toBe(false);
    expect(text(q)).not.toContain("Timer: T1");
  });

  it.each(["ms-diagnostics", "x-ms-diagnostics", "ms diag", "MS-Diagnostics:", "what is ms-diagnostics?"])(
    "%s says what the header is and asks for its number",
    (q) => {
      const r = ask(q);
      expect(r.kind).toBe("unknown");
      expect(r.note).toMatch(/^ms-diagnostics is Microsoft's diagnostic header/);
      expect(text(q)).toContain("Paste the header with its number");
    },
  );

  it("reads x-ms-diagnostics with a number as the subcode", () => {
    expect(ask("x-ms-diagnostics: 560486").results[0]?.id).toBe("acs/486-560486");
  });

  it("answers ms teams and Microsoft Teams like teams", () => {
    for (const q of ["ms teams", "Microsoft Teams"]) expect(ask(q).note).toMatch(/names a family \(Azure/);
    expect(ask("ms teams 480").results.map((e) => e.id)).toEqual(ask("teams 480").results.map((e) => e.id));
  });

  it("still reads a unit after a number as a value", () => {
    expect(ask("500 ms").results.map((e) => e.id)).toEqual(["timer/t1"]);
    expect(ask("4 seconds").results[0]?.id).toBe("timer/t2");
  });
});
