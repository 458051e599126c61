// On-call phrases that name no code and no vendor ("phones not registering", "calls failing",
// "fax not working") start from the standard codes that usually answer them, never a vendor's
// card, and the search listing agrees; a stated drop time names its own cause; British spellings
// find what American ones do.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { searchText } from "../../src/engine/search.js";
import { catalog } from "../helpers/catalog.js";

const listed = (q: string, n = 8) => searchText(catalog(), q, null, n).map((r) => r.entry.id);
const answered = (q: string) => explain(catalog(), q).results.map((e) => e.id);
const VENDOR = /^(?:acs|mobius|exotel)\//;

describe("everyday on-call phrases", () => {
  it("answers a phone that does not register with the registrar's usual refusals", () => {
    for (const q of [
      "phones not registering",
      "extension not registered",
      "trunk not registered",
      "phone won't register",
    ]) {
      const ids = answered(q);
      expect(ids.slice(0, 3)).toEqual(["sip/401", "sip/403", "sip/407"]);
      expect(ids).toContain("q850/20");
      expect(ids.some((id) => VENDOR.test(id))).toBe(false);
      expect(explain(catalog(), q).note).toMatch(/Where to start/);
      expect(listed(q).slice(0, 3)).toEqual(["sip/401", "sip/403", "sip/407"]);
    }
  });

  it("asks for the code when calls fail in general, listing the usual ones", () => {
    for (const q of ["calls failing", "carrier rejecting calls", "inbound calls not working"]) {
      const r = explain(catalog(), q);
      expect(r.kind).toBe("ambiguous");
      expect(r.results.map((e) => e.id)).toEqual(expect.arrayContaining(["sip/403", "sip/404", "sip/503"]));
      expect(r.note).toMatch(/too general/);
      expect(listed(q)[0]).toBe(r.results[0]?.id);
    }
    expect(answered("calls rejected")[0]).toBe("sip/603");
  });

  it("explains a wrong caller ID by the identity headers, not a vendor's policy code", () => {
    const r = explain(catalog(), "caller id wrong");
    expect(r.results[0]?.id).toBe("sip/403");
    expect(r.note).toMatch(/P-Asserted-Identity/);
  });

  it("leads fax trouble with the refused T.38 re-INVITE", () => {
    for (const q of ["fax failing", "fax not working", "faxes fail"]) {
      expect(answered(q)[0]).toBe("sip/488");
      expect(explain(catalog(), q).note).toMatch(/T\.38/);
    }
    expect(answered("fax")[0]).toBe("sip/488");
  });

  it("keeps a vendor's own entries when the vendor is named", () => {
    expect(answered("webex device not registered").some((id) => id.startsWith("mobius/"))).toBe(true);
  });
});

describe("a stated drop time", () => {
  it("reads a drop far from 32 s and below any session timer as a media timeout", () => {
    for (const q of [
      "call drops after 60 seconds",
      "call drops after 20 seconds",
      "calls drop after 1 minute",
    ]) {
      const r = explain(catalog(), q);
      expect(r.results[0]?.id).toBe("symptom/audio-drops-after-answer");
      expect(r.note).toMatch(/does not fit the missing ACK/);
    }
  });

  it("keeps 32 s for the missing ACK and 30 minutes for the session timer", () => {
    expect(answered("call drops after 32 seconds")[0]).toBe("symptom/call-drops-after-32-seconds");
    expect(answered("call drops after 30 minutes")[0]).toBe("symptom/call-drops-at-session-refresh");
    expect(answered("call drops after 15 min")[0]).toBe("symptom/call-drops-at-session-refresh");
  });
});

describe("British spellings", () => {
  it("finds SIP 401 for unauthorised as for unauthorized", () => {
    expect(answered("unauthorised")[0]).toBe("sip/401");
    expect(answered("unauthorised")).toContain("http/401");
    expect(listed("unauthorised")).toContain("sip/401");
  });
});
