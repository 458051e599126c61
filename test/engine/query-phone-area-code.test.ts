// German and Dutch numbers written as area code then subscriber ("030 12345678", "06 12345678"):
// a leading 0 with nine digits or more in two groups is a phone number, never a cause, and it is
// echoed masked like any other number.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("an area code and subscriber number is a phone number", () => {
  it.each([
    ["030 12345678", "030 ••••••78"],
    ["06 12345678", "06 1•••••78"],
    ["030 1234567", "030 •••••67"],
    ["0171 1234567", "017• •••••67"],
    ["089 12345678", "089 ••••••78"],
    ["0171 12345678", "017• ••••••78"],
    ["06-12345678", "06-1•••••78"],
  ])("%s is answered as a phone number and shown as %s", (typed, masked) => {
    const r = ask(typed);
    expect(r.results).toEqual([]);
    expect(r.note).toContain("phone number");
    expect(r.query).toBe(masked);
    expect(JSON.stringify(r)).not.toContain(typed.slice(-6));
  });

  it("still reads the code typed with it", () => {
    const r = ask("call to 030 12345678 fails with 486");
    expect(r.results[0]?.id).toBe("sip/486");
    expect(JSON.stringify(r)).not.toContain("12345678");
    expect(ask("calls to 06-12345678 get 480").results[0]?.id).toBe("sip/480");
  });

  it("keeps a date's day and year apart from the code after them", () => {
    expect(ask("05 2024 486").results[0]?.id).toBe("sip/486");
  });
});
