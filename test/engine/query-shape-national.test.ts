// Phone numbers written the national way (a trunk 0 or the 00 international prefix, in groups)
// and the North American dotted form: answered as phone numbers, never read as causes.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("a national phone number is no code", () => {
  it.each([
    "020 7946 0958",
    "0044 20 7946 0958",
    "0207 946 0486",
    "07700 900123",
    "030 901820",
    "02 9876 5432",
    "01 23 45 67 89",
    "415.555.0486",
    "020.7946.0958",
  ])("%s is answered as a phone number, with no cause read from it", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toContain("phone number");
  });

  it("reads the code typed after the number, not the number's first group", () => {
    expect(ask("0044 20 7946 0958 gets 486").results[0]?.id).toBe("sip/486");
    expect(ask("020 7946 0958 486").results[0]?.id).toBe("sip/486");
    expect(ask("calling 0207 946 0486 gives busy").results[0]?.id).toBe("sip/486");
  });

  it("answers a failed call to such a number as calls failing in general", () => {
    const r = ask("call to 020 7946 0486 failed");
    expect(r.results.some((e) => e.id.startsWith("mobius/") || e.id.startsWith("acs/"))).toBe(false);
    expect(r.results.some((e) => e.id === "q850/20" || e.id === "q850/44")).toBe(false);
  });

  it("keeps versions, addresses and a date's numbers as they were", () => {
    expect(ask("asterisk 18.20.1").note).toContain("version number");
    expect(ask("10.0.0.5 486").results[0]?.id).toBe("sip/486");
    expect(ask("16 17 18").results[0]?.id).toBe("q850/16");
    expect(ask("Mar 05 2024 486").results[0]?.id).toBe("sip/486");
  });
});
