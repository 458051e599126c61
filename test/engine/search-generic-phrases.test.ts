// Everyday on-call words ("registration failed", "call dropped", "unsupported content type") mean
// something on every platform: both the listing and the answer put the standard meanings first,
// the likeliest cause leading, and one vendor's entries after them.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { searchText } from "../../src/engine/search.js";
import { catalog } from "../helpers/catalog.js";

const listed = (q: string, n = 12) => searchText(catalog(), q, null, n).map((r) => r.entry.id);
const answered = (q: string) => explain(catalog(), q).results.map((e) => e.id);
const ranksBefore = (ids: string[], a: string, b: string) => {
  expect(ids).toContain(a);
  expect(ids).toContain(b);
  expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
};

describe("searching everyday failure words", () => {
  it("lists the credential answers first for a failed registration, then the registrar's", () => {
    const ids = listed("registration failed");
    expect(ids.slice(0, 3)).toEqual(["sip/401", "sip/403", "sip/407"]);
    for (const id of ["sip/404", "sip/408", "sip/503"]) ranksBefore(ids, "sip/407", id);
    ranksBefore(ids, "sip/503", "sip/439");
    expect(ids).not.toContain("mobius/503-registration");
    ranksBefore(listed("registration failed", 30), "sip/503", "mobius/503-registration");
  });

  it("lists SIP 415 before Exotel's unsupported content type", () => {
    expect(listed("unsupported content type").slice(0, 3)).toEqual(["sip/415", "http/415", "exotel/1011"]);
  });

  it("lists the symptoms a dropped call shows before the ACS drop", () => {
    const ids = listed("call dropped");
    ranksBefore(ids, "symptom/call-drops-after-32-seconds", "acs/410-3101");
    ranksBefore(ids, "symptom/call-drops-at-session-refresh", "acs/410-3101");
  });

  it("lists the challenges first for failed authentication", () => {
    expect(listed("auth failed").slice(0, 2)).toEqual(["sip/401", "sip/407"]);
  });
});

describe("answering everyday failure words", () => {
  it("answers a failed registration with a list, credentials first and Webex Calling last", () => {
    const r = explain(catalog(), "registration failed");
    expect(r.kind).toBe("ambiguous");
    expect(answered("registration failed").slice(0, 3)).toEqual(["sip/401", "sip/403", "sip/407"]);
    expect(answered("registration failed").at(-1)).toBe("mobius/503-registration");
  });

  it("answers unsupported content type with SIP 415 first, not Exotel's card alone", () => {
    expect(answered("unsupported content type")).toEqual(["sip/415", "http/415", "exotel/1011"]);
  });

  it("answers call dropped with the drop symptoms, then the ACS drop", () => {
    const r = explain(catalog(), "call dropped");
    expect(r.kind).toBe("ambiguous");
    expect(r.note).toMatch(/several meanings/);
    expect(r.results[0]?.namespace).toBe("symptom");
    expect(r.results.at(-1)?.id).toBe("acs/410-3101");
  });

  it("answers other everyday words with the standard codes before a vendor's", () => {
    expect(answered("registration timeout")).toEqual(["sip/408", "mobius/503-registration"]);
    expect(answered("auth failed").slice(0, 2)).toEqual(["sip/401", "sip/407"]);
    ranksBefore(answered("call rejected"), "q850/21", "mobius/403-119");
    expect(answered("call rejected")[0]).toBe("sip/603");
  });

  it("still opens the vendor's card when the vendor is named", () => {
    expect(answered("acs call dropped")[0]).toBe("acs/410-3101");
    expect(answered("exotel unsupported content type")[0]).toBe("exotel/1011");
  });
});
