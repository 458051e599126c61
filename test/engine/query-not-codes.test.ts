// Things people paste that are not codes: phone numbers, timestamps, SIP URIs, versions, tickets,
// a provider's code the catalog lacks, and Cisco's hex cause element typed as a question.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("a token shaped like no code is said to be what it is", () => {
  it.each([
    ["+44 20 7946 0958", "phone number"],
    ["+91 98765 43210", "phone number"],
    ["+1 (415) 555-0123", "phone number"],
    ["+1 415 555 0123", "phone number"],
    ["415-555-0486", "phone number"],
    ["(415) 555-0486", "phone number"],
    ["2024-03-05T14:22:31.480Z", "timestamp"],
    ["14:22:31.486", "timestamp"],
    ["sip:1001@10.0.0.5:5060;transport=udp", "SIP URI"],
    ["sip:4155550123@sip.example.com", "SIP URI"],
    ["asterisk 18.20.1", "version number"],
    ["version 4.4.0", "version number"],
    ["case 00486123", "ticket number"],
  ])("%s is answered as a %s, with no card", (q, what) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toContain(what);
    expect(r.note).toContain("not a code");
  });

  it("echoes a phone number masked", () => {
    expect(ask("+44 20 7946 0958").query).not.toContain("7946");
  });

  it("reads the words around a phone number or version, never its digits", () => {
    expect(ask("call from 415-555-0486 failed").results.some((e) => e.id === "sip/415")).toBe(false);
    expect(ask("calls from 415-555-0486 get 404").results[0]?.id).toBe("sip/404");
    expect(ask("asterisk 18.20.1 gives 503").results[0]?.id).toBe("sip/503");
  });

  it("still reads pasted headers and IP-bearing lines as before", () => {
    expect(ask("From: <sip:+14155550123@x.com>").parsed.type).toBe("header");
    expect(ask("488").results[0]?.id).toBe("sip/488");
  });
});

describe("a provider's code the catalog lacks", () => {
  it("names the number and opens no other entry", () => {
    const r = ask("twilio 31005");
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toContain("no Twilio error 31005");
    expect(r.suggestions.every((e) => /twilio/i.test(e.title))).toBe(true);
  });

  it("says the catalog has no codes of a provider it does not cover", () => {
    const r = ask("vonage 1001");
    expect(r.results).toEqual([]);
    expect(r.note).toContain("no Vonage codes");
  });

  it("keeps a provider's code the catalog has, and SIP codes a carrier answers with", () => {
    expect(ask("twilio 11205").results[0]?.id).toBe("symptom/twilio-webhook-unreachable");
    expect(ask("twilio 503").results[0]?.id).toBe("sip/503");
  });
});

describe("Cisco's Q.931 cause element typed in hex", () => {
  it("decodes isdn cause 0x8291 as cause 17 and says how", () => {
    const r = ask("isdn cause 0x8291");
    expect(r.results[0]?.id).toBe("q850/17");
    expect(r.note).toContain("coding standard and location");
  });
});
