// Who answered the first failure: a response's top Via names the requester, not the failing box.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { sipHeaders } from "../../src/engine/scan/context.js";
import { type Finding, type ScanOutput, scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const TRACE_503 = `2024-05-02 10:00:00.100 U 10.0.0.9:5060 -> 10.0.0.5:5060
SIP/2.0 503 Service Unavailable
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1
CSeq: 1 INVITE
Call-ID: abc@10.0.0.5

`;

/** One finding as the scanner would report it, analysed on its own. */
function analyzeOne(f: Partial<Finding>) {
  const finding: Finding = {
    namespace: "sip",
    code: 503,
    subcode: null,
    id: "sip/503",
    line: 1,
    text: "SIP/2.0 503 Service Unavailable",
    confidence: 0.99,
    detector: "sip-status",
    ...f,
  };
  const scan: ScanOutput = { findings: [finding], events: [], omitted: 0, folded: [], lines: 1, bytes: 1 };
  return analyze(catalog(), scan);
}

describe("likely failing component of a response", () => {
  it("does not blame the top Via: the packet line above names the side that answered", () => {
    const a = run(TRACE_503);
    expect(a.failingComponent).toMatch(/^10\.0\.0\.9:5060 — /);
  });

  it("with only the Via known, says the response went back toward the requester", () => {
    const a = run(
      TRACE_503.split("\n")
        .filter((l) => !l.includes("->"))
        .join("\n"),
    );
    expect(a.failingComponent).not.toMatch(/^10\.0\.0\.5/);
    expect(a.failingComponent).toContain("went back toward 10.0.0.5:5060, the requester");
  });

  it("names the host the response came from", () => {
    const a = run('Got SIP response 503 "Service Unavailable" back from 10.0.0.9:5060');
    expect(a.failingComponent).toMatch(/^10\.0\.0\.9:5060 — /);
  });

  it("names the sender of an ngrep-style packet line holding the response", () => {
    const a = run("U 10.0.0.9:5060 -> 10.0.0.5:5060 SIP/2.0 486 Busy Here");
    expect(a.failingComponent).toMatch(/^10\.0\.0\.9:5060 — /);
    expect(a.summary).toContain("from 10.0.0.9:5060");
  });

  it("names the Server header, and where the response went, in a SIPp abort", () => {
    const a =
      run(`Aborting call on unexpected message for Call-Id '7-1@10.0.0.5': while expecting '180' (index 2), received 'SIP/2.0 486 Busy Here
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-1;received=10.0.0.5
Call-ID: 7-1@10.0.0.5
CSeq: 1 INVITE
Server: Asterisk PBX 18.20.0
Content-Length: 0
`);
    expect(a.failingComponent).toMatch(/^Asterisk PBX 18\.20\.0 — /);
    expect(a.failingComponent).toContain("went back toward 10.0.0.5:5060");
  });

  it("points at the logging system when it sent the response to the requester", () => {
    const a = run("Jan 12 12:52:20 proxy kamailio[7]: sending reply 503 to 10.0.0.5:5060");
    expect(a.failingComponent).toContain("the system that wrote this log");
    expect(a.failingComponent).toContain("sent the 503 to 10.0.0.5:5060");
    expect(a.timeline[0]?.hosts).toEqual([]);
  });

  it("points at the logging system when its log shows it sending the response", () => {
    const a = run("SEND: SIP/2.0 603 Decline\nVia: SIP/2.0/UDP 47.99.185.209:47060\nCSeq: 1 INVITE\n");
    expect(a.failingComponent).toContain(
      "the system that wrote this log, which sent the 603 to 47.99.185.209:47060",
    );
  });

  it("points at the logging system for a 407 it generated itself", () => {
    const a = analyzeOne({
      code: 407,
      id: "sip/407",
      text: "proxy challenge generated locally",
      direction: "local",
      via: "10.0.0.5:5060",
    });
    expect(a.failingComponent).toContain("generated the 407 itself");
    expect(a.failingComponent).not.toContain("went back toward");
  });

  it("names the packet source when the finding carries it from the transport line", () => {
    const a = analyzeOne({ host: "10.0.0.9:5060", direction: "in", via: "10.0.0.5:5060" });
    expect(a.failingComponent).toMatch(/^10\.0\.0\.9:5060 — /);
  });

  it("reads the transport line above a status line", () => {
    const text = `10:54:00.181 pjsua_core.c .RX 702 bytes Response msg 407/INVITE/cseq=2 from UDP 10.0.0.9:5060:\n${TRACE_503}`;
    const le = text.indexOf("\n", text.indexOf("SIP/2.0 503"));
    expect(sipHeaders(text, le, 10)).toMatchObject({ host: "10.0.0.9:5060", direction: "in" });
    const sofia = `recv 512 bytes from udp/[10.0.0.9]:5060 at 10:00:00.1:\n   ------------------------------------------------------------------------\n   SIP/2.0 503 Service Unavailable\n   Via: SIP/2.0/UDP 10.0.0.5:5060\n\n`;
    const le2 = sofia.indexOf("\n", sofia.indexOf("SIP/2.0 503"));
    expect(sipHeaders(sofia, le2, 10)).toMatchObject({ host: "10.0.0.9:5060", direction: "in" });
    const none = "Content-Length: 0\n\nSIP/2.0 503 Service Unavailable\nVia: SIP/2.0/UDP 10.0.0.5\n\n";
    expect(sipHeaders(none, none.indexOf("\n", 20), 10).host).toBeUndefined();
  });
});
