// Questions typed the way people type them: a call that drops after a stated time, a symptom led by
// a digit, a vendor word with a SIP code among other words, negative numbers, several codes at
// once, a bare family keyword, FreeSWITCH-only cause names and numbers that are not codes.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);

describe("a call that drops after a stated time", () => {
  it.each([
    "call drops after 30 min",
    "call drops after half an hour",
    "calls drop every 30 min",
    "call disconnects after 15 minutes",
    "call drops after 1800 seconds",
  ])("%s is the session-refresh drop", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe("symptom/call-drops-at-session-refresh");
  });

  it("keeps about 32 seconds as the missing ACK", () => {
    expect(ids("call drops after 30 seconds")[0]).toBe("symptom/call-drops-after-32-seconds");
    expect(ids("call drops after 32s")[0]).toBe("symptom/call-drops-after-32-seconds");
  });

  it("leaves audio that stops to the media symptoms", () => {
    expect(ids("audio drops after 180 seconds")[0]).toBe("symptom/audio-drops-after-answer");
  });
});

describe("a symptom led by a digit", () => {
  it("1 way audio is one-way audio, not Q.850 cause 1", () => {
    const r = ask("1 way audio");
    expect(r.kind).toBe("found");
    expect(r.results.map((e) => e.id)).toEqual(["symptom/one-way-audio"]);
  });
});

describe("a vendor word, other words and a SIP code", () => {
  it.each([
    ["exotel trunk 403", "sip/403"],
    ["exotel call failing 408", "sip/408"],
    ["exotel sip trunk 503", "sip/503"],
    ["exotel trunk 488", "sip/488"],
  ])("%s is %s with the Exotel trunk note", (q, id) => {
    const r = ask(q);
    expect(r.results[0]?.id).toBe(id);
    expect(r.note).toMatch(/Exotel SIP trunk note/);
  });

  it("sip trunk down names no Exotel API error", () => {
    const r = ask("sip trunk down");
    expect(r.results.map((e) => e.id)).not.toContain("exotel/1000");
    expect(r.suggestions.map((e) => e.id)).not.toContain("exotel/1000");
  });

  it("teams direct routing 488 is SIP 488", () => {
    expect(ids("teams direct routing 488")[0]).toBe("sip/488");
  });

  it.each([
    ["exotel 409", ["exotel/1008"]],
    ["exotel 415", ["sip/415", "exotel/1011"]],
    ["exotel 400", ["sip/400", "exotel/1001", "exotel/1002", "exotel/1007"]],
  ])("%s points at the Exotel API errors carried with that HTTP status", (q, expected) => {
    const r = ask(q);
    expect(r.results.map((e) => e.id)).toEqual(expected);
    expect(r.note).toMatch(/arrives? with HTTP status/);
  });
});

describe("negative numbers", () => {
  it.each(["-1", "sip -486", "cause -34", "acs -410/3112", "-488"])("%s is no code", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toMatch(/never negative/);
  });

  it("suggests the number without its sign", () => {
    expect(ask("sip -486").suggestions.map((e) => e.id)).toEqual(["sip/486"]);
  });

  it("still reads sip-488 as SIP 488", () => {
    expect(ids("sip-488")[0]).toBe("sip/488");
  });
});

describe("several codes at once", () => {
  it.each(["486 487", "486/487", "486 and 487", "486, 487"])("%s lists SIP 486 and SIP 487", (q) => {
    const r = ask(q);
    expect(r.results.map((e) => e.id)).toEqual(["sip/486", "sip/487"]);
    expect(r.note).not.toMatch(/general/);
  });

  it.each(["486 487 488", "486/487/488", "486 / 487 / 488"])("%s lists all three", (q) => {
    expect(ids(q)).toEqual(["sip/486", "sip/487", "sip/488"]);
  });

  it("answers a difference question with both codes", () => {
    expect(ids("difference between 486 and 600")).toEqual(["sip/486", "sip/600"]);
  });

  it("keeps a code and subcode the catalog pairs", () => {
    expect(ids("403 118")[0]).toBe("mobius/403-118");
  });

  it("points a Mobius subcode listed under another code at that code, with no general entry claimed", () => {
    const r = ask("mobius 403 117");
    expect(r.results.map((e) => e.id)).toEqual(["mobius/503-117"]);
    expect(r.note).toMatch(/listed with code 503/);
  });

  it("promises a general entry only where one exists", () => {
    const r = ask("mobius 403 999");
    expect(r.note).not.toMatch(/general 403 entry/);
  });
});

describe("429", () => {
  it("puts rate limiting before SIP 429 Provide Referrer Identity", () => {
    const r = ids("429");
    expect(r[0]).not.toBe("sip/429");
    expect(r.at(-1)).toBe("sip/429");
  });

  it("reads the Mobius log field as Mobius", () => {
    expect(ids("fields.response_status: 429")).toEqual(["mobius/429"]);
  });
});

describe("a family keyword alone", () => {
  it.each(["sip", "webex", "q850", "isdn", "teams", "mobius", "acs", "azure", "http", "cause", "exotel"])(
    "%s gets a usage hint, not an entry",
    (q) => {
      const r = ask(q);
      expect(r.kind).toBe("unknown");
      expect(r.results).toEqual([]);
      expect(r.note).toMatch(/names a family .*e\.g\. `/);
    },
  );
});

describe("FreeSWITCH's own cause names", () => {
  it("explains MEDIA_TIMEOUT as RTP that stopped arriving", () => {
    const r = ask("MEDIA_TIMEOUT");
    expect(r.results.map((e) => e.id)).toEqual(["symptom/audio-drops-after-answer"]);
    expect(r.results[0]?.notes.map((n) => n.text).join(" ")).toMatch(/no RTP arrived/);
  });

  it("gives both meanings of NOT_ACCEPTABLE: Mobius 118 and SIP 606", () => {
    const r = ask("NOT_ACCEPTABLE");
    expect(r.results.map((e) => e.id)).toEqual(["mobius/403-118", "sip/606"]);
    expect(r.note).toMatch(/FreeSWITCH/);
  });

  it("names the 6xx causes after their SIP responses", () => {
    expect(ids("BUSY_EVERYWHERE")).toEqual(["sip/600"]);
    expect(ids("DOES_NOT_EXIST_ANYWHERE")).toEqual(["sip/604"]);
  });

  it("says an unexplained one is FreeSWITCH's own, without guessing", () => {
    const r = ask("NO_PICKUP");
    expect(r.kind).toBe("unknown");
    expect(r.note).toMatch(/FreeSWITCH's own hangup causes, with no Q\.850 value/);
  });
});

describe("codec questions", () => {
  it("answers codec mismatch generically, with A-law as Exotel's requirement", () => {
    const r = ask("codec mismatch");
    const e = r.results[0];
    expect(e?.id).toBe("symptom/codec-mismatch");
    expect(e?.meaning).not.toMatch(/only G\.711 A-law/);
    expect(e?.notes.some((n) => /Exotel/.test(n.context) && /A-law/.test(n.text))).toBe(true);
  });
});

describe("numbers that are not codes", () => {
  it("how long before a sip call times out is Timer B", () => {
    expect(ids("how long before a sip call times out")).toEqual(["timer/b"]);
  });

  it.each(["port 5060", "CSeq 102 INVITE"])("%s is no code", (q) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toMatch(/not a (?:status )?code|never response codes/);
  });
});
