// Pasted SIP request lines and headers that hold numbers but no response code: what the line is,
// never a card read from a user part, a host, a version or a warn-code.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { explainCards } from "../../src/render/card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);

describe("a SIP request line is not a code question", () => {
  it.each([
    ["INVITE sip:+14155550123@carrier.net SIP/2.0", "INVITE"],
    ["INVITE sip:1001@10.0.0.5:5060 SIP/2.0", "INVITE"],
    ["REGISTER sip:sip.carrier.net SIP/2.0", "REGISTER"],
    ["OPTIONS sip:10.0.0.5:5060 SIP/2.0", "OPTIONS"],
    ["BYE sips:4155550123@pbx.example.com", "BYE"],
  ])("%s is a %s request line", (q, method) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.suggestions).toEqual([]);
    expect(r.classEntry).toBeNull();
    expect(r.parsed).toMatchObject({ type: "header", header: method, request: true });
    expect(r.note).toContain(
      `a SIP ${method} request line, not a code — paste the response to it, or the whole trace`,
    );
    expect(r.note).not.toMatch(/No SIP entry|Q\.850|SIP codes run/);
  });
});

describe("a pasted header names the header", () => {
  it.each([
    ["User-Agent: FreeSWITCH", "User-Agent", /software of the client/],
    ["Server: CarrierSBC/4.2", "Server", /software of the server/],
    ["From: <sip:+14155550123@carrier.net>;tag=a1", "From", /caller's address/],
    ["From: <sip:+14155550123@carrier.net>;tag=a1 486 Busy Here", "From", /caller's address/],
    ["To: <sip:1001@10.0.0.5>", "To", /called party's address/],
    ["Call-ID: 7654321098@10.0.0.1", "Call-ID", /ties the messages of one call/],
    ["Contact: <sip:%2B14155550123@10.0.0.1>", "Contact", /reached directly/],
    ["Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776", "Via", /hop the request passed/],
    ["Route: <sip:10.0.0.9:5060;lr>", "Route", /proxies the request must pass/],
    ["Record-Route: <sip:10.0.0.9;lr>", "Record-Route", /stay on the path/],
    ["Allow: INVITE, ACK, CANCEL, BYE, OPTIONS", "Allow", /methods/],
    ["Supported: 100rel, timer", "Supported", /extensions the sender supports/],
    ["Content-Type: application/sdp", "Content-Type", /type of the message body/],
  ])("%s is the %s header", (q, header, says) => {
    const r = ask(q);
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.parsed).toMatchObject({ type: "header", header });
    expect(r.note).toContain("is a SIP header, not a code");
    expect(r.note).toMatch(says);
    expect(cardsToText(explainCards(r))).toMatch(says);
  });
});

describe("a Warning header's warn-code is no response", () => {
  it("reads 305 as the warn-code Incompatible media format and points at 488 and 606", () => {
    const r = ask('Warning: 305 10.0.0.1 "Incompatible media format"');
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.classEntry).toBeNull();
    expect(r.parsed).toMatchObject({ type: "header", header: "Warning" });
    expect(r.note).toContain("SIP Warning header (RFC 3261 §20.43), not a response code");
    expect(r.note).toContain('warn-code 305 is "Incompatible media format"');
    expect(r.suggestions.map((e) => e.id)).toEqual(["sip/488", "sip/606"]);
  });

  it("reads 399 as a miscellaneous warning whose text is the explanation", () => {
    const r = ask('Warning: 399 sip.carrier.net "Calling number not provisioned"');
    expect(r.kind).toBe("unknown");
    expect(r.results).toEqual([]);
    expect(r.note).toContain(
      'warn-code 399 is "Miscellaneous warning": the text is the explanation: "Calling number not provisioned"',
    );
    expect(r.note).not.toMatch(/not a registered response code|300 Multiple Choices/);
    // The title quotes the question with every quote closed.
    const title = explainCards(r)[0]?.title ?? "";
    expect(title.split('"').length % 2).toBe(1);
    expect(title).toBe('No entry for "Warning: 399 sip.carrier.net "Calling number not…""');
  });
});
