// Asterisk's own line about an inbound call it refused ("rejected because extension not found in
// context 'from-pstn'") says why it answered 404: its dialplan context has no match for the number as
// it arrived. Alone, that line names the context; pasted with an SBC trace that shows the 404 leaving
// Asterisk, it is the same failure, and its context and number lead the explanation.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const PBX =
  "[Mar  5 03:20:01] NOTICE[4121] res_pjsip_session.c: Call from 'sbc-in' (UDP:10.0.0.1:5060) to extension '442079460958' rejected because extension not found in context 'from-pstn'.";
const TRACE = [
  "Mar  5 03:20:01.110 On [1:0]10.0.0.1:5060 sent to 10.0.0.5:5060",
  "INVITE sip:442079460958@10.0.0.5:5060 SIP/2.0",
  "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-sbc-1",
  "From: <sip:+14155550123@10.0.0.1>;tag=s222",
  "To: <sip:442079460958@10.0.0.5>",
  "Call-ID: sbc-leg-0001@10.0.0.1",
  "CSeq: 1 INVITE",
  "Content-Length: 0",
  "",
  "----------------------------------------",
  "Mar  5 03:20:01.130 On [1:0]10.0.0.1:5060 received from 10.0.0.5:5060",
  "SIP/2.0 404 Not Found",
  "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-sbc-1",
  "From: <sip:+14155550123@10.0.0.1>;tag=s222",
  "To: <sip:442079460958@10.0.0.5>;tag=ast999",
  "Call-ID: sbc-leg-0001@10.0.0.1",
  "CSeq: 1 INVITE",
  "Server: Asterisk PBX 20.5.0",
  "Content-Length: 0",
  "",
  "----------------------------------------",
];

describe("Asterisk's 404 for an extension not found in its context", () => {
  it("alone, names this Asterisk's dialplan context and leads with dialplan show", () => {
    const a = run([PBX]);
    expect(a.failingComponent).toMatch(/^This Asterisk's own dialplan: .*context 'from-pstn'/);
    expect(a.checklist[0]).toMatch(/dialplan show 442\S*@from-pstn/);
    expect(a.checklist[1]).toContain("without a leading +");
  });

  it("with the SBC's trace of that 404, is one failure explained by Asterisk's line", () => {
    const a = run([...TRACE, PBX]);
    const rows = a.timeline.filter((r) => r.id === "sip/404" && r.failure);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.firstLine).toBe(12);
    expect(a.firstFailure).toMatchObject({ code: 404, line: 12 });
    expect(a.failingComponent).toContain("Asterisk's own log says why (line 22)");
    expect(a.failingComponent).toContain("context 'from-pstn'");
    expect(a.checklist[0]).toMatch(/dialplan show 442\S*@from-pstn/);
  });

  it("leaves a 404 from another server apart from Asterisk's line", () => {
    const other = TRACE.map((l) => l.replace("Server: Asterisk PBX 20.5.0", "Server: Kamailio (5.7.4)"));
    const a = run([...other, PBX]);
    expect(a.timeline.filter((r) => r.id === "sip/404" && r.failure)).toHaveLength(2);
    expect(a.failingComponent).not.toContain("says why");
  });
});
