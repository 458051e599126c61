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

describe("a stack's cause name", () => {
  it.each([
    ["USER_BUSY", "q850/17"],
    ["CALL_REJECTED", "q850/21"],
    ["SERVICE_UNAVAILABLE", "q850/63"],
    ["hangup cause USER_BUSY", "q850/17"],
  ])("%s opens the entry that spells it first", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.results[0]?.id).toBe(id);
    const first = catalog().byId.get(id);
    if (!first) throw new Error(`${id} missing`);
    expect(cardsToText(explainCards(r)).startsWith(entryLabel(first))).toBe(true);
  });

  it("keeps the other entries of SERVICE_UNAVAILABLE's words as other meanings, not ahead of it", () => {
    const r = explain(catalog(), "SERVICE_UNAVAILABLE");
    expect(r.kind).toBe("found");
    expect(r.others.map((e) => e.id)).toContain("sip/503");
  });

  it.each([
    ["USER_NOT_REGISTERED", "q850/20"],
    ["INVALID_GATEWAY", "q850/28"],
    ["LOSE_RACE", "q850/26"],
    ["ALLOTTED_TIMEOUT", "q850/19"],
    ["PROGRESS_TIMEOUT", "q850/18"],
    ["GATEWAY_DOWN", "sip/503"],
    ["CHANUNAVAIL", "q850/20"],
  ])("%s is not a catalog code and points at %s", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.suggestions.map((e) => e.id)).toEqual([id]);
    const text = cardsToText(explainCards(r));
    expect(text).toContain(`No entry for "${q}"`);
    expect(text).toContain(`${q} is not a catalog code`);
  });

  it("quotes the note that explains a FreeSWITCH name", () => {
    expect(explain(catalog(), "USER_NOT_REGISTERED").note).toMatch(/internal value 606/);
    expect(explain(catalog(), "CHANUNAVAIL").note).toMatch(/DIALSTATUS Asterisk's Dial\(\) sets/);
  });

  it("never guesses a name no entry carries from its words", () => {
    const r = explain(catalog(), "NO_SUCH_CAUSE_NAME");
    expect(r.kind).toBe("unknown");
    expect(r.suggestions).toEqual([]);
    expect(r.note).toMatch(/not a catalog code/);
  });
});

describe("typos, plurals and dotted numbers", () => {
  it.each([
    ["request tiemout", "sip/408"],
    ["serivce unavailable", "sip/503"],
    ["servcie unavailable", "sip/503"],
  ])("%s counts the swapped letters as one typo", (q, id) => {
    expect(ids(q)[0]).toBe(id);
  });

  it("reads a plural as the code", () => {
    expect(ids("getting 503s")[0]).toBe("sip/503");
    expect(ids("getting 503s")).toContain("mobius/503-registration");
    expect(ids("488s everywhere")).toEqual(["sip/488"]);
    expect(explain(catalog(), "488s everywhere").kind).toBe("found");
  });

  it("does not read the digits of a dotted token as a code", () => {
    expect(ids("t.38")).not.toContain("q850/38");
    expect(ids("t.38")[0]).toBe("sip/488");
    expect(ids("4.88")).not.toContain("q850/88");
    expect(explain(catalog(), "4.88").kind).toBe("unknown");
  });
});

describe("a code's own reason phrase among other words", () => {
  it("puts SIP 403 first for 403 forbidden on register", () => {
    const r = explain(catalog(), "403 forbidden on register");
    expect(r.results[0]?.id).toBe("sip/403");
    expect(r.results.map((e) => e.id)).toContain("mobius/403-103");
  });

  it("still lets a vendor's own exact phrase win", () => {
    expect(ids("403 FORBIDDEN 103")[0]).toBe("mobius/403-103");
  });
});

describe("log messages the catalog lists", () => {
  it.each([
    ["OBP resolution failed", "mobius/503-registration"],
    ["networkRelaysNotReachable", "acs/410-3112"],
    ["Failed to add device: x in sorted set", "mobius/503-registration"],
    ["Registration: Error code: 503 SERVICE UNAVAILABLE due to CPAPI timeout", "mobius/503-registration"],
  ])("%s opens the entry that logs it", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.results[0]?.id).toBe(id);
    expect(cardsToText(explainCards(r))).toContain("Log messages that name the failing part");
  });

  it("says which part the message points at", () => {
    expect(explain(catalog(), "OBP resolution failed").note).toMatch(/points at OBP/);
  });
});

describe("words only an entry's description uses", () => {
  it.each([
    ["fax", "sip/488"],
    ["t38", "sip/488"],
    ["srtp", "sip/488"],
    ["sip alg", "symptom/one-way-audio"],
    ["exotel ports", "exotel/pre-support-checklist"],
  ])("%s finds %s", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).not.toBe("unknown");
    expect(r.results.map((e) => e.id)).toContain(id);
    expect(r.note).toMatch(/^No entry is named/);
  });

  it("lists several entries that discuss NAT, each of which does", () => {
    const r = explain(catalog(), "nat");
    expect(r.results.length).toBeGreaterThanOrEqual(3);
    for (const e of r.results) {
      const described = [e.meaning, e.impact ?? "", ...e.causes, ...e.checks, ...e.notes.map((n) => n.text)];
      expect(described.join(" "), e.id).toMatch(/\bNAT\b/i);
    }
  });

  it("ranks a title or alias match before a description match", () => {
    expect(ids("codec")[0]).toBe("symptom/codec-mismatch");
    // With no vendor named, the standard symptom an alias names leads ACS's own entry.
    expect(ids("firewall")[0]).toBe("symptom/no-audio-both-ways");
  });
});

describe("a namespace word prefers, it does not hide", () => {
  it("exotel one way audio finds the symptom with its Exotel note", () => {
    const r = explain(catalog(), "exotel one way audio");
    expect(r.results[0]?.id).toBe("symptom/one-way-audio");
    expect(cardsToText(explainCards(r))).toContain("Exotel SIP trunk:");
  });
});
