// A number typed with words around it: reason phrases, Reason headers, punctuation and prose.
// Expectations come from the catalog itself, so every SIP and HTTP code is checked, not a sample.
import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/catalog/schema.js";
import { explain } from "../../src/engine/explain.js";
import { entryLabel, explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);
const coded = (ns: string) =>
  catalog().entries.filter((e): e is Entry & { code: number } => e.namespace === ns && e.code !== null);
const sameWords = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

describe("a code followed by its reason phrase", () => {
  it.each(coded("sip").map((e) => [`${e.code} ${e.title}`, e] as const))(
    "%s is SIP first and keeps every other meaning",
    (q, e) => {
      const r = explain(catalog(), q);
      expect(r.results[0]?.id).toBe(e.id);
      expect(new Set(ids(q))).toEqual(new Set(ids(String(e.code))));
      expect(r.kind).toBe(explain(catalog(), String(e.code)).kind);
    },
  );

  it.each(coded("http").map((e) => [`${e.code} ${e.title}`, e] as const))(
    "%s leads with the standard entry whose phrase it is",
    (q, e) => {
      const sip = catalog().byId.get(`sip/${e.code}`);
      // SIP keeps the lead when it spells the phrase the same way (as its title or an alias).
      const expected = sip && [sip.title, ...sip.aliases].some((p) => sameWords(p, e.title)) ? sip : e;
      expect(ids(q)[0]).toBe(expected.id);
      expect(ids(q)).toContain(e.id);
    },
  );

  it("keeps the order of the bare number when the phrase is the standard one", () => {
    for (const q of ["403 Forbidden", "404 Not Found", "503 Service Unavailable", "401 Unauthorized"]) {
      const r = explain(catalog(), q);
      expect(r.kind).toBe("ambiguous");
      expect(r.results[0]?.namespace).toBe("sip");
      expect(ids(q)[0]).toBe(ids(q.split(" ")[0] ?? "")[0]);
    }
  });

  it("puts a vendor entry first only for a phrase that is its own", () => {
    const vendor = catalog().byId.get("mobius/503-not-ready");
    const own = vendor?.aliases.find((a) => !/unavailable|503/i.test(a));
    expect(own).toBeDefined();
    expect(ids(`503 ${own}`)[0]).toBe("mobius/503-not-ready");
  });

  it("reads words that only partly fit as a hint, SIP first for 408 timeout", () => {
    const r = explain(catalog(), "408 timeout");
    expect(r.results[0]?.id).toBe("sip/408");
    expect(r.results.map((e) => e.code)).toEqual(r.results.map(() => 408));
  });

  it("shows the SIP card as the primary answer and the other meanings after it", () => {
    const text = cardsToText(explainCards(explain(catalog(), "487 Request Terminated")));
    const sip = catalog().byId.get("sip/487");
    if (!sip) throw new Error("sip/487 missing");
    expect(text.startsWith(entryLabel(sip))).toBe(true);
    expect(text).toContain("Other meanings");
  });
});

describe("Reason header causes", () => {
  it.each([
    ["Q.850;cause=16", "q850/16"],
    ["Q.850 cause=34", "q850/34"],
    ["q850;cause=34", "q850/34"],
    ['Reason: Q.850;cause=16;text="Normal Clearing"', "q850/16"],
    ["Reason: SIP;cause=480", "sip/480"],
    ['Reason: SIP ;cause=487;text="ORIGINATOR_CANCEL"', "sip/487"],
  ])("%s", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual([id]);
  });
});

describe("a code inside punctuation, emoji or prose", () => {
  it.each([
    "488.",
    "488,",
    "(488)",
    "'488'",
    '"488"',
    "+488",
    "-488",
    "488 😀",
    "sip-488",
    "sip: 488",
    "got a 488 from the trunk",
    "Why did I get a 488?",
    "SIP/2.0 488 Not Acceptable Here",
  ])("%s is SIP 488", (q) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe("sip/488");
  });

  it("keeps the code when the other words are only a hint", () => {
    expect(ids("488 codec")[0]).toBe("sip/488");
    expect(ids("carrier sent 503 service unavailable")[0]).toBe("sip/503");
    expect(ids("calls fail with 503 from carrier")[0]).toBe("sip/503");
  });

  it("answers the sentence, not the number, when the words describe something else", () => {
    const drops = explain(catalog(), "audio drops after 180 seconds");
    expect(drops.results.length).toBeGreaterThan(0);
    expect(drops.results.every((e) => e.namespace === "symptom")).toBe(true);
    expect(ids("one way audio after 200 ok")[0]).toBe("symptom/one-way-audio");
  });

  it("still answers a phrase that merely starts with a number", () => {
    const t1 = catalog().byId.get("timer/t1");
    const phrase = t1?.aliases.find((a) => /^\d+ ms$/.test(a));
    if (!phrase) return; // the catalog no longer has such an alias; nothing to protect
    expect(ids(phrase)).toEqual(["timer/t1"]);
  });
});

describe("FreeSWITCH and nginx names the catalog explains", () => {
  it("answers ORIGINATOR_CANCEL with SIP 487 and says it is not a Q.850 cause", () => {
    for (const q of ["ORIGINATOR_CANCEL", "originator cancel"]) {
      const r = explain(catalog(), q);
      expect(r.kind).toBe("found");
      expect(r.results[0]?.id).toBe("sip/487");
    }
    const text = cardsToText(explainCards(explain(catalog(), "ORIGINATOR_CANCEL")));
    expect(text).toMatch(/FreeSWITCH: ORIGINATOR_CANCEL .*not a Q\.850 cause/);
  });

  it("answers the other vendor names the catalog's notes spell out", () => {
    expect(ids("MANDATORY_IE_LENGTH_ERROR")).toEqual(["q850/103"]);
    expect(ids("NGX_HTTP_CLIENT_CLOSED_REQUEST")).toEqual(["http/499"]);
  });
});
