// Codes the catalog does not hold as typed: unknown SIP codes per class, ACS code/subcode mismatches.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

/** The highest code of a SIP class that has no entry: the one an "unknown code" answer is about. */
function unknownIn(cls: number): number {
  for (let n = cls * 100 + 99; n > cls * 100; n--) if (!catalog().byCode.has(n)) return n;
  throw new Error(`class ${cls} is full`);
}

describe("an unknown SIP code is handled by its class (RFC 3261 §8.1.3.2)", () => {
  // Final responses fall back to the x00 of their class; provisional ones (other than 100) to 183.
  it.each([1, 2, 3, 4, 5, 6])("%sxx", (cls) => {
    const code = unknownIn(cls);
    const target = catalog().byId.get(`sip/${cls === 1 ? 183 : cls * 100}`);
    if (!target) throw new Error("target entry missing");
    const r = explain(catalog(), `sip ${code}`);
    expect(r.kind).toBe("unknown");
    expect(r.classEntry?.id).toBe(`sip/${cls}xx`);
    expect(r.note).toContain(`handle it as ${target.code} ${target.title}`);
    const text = cardsToText(explainCards(r));
    expect(text).toContain(`handle it as ${target.code} ${target.title}`);
    if (cls === 1) expect(text).not.toMatch(/handle it as 100/);
  });

  it("agrees with what the class card itself says for 1xx", () => {
    expect(catalog().byId.get("sip/1xx")?.meaning).toMatch(/183/);
    expect(explain(catalog(), "sip 128").note).toMatch(/183 Session Progress/);
  });
});

describe("an ACS subcode typed with the wrong code", () => {
  it.each([
    ["acs 490/4097", 490, 4097],
    ["acs 403/3112", 403, 3112],
    ["acs 999/4097", 999, 4097],
    ["490/4097", 490, 4097],
  ])("%s says which code the subcode is listed with", (q, typed, sub) => {
    const listed = catalog()
      .bySubcode.get(sub)
      ?.find((e) => e.namespace === "acs");
    if (!listed) throw new Error(`no ACS entry with subcode ${sub}`);
    const r = explain(catalog(), q);
    expect(r.results.map((e) => e.id)).toEqual([listed.id]);
    expect(r.note).toContain(`code ${listed.code}`);
    expect(r.note).toContain(String(typed));
    const [card] = explainCards(r);
    expect(card?.subtitle).toContain(`listed with code ${listed.code}`);
  });

  it("stays silent when code and subcode match", () => {
    const r = explain(catalog(), "acs 410/3112");
    expect(r.kind).toBe("found");
    expect(r.note).toBeNull();
  });
});

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("a cause number under another name", () => {
  it.each([
    ["hangup cause 34", "q850/34"],
    ["hangup cause: 19", "q850/19"],
    ["hangup-cause 41", "q850/41"],
    ["hangup_cause=17", "q850/17"],
    ["release cause 34", "q850/34"],
    ["disconnect cause 31", "q850/31"],
  ])("%s is Q.850", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual([id]);
  });
});

describe("an ACS code and subcode spelled out", () => {
  it.each([
    "callEndReason 410 3112",
    "callEndReason 410/3112",
    "code 410 subcode 3112",
    "acs code 410 subcode 3112",
    '{"callEndReason":{"code":410,"subCode":3112}}',
  ])("%s is ACS 410/3112", (q) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual(["acs/410-3112"]);
  });

  it("reads a bare pair only when it is the whole query", () => {
    expect(ids("410 3112")).toEqual(["acs/410-3112"]);
    expect(ids("got 410 then 3112 calls")).not.toEqual(["acs/410-3112"]);
  });
});

describe("a vendor's number that is another family's code", () => {
  it.each([
    ["exotel 403", "sip/403"],
    ["exotel 488", "sip/488"],
  ])("%s is the SIP code with its Exotel trunk note", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe(id);
    const note = catalog()
      .byId.get(id)
      ?.notes.find((n) => n.context === "Exotel SIP trunk");
    if (!note) throw new Error(`${id} has no Exotel note`);
    expect(r.note).toContain(note.text);
    expect(cardsToText(explainCards(r))).toContain(`Exotel SIP trunk: ${note.text}`);
  });
});

describe("FreeSWITCH and Asterisk numbers that differ from Q.850", () => {
  it.each([
    ["cause 52", "q850/53", "OUTGOING_CALL_BARRED"],
    ["cause 54", "q850/55", "INCOMING_CALL_BARRED"],
    ["cause 45", "q850/8", "PRE_EMPTED"],
    ["cause 606", "q850/20", "USER_NOT_REGISTERED"],
  ])("%s answers with %s", (q, id, name) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual([id]);
    expect(r.note).toMatch(new RegExp(`Q\\.850 has no cause \\d+\\. .*${name}`));
    expect(cardsToText(explainCards(r))).toContain(name);
  });
});

describe("an unknown code points at the family it belongs to", () => {
  it.each([
    ["cause 486", "sip/486", /SIP 486 Busy Here \(it maps to Q\.850 cause 17/],
    ["sip 16", "q850/16", /Q\.850 cause 16/],
    ["http 488", "sip/488", /SIP 488/],
  ])("%s → %s", (q, id, said) => {
    const r = explain(catalog(), q);
    expect(r.kind).toBe("unknown");
    expect(r.suggestions[0]?.id).toBe(id);
    expect(r.note).toMatch(said);
  });

  it("suggests codes of the same class", () => {
    const near = (q: string) => explain(catalog(), q).suggestions.map((e) => e.code);
    expect(near("sip 499").every((n) => n !== null && n >= 400 && n < 500)).toBe(true);
    expect(near("sip 299").every((n) => n !== null && n >= 200 && n < 300)).toBe(true);
  });

  it("compares mobius-error codes with mobius-error codes", () => {
    const subs = explain(catalog(), "mobius 122").suggestions.map((e) => e.subcode);
    expect(subs.slice(0, 2).sort()).toEqual([120, 121]);
  });

  it("offers the general ACS entry and the code's known subcodes for an unknown subcode", () => {
    const r = explain(catalog(), "acs 410 9999");
    expect(r.kind).toBe("unknown");
    expect(r.suggestions[0]?.id).toBe("acs/410");
    expect(r.suggestions.slice(1).every((e) => e.code === 410 && e.subcode !== null)).toBe(true);
    expect(r.note).toMatch(/general 410 entry/);
  });
});

describe("long and pasted queries", () => {
  it("echoes at most about 80 characters of a long query in the note", () => {
    const q = "one way audio on calls through the sbc and the carrier ".repeat(8);
    const r = explain(catalog(), q);
    expect(r.note?.length ?? 0).toBeLessThan(160);
    expect(r.note).toContain("…");
  });

  it("cuts a query over the limit between words", () => {
    const q = "one way audio ".repeat(40);
    expect(q.slice(495, 505)).toMatch(/\S{3}/);
    const r = explain(catalog(), q);
    expect(r.kind).toBe("found");
    expect(r.note).toBeNull();
    expect(r.results.map((e) => e.id)).toEqual(["symptom/one-way-audio"]);
  });

  it("offers a single partial match as the closest, not as found", () => {
    const r = explain(catalog(), "release of the one way audio");
    expect(r.results.map((e) => e.id)).toEqual(["symptom/one-way-audio"]);
    expect(r.kind).toBe("ambiguous");
    expect(r.note).toMatch(/not every word matched/);
  });
});
