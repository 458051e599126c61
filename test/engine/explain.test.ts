// Every query form of the DESIGN.md contract, answered the way an on-call engineer expects.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { parseQuery } from "../../src/engine/query.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("parseQuery", () => {
  it.each([
    ["488", { type: "code", namespace: null, code: 488, subcode: null }],
    ["sip 488", { type: "code", namespace: "sip", code: 488, subcode: null }],
    ["cause 16", { type: "code", namespace: "q850", code: 16, subcode: null }],
    ["isdn 16", { type: "code", namespace: "q850", code: 16, subcode: null }],
    ["webex 118", { type: "code", namespace: "mobius", code: 118, subcode: null }],
    ["azure 410/3112", { type: "code", namespace: "acs", code: 410, subcode: 3112 }],
    ["teams 410 3112", { type: "code", namespace: "acs", code: 410, subcode: 3112 }],
    ["410/3112", { type: "code", namespace: null, code: 410, subcode: 3112 }],
    ["mobius/403-118", { type: "id", id: "mobius/403-118" }],
    ["  ", { type: "empty" }],
    ["One-Way  Audio!", { type: "text", namespace: null, text: "one way audio" }],
    ["404 Not Found", { type: "code", namespace: null, code: 404, subcode: null, words: "not found" }],
    ["(488)", { type: "code", namespace: null, code: 488, subcode: null }],
    ["sip-488", { type: "code", namespace: "sip", code: 488, subcode: null }],
    ["Q.850;cause=16", { type: "code", namespace: "q850", code: 16, subcode: null }],
    ["Reason: SIP;cause=480", { type: "code", namespace: "sip", code: 480, subcode: null }],
    [
      "got a 488 from the trunk",
      { type: "code", namespace: null, code: 488, subcode: null, words: "got a from the trunk", prose: true },
    ],
  ])("%j", (q, expected) => {
    expect(parseQuery(q)).toEqual(expected);
  });
});

describe("explain", () => {
  it("finds a single SIP code", () => {
    const r = explain(catalog(), "488");
    expect(r.kind).toBe("found");
    expect(r.results[0]?.title).toBe("Not Acceptable Here");
  });

  it("gives every meaning of 403, SIP first", () => {
    const r = explain(catalog(), "403");
    expect(r.kind).toBe("ambiguous");
    const namespaces = new Set(r.results.map((e) => e.namespace));
    expect([...namespaces]).toEqual(expect.arrayContaining(["sip", "http", "mobius", "acs"]));
    expect(r.results[0]?.id).toBe("sip/403");
  });

  it("lists the other meanings of a number when a namespace is chosen", () => {
    const r = explain(catalog(), "sip 403");
    expect(r.results.map((e) => e.id)).toEqual(["sip/403"]);
    expect(r.others.map((e) => e.id)).toEqual(
      expect.arrayContaining(["mobius/403-118", "http/403", "acs/403-5828"]),
    );
  });

  it.each([
    ["q850 16", ["q850/16"]],
    ["cause 16", ["q850/16"]],
    ["mobius 118", ["mobius/403-118"]],
    ["acs 3112", ["acs/410-3112"]],
    ["acs 410/3112", ["acs/410-3112"]],
    ["acs 410 3112", ["acs/410-3112"]],
    ["exotel 1008", ["exotel/1008"]],
    ["http 429", ["http/429"]],
    ["one way audio", ["symptom/one-way-audio"]],
    ["busy here", ["sip/486"]],
    ["timer b", ["timer/b"]],
  ])("%s", (q, expected) => {
    expect(ids(q)).toEqual(expected);
  });

  it("returns every Mobius 503 for `mobius 503`", () => {
    const r = explain(catalog(), "mobius 503");
    expect(r.results.length).toBeGreaterThanOrEqual(5);
    expect(r.results.every((e) => e.namespace === "mobius" && e.code === 503)).toBe(true);
  });

  it("tolerates typos in free text", () => {
    expect(ids("not aceptable")).toContain("sip/406");
    expect(ids("bussy here")[0]).toBe("sip/486");
    expect(ids("one way audoi")[0]).toBe("symptom/one-way-audio");
  });

  it("answers an unknown SIP code with its class meaning (RFC 3261: x99 is handled as x00)", () => {
    const r = explain(catalog(), "sip 499");
    expect(r.kind).toBe("unknown");
    expect(r.classEntry?.id).toBe("sip/4xx");
    expect(r.note).toMatch(/400 Bad Request/);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });

  it("answers unknown codes, empty input and junk without throwing", () => {
    expect(explain(catalog(), "999").kind).toBe("unknown");
    expect(explain(catalog(), "acs 12345").note).toMatch(/Azure Communication Services/);
    expect(explain(catalog(), "").kind).toBe("unknown");
    const junk = "\u0000\uFFFD%$#".repeat(1250);
    expect(explain(catalog(), junk).kind).toBe("unknown");
  });
});
