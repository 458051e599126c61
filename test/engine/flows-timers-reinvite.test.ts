// Each side of a dialog numbers its own requests (RFC 3261 §12.2.1.1), so a re-INVITE the callee
// sends may carry a CSeq below the call's INVITE. Any other INVITE transaction after the 2xx, in
// either direction, is a re-INVITE.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const PBX = "10.0.0.30:5060";
const PHONE = "203.0.113.40:5060";
const packet = capture("2024/03/05", ["Call-ID: reinv-1@10.0.0.30"]);
const setup = [
  packet("02:40:00.000000", PBX, PHONE, "INVITE sip:3001@203.0.113.40 SIP/2.0", ["CSeq: 10 INVITE"]),
  packet("02:40:03.000000", PHONE, PBX, "SIP/2.0 200 OK", ["CSeq: 10 INVITE", "Server: 3CXPhoneSystem 18.0"]),
  packet("02:40:03.001000", PBX, PHONE, "ACK sip:3001@203.0.113.40:5060 SIP/2.0", ["CSeq: 10 ACK"]),
];

describe("a re-INVITE the callee sent", () => {
  const log = [
    ...setup,
    packet("02:41:00.000000", PHONE, PBX, "INVITE sip:asterisk@10.0.0.30:5060 SIP/2.0", ["CSeq: 2 INVITE"]),
    packet("02:41:00.030000", PBX, PHONE, "SIP/2.0 488 Not Acceptable Here", [
      "CSeq: 2 INVITE",
      "Server: Asterisk PBX 20.5.2",
    ]),
  ].join("\n");

  it("is a re-INVITE even with a CSeq below the call's INVITE", () => {
    const a = run(log);
    expect(a.firstFailure?.code).toBe(488);
    expect(a.firstFailure?.method).toBe("re-INVITE");
  });

  it("names the side the re-INVITE went to, not the called UA", () => {
    const a = run(log);
    expect(a.failingComponent).toContain("10.0.0.30:5060 (Asterisk PBX 20.5.2)");
    expect(a.failingComponent).toContain("The UA the re-INVITE went to");
    expect(a.failingComponent).not.toContain("called UA");
  });

  it("leaves a resent 200 OK of the call's own INVITE alone", () => {
    const again = packet("02:40:03.500000", PHONE, PBX, "SIP/2.0 200 OK", ["CSeq: 10 INVITE"]);
    const a = run([...setup, again].join("\n"));
    expect(a.timeline.find((r) => r.label.includes("200 OK"))?.methods).toEqual(["INVITE"]);
  });
});
