// A provider's code the catalog lacks suggests only entries of the same error range.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("a provider's code in an area the catalog lacks", () => {
  it("suggests no entry about another area", () => {
    const r = ask("twilio 31005");
    expect(r.results).toEqual([]);
    expect(r.suggestions).toEqual([]);
    expect(r.note).toContain("no Twilio error 31005");
  });

  it("suggests an entry of the same area", () => {
    expect(ask("twilio 11210").suggestions.map((e) => e.id)).toContain("symptom/twilio-webhook-unreachable");
  });
});
