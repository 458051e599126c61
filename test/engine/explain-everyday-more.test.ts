// More everyday phrases: a wrong password, noise, ICE, SDP, an SBC refusing calls, a silent carrier
// and a failing transfer start from the standard codes that answer them; a compound typed as two
// words finds its entry; a vendor's entry never leads when no vendor is named.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load.js";
import { explain } from "../../src/engine/explain.js";
import { searchText } from "../../src/engine/search.js";
import { isVendorEntry } from "../../src/engine/search-rank.js";

const catalog = loadCatalog();
const ids = (q: string) => explain(catalog, q).results.map((e) => e.id);

describe("where to start for everyday phrases", () => {
  it("answers a wrong password with the repeated challenge and the refusal", () => {
    expect(ids("wrong password").slice(0, 3)).toEqual(["sip/401", "sip/407", "sip/403"]);
    expect(ids("password rejected")[0]).toBe("sip/401");
    expect(explain(catalog, "wrong password").note).toMatch(/challenge repeated/);
  });

  it("answers static on the line with the audio-quality symptom, never Busy Here", () => {
    expect(ids("static on the line")[0]).toBe("symptom/choppy-audio");
    expect(ids("crackling on calls")[0]).toBe("symptom/choppy-audio");
    expect(ids("static on the line")).not.toContain("sip/486");
    expect(ids("static ip")).not.toContain("symptom/choppy-audio");
  });

  it("answers an ICE failure with the audio symptoms it shows as", () => {
    expect(ids("ice failed").slice(0, 2)).toEqual(["symptom/one-way-audio", "symptom/no-audio-both-ways"]);
    expect(ids("ice failed")).not.toContain("sip/401");
  });

  it("answers sdp with the refusals of an offer and the codec symptom", () => {
    expect(ids("sdp")).toEqual(["sip/488", "sip/415", "sip/606", "symptom/codec-mismatch"]);
    expect(ids("sdp negotiation failed")[0]).toBe("sip/488");
  });

  it("answers an SBC refusing calls with its refusals", () => {
    expect(ids("sbc rejecting calls")).toEqual(["sip/403", "sip/488", "sip/503"]);
  });

  it("answers no response from the carrier with the timeout and its causes", () => {
    expect(ids("no response from carrier")).toEqual(["sip/408", "timer/b", "q850/102", "q850/18"]);
    expect(ids("provider not responding")[0]).toBe("sip/408");
  });

  it("answers a failing transfer with REFER's answers, and audio after a transfer with the media symptom", () => {
    expect(ids("call transfer fails").slice(0, 5)).toEqual([
      "sip/202",
      "sip/403",
      "sip/405",
      "sip/481",
      "sip/603",
    ]);
    expect(ids("blind transfer not working")[0]).toBe("sip/202");
    expect(ids("no audio after transfer to agent")[0]).toBe("symptom/ivr-audio-but-no-agent-audio");
    expect(ids("webex transfer failed")[0]).toBe("mobius/403-121");
  });

  it("leads the search listing with the same entries", () => {
    expect(searchText(catalog, "wrong password", null, 3).map((r) => r.entry.id)).toEqual([
      "sip/401",
      "sip/407",
      "sip/403",
    ]);
  });
});

describe("compound words typed as two", () => {
  it("reads no ring back as no ringback", () => {
    expect(ids("no ring back")).toEqual(ids("no ringback"));
    expect(ids("no ring back")[0]).toBe("symptom/no-ringback");
  });
});

describe("no vendor named", () => {
  it("never leads with a vendor's entry that only its name matches", () => {
    for (const q of ["nat problem", "sdp", "call transfer fails"]) {
      const first = explain(catalog, q).results[0];
      expect(first).toBeDefined();
      expect(isVendorEntry(first as NonNullable<typeof first>)).toBe(false);
    }
  });
});
