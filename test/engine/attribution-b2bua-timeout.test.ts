// An SBC (a B2BUA: each leg has its own Call-ID) received an INVITE, passed its own copy to a carrier
// that never answered, and answered the caller with a 408: the carrier is the failing component, and
// the SBC only reported the timeout. A 408 on an unrelated call stays the SBC's own.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const block = (stamp: string, where: string, lines: string[]) =>
  [`Mar  5 03:${stamp} On ${where}`, ...lines, "", "----------------------------------------"].join("\n");

const message = (first: string, via: string, callId: string, cseq: number) => [
  first,
  `Via: SIP/2.0/UDP ${via};branch=z9hG4bK-${callId}`,
  "From: <sip:2001@pbx.example.net>;tag=a1",
  "To: <sip:2002@carrier.example.net>",
  `Call-ID: ${callId}`,
  `CSeq: ${cseq} INVITE`,
  "Content-Length: 0",
];

/** The caller's INVITE, the SBC's three unanswered copies, then the 408 back to the caller. */
function sbcLog(receivedCallId: string, answeredCallId: string, receivedAt = "20:01.123"): string {
  const copies = ["20:01.125", "20:01.625", "20:02.625"].map((t) =>
    block(
      t,
      "[0:0]203.0.113.50:5060 sent to 203.0.113.99:5060",
      message("INVITE sip:2002@203.0.113.99:5060 SIP/2.0", "203.0.113.50:5060", "carrier-leg-7", 1),
    ),
  );
  return [
    block(
      receivedAt,
      "[1:0]198.51.100.5:5060 received from 10.20.30.40:5060",
      message("INVITE sip:2002@198.51.100.5:5060 SIP/2.0", "10.20.30.40:5060", receivedCallId, 2),
    ),
    ...copies,
    block(
      "20:04.126",
      "[1:0]198.51.100.5:5060 sent to 10.20.30.40:5060",
      message("SIP/2.0 408 Request Timeout", "10.20.30.40:5060", answeredCallId, 2),
    ),
  ].join("\n");
}

describe("a B2BUA's 408 for a request whose own copy went unanswered", () => {
  it("names the carrier that never answered the copy, not the SBC that reported it", () => {
    const a = run(sbcLog("pbx-leg-1", "pbx-leg-1"));
    expect(a.firstFailure).toMatchObject({ code: 408 });
    expect(a.failingComponent).toMatch(
      /^203\.0\.113\.99:5060, which never answered the INVITE on line \d+ \(/,
    );
    expect(a.failingComponent).toContain(
      "the 408 came 3.0 s after the first copy, before Timer B's 32 s: a transaction timeout set shorter than the default",
    );
    expect(a.failingComponent).toContain("the system that wrote this log generated the 408 itself after it");
    // The silence is the failure itself now, not an earlier one.
    expect(a.summary).not.toContain("earlier failure");
  });

  it("keeps the SBC as the sender when the 408 answers another call", () => {
    const a = run(sbcLog("pbx-leg-1", "pbx-leg-9"));
    expect(a.failingComponent).toMatch(/^the system that wrote this log, which sent the 408/);
    // The silent copy was passed on for pbx-leg-1: another call's failure, not this 408's cause.
    expect(a.summary).not.toContain("earlier failure");
  });

  it("does not tie the legs when the copy left long after the request came in", () => {
    const a = run(sbcLog("pbx-leg-1", "pbx-leg-1", "19:55.000"));
    expect(a.failingComponent).toMatch(/^the system that wrote this log, which sent the 408/);
  });
});
