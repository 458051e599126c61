// How a search listing ranks the words an on-call engineer types: the entries named by the phrase
// or discussing it come before those sharing a filler word in passing, and standard codes before a
// vendor's when no vendor is named.
import { describe, expect, it } from "vitest";
import { searchText } from "../../src/engine/search.js";
import { catalog } from "../helpers/catalog.js";

const listed = (q: string) => searchText(catalog(), q, null, 15).map((r) => r.entry.id);
const rank = (q: string, id: string) => listed(q).indexOf(id) + 1;

describe("search listing", () => {
  it("puts SIP 183, the early-media response, near the top of `early media`", () => {
    expect(rank("early media", "sip/183")).toBeGreaterThan(0);
    expect(rank("early media", "sip/183")).toBeLessThanOrEqual(3);
    expect(rank("early media", "sip/183")).toBeLessThan(rank("early media", "http/415") || 99);
  });

  it("lets `busy` decide `busy here`, not the filler word `here`", () => {
    const top = listed("busy here").slice(0, 3);
    expect(top[0]).toBe("sip/486");
    expect(top).toContain("q850/17");
    expect(top).not.toContain("sip/488");
    expect(top).not.toContain("q850/14");
  });

  it("lists the ringing responses for `no ringback` above entries that only say `no`", () => {
    const r180 = rank("no ringback", "sip/180");
    expect(r180).toBeGreaterThan(0);
    expect(r180).toBeLessThan(rank("no ringback", "sip/204") || 99);
  });

  it("finds ACS's dropped-call code for `call drops` through the word's other form", () => {
    const n = rank("call drops", "acs/410-3101");
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(5);
  });

  it("lists SIP's registration failures before Webex Calling's when no vendor is named", () => {
    const list = listed("registration failed");
    expect(list).toContain("sip/401");
    expect(list.indexOf("sip/401")).toBeLessThan(list.indexOf("mobius/503-registration"));
  });

  it("keeps a named vendor's entries first", () => {
    expect(searchText(catalog(), "mobius registration failed", "mobius", 3)[0]?.entry.id).toBe(
      "mobius/503-registration",
    );
  });
});
