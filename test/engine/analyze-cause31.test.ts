// Q.850 cause 31 "Normal, unspecified" clears an answered call normally, but a gateway also gives it
// to a call it failed for want of a better cause: before any answer, the call failed.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("cause 31 on a call that never connected", () => {
  it("is the first failure of an ISDN call cleared before CONNECT", () => {
    const a = run(
      [
        "Apr  2 09:10:01.100: ISDN Se0/1/0:23 Q931: TX -> SETUP pd = 8  callref = 0x0044",
        "Apr  2 09:10:01.220: ISDN Se0/1/0:23 Q931: RX <- CALL_PROC pd = 8  callref = 0x8044",
        "Apr  2 09:10:02.500: ISDN Se0/1/0:23 Q931: RX <- DISCONNECT pd = 8  callref = 0x8044",
        "        Cause i = 0x829F - Normal, unspecified",
        "Apr  2 09:10:04.000: ISDN Se0/1/0:23 Q931: RX <- DISCONNECT pd = 8  callref = 0x8045",
        "        Cause i = 0x82A2 - No circuit/channel available",
      ].join("\n"),
    );
    expect(a.firstFailure?.namespace).toBe("q850");
    expect(a.firstFailure?.code).toBe(31);
  });

  it("is a failure in a response's Reason header", () => {
    const a = run(
      [
        "SIP/2.0 480 Temporarily Unavailable",
        "Via: SIP/2.0/UDP 10.20.0.1:5060;branch=z9hG4bK77",
        "Call-ID: c31-a@10.20.0.1",
        "CSeq: 1 INVITE",
        "Reason: Q.850;cause=31",
        "Content-Length: 0",
      ].join("\n"),
    );
    expect(a.timeline.find((r) => r.label.includes("cause 31"))?.failure).toBe(true);
  });
});

describe("cause 31 clearing an answered call", () => {
  it("stays normal traffic after the call's 200 OK", () => {
    const a = run(
      [
        "SIP/2.0 200 OK",
        "Via: SIP/2.0/UDP 10.20.0.1:5060;branch=z9hG4bK78",
        "Call-ID: c31-b@10.20.0.1",
        "CSeq: 1 INVITE",
        "Content-Length: 0",
        "",
        "BYE sip:2001@10.20.0.1 SIP/2.0",
        "Via: SIP/2.0/UDP 10.20.0.9:5060;branch=z9hG4bK79",
        "Call-ID: c31-b@10.20.0.1",
        "CSeq: 2 BYE",
        'Reason: Q.850;cause=31;text="Normal, unspecified"',
        "Content-Length: 0",
      ].join("\n"),
    );
    expect(a.firstFailure).toBeNull();
  });
});
