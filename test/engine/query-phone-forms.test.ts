// Phone numbers in the national forms support staff paste (a NANP number with its 1, bare 10 and
// 11 digits, Indian mobiles, Russian and Brazilian numbers, Spanish threes) are answered as phone
// numbers: no code is read from their digits, and the echo keeps only the first three and last
// two digits.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

const numbers: [string, string][] = [
  ["1 800 555 0199", "1 80• ••• ••99"],
  ["1-800-555-0199", "1-80•-•••-••99"],
  ["1 415 555 0123", "1 41• ••• ••23"],
  ["4155550123", "415•••••23"],
  ["14155550123", "141••••••23"],
  ["09876543210", "098••••••10"],
  ["098765 43210", "098••• •••10"],
  ["98765 43210", "987•• •••10"],
  ["(11) 91234-5678", "(11) 9••••-••78"],
  ["912 345 678", "912 ••• •78"],
  ["8 (495) 123-45-67", "8 (49•) •••-••-67"],
  ["8 800 555 35 35", "8 80• ••• •• 35"],
  ["8 495 123 45 67", "8 49• ••• •• 67"],
  ["00 44 20 7946 0958", "00 44 2• •••• ••58"],
];

describe("phone numbers in national forms", () => {
  it("are answered as phone numbers, echoed masked", () => {
    for (const [q, masked] of numbers) {
      const r = ask(q);
      expect(r.results, q).toEqual([]);
      expect(r.note, q).toMatch(/phone number/);
      expect(r.query, q).toBe(masked);
    }
  });

  it("are taken out of a sentence, which is still answered", () => {
    const r = ask("calls from 98765 43210 drop");
    expect(r.query).toBe("calls from 987•• •••10 drop");
    expect(JSON.stringify(r)).not.toMatch(/43210/);
    expect(r.results.length).toBeGreaterThan(0);
  });

  it("leave codes in threes and timestamps alone", () => {
    expect(ask("486 487 488").results.map((e) => e.id)).toEqual(["sip/486", "sip/487", "sip/488"]);
    expect(ask("1715000000").note ?? "").not.toMatch(/phone number/);
  });
});
