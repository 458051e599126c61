// A Q.850 cause value with no assigned cause is answered by its class: the class it falls in, the
// class's unspecified cause it is handled as (shown as the class meaning), and other causes of the
// same class only, never numeric neighbours from another class.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { q850ClassOf } from "../../src/engine/explain-q850-class.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("Q.850 cause classes", () => {
  it.each([
    [1, 31],
    [15, 31],
    [16, 31],
    [31, 31],
    [32, 47],
    [47, 47],
    [48, 63],
    [64, 79],
    [80, 95],
    [96, 111],
    [111, 111],
    [112, 127],
    [127, 127],
  ])("cause %i belongs to the class whose unspecified cause is %i", (n, unspecified) => {
    expect(q850ClassOf(n)?.unspecified).toBe(unspecified);
  });

  it("has no class outside 1–127", () => {
    for (const n of [0, 128, -5, 35.5]) expect(q850ClassOf(n)).toBeUndefined();
  });
});

describe("an unassigned Q.850 cause is answered by its class", () => {
  it.each([
    ["HANGUPCAUSE=35", "resource unavailable", "q850/47", 32, 47],
    ["hangup_cause=35", "resource unavailable", "q850/47", 32, 47],
    ["Reason: Q.850;cause=35", "resource unavailable", "q850/47", 32, 47],
    ["cause 112", "interworking", "q850/127", 112, 127],
    ["HANGUPCAUSE=60", "service or option not available", "q850/63", 48, 63],
    ["60", "service or option not available", "q850/63", 48, 63],
    ["q850 10", "normal event", "q850/31", 1, 31],
    ["cause 92", "invalid message", "q850/95", 80, 95],
    ["cause 104", "protocol error", "q850/111", 96, 111],
    ["cause 75", "service or option not implemented", "q850/79", 64, 79],
  ])("%s: %s class, handled as %s", (q, name, id, lo, hi) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.note).toContain(`the ${name} class (${lo}–${hi})`);
    expect(r.note).toMatch(/treated as the unspecified cause of the same class: handle it as \d+ /);
    expect(r.classEntry?.id).toBe(id);
    // Related causes stay in the class and do not repeat the class's unspecified cause.
    for (const e of r.suggestions) {
      expect(e.namespace).toBe("q850");
      expect(e.code ?? 0).toBeGreaterThanOrEqual(lo);
      expect(e.code ?? 0).toBeLessThanOrEqual(hi);
      expect(e.id).not.toBe(id);
    }
  });

  it("35 names cause 47, not frame-relay or normal-class neighbours", () => {
    const r = ask("HANGUPCAUSE=35");
    expect(r.note).toContain("handle it as 47 Resource unavailable, unspecified");
    expect(r.suggestions.map((e) => e.id)).not.toContain("q850/31");
  });

  it("112 names cause 127, not protocol errors", () => {
    const r = ask("HANGUPCAUSE=112");
    expect(r.note).toContain("handle it as 127 Interworking, unspecified");
    expect(r.suggestions.every((e) => (e.code ?? 0) >= 112)).toBe(true);
  });

  it("leaves numbers outside 1–127 and assigned causes alone", () => {
    expect(ask("q850 128").note).not.toMatch(/class/);
    expect(ask("cause 0").note).not.toMatch(/same class/);
    expect(ask("cause 47").kind).not.toBe("unknown");
    expect(ask("sip 499").classEntry?.id).toBe("sip/4xx");
  });
});
