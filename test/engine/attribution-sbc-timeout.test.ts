// An SBC that got an INVITE from a PBX, passed copies of it to a carrier that never answered, and sent
// the PBX a 408 after Timer B: the carrier is the failing component, with the INVITE sent to it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("an SBC whose copies of the INVITE to the carrier went unanswered", () => {
  const block = (stamp: string, where: string, lines: string[]) =>
    [`Apr  2 08:01:${stamp} On ${where}`, ...lines, "", "----------------------------------------"].join(
      "\n",
    );
  const invite = (ruri: string, via: string, callId: string) => [
    `INVITE sip:2002@${ruri} SIP/2.0`,
    `Via: SIP/2.0/UDP ${via};branch=z9hG4bK-${callId}`,
    "From: <sip:2001@pbx.example.net>;tag=a1",
    "To: <sip:2002@pbx.example.net>",
    `Call-ID: ${callId}`,
    "CSeq: 1 INVITE",
    "Content-Length: 0",
  ];
  const copies = ["10.100", "10.600", "11.600", "13.600", "17.600", "25.600"].map((t) =>
    block(
      t,
      "[1:0]198.51.100.1:5060 sent to 203.0.113.40:5060",
      invite("203.0.113.40", "198.51.100.1:5060", "sbc-leg-2"),
    ),
  );
  const log = [
    block(
      "10.000",
      "[0:0]10.20.0.1:5060 received from 10.20.0.8:5060",
      invite("10.20.0.1", "10.20.0.8:5060", "pbx-leg-1"),
    ),
    ...copies,
    block("42.010", "[0:0]10.20.0.1:5060 sent to 10.20.0.8:5060", [
      "SIP/2.0 408 Request Timeout",
      "Via: SIP/2.0/UDP 10.20.0.8:5060;branch=z9hG4bK-pbx-leg-1",
      "From: <sip:2001@pbx.example.net>;tag=a1",
      "To: <sip:2002@pbx.example.net>;tag=s9",
      "Call-ID: pbx-leg-1",
      "CSeq: 1 INVITE",
      "Content-Length: 0",
    ]),
  ].join("\n");

  it("names the carrier and the INVITE sent to it as the failing component", () => {
    const a = run(log);
    expect(a.failingComponent).toMatch(/^203\.0\.113\.40:5060, which never answered the INVITE on line 12\b/);
    expect(a.failingComponent).not.toContain("does not say where");
  });
});
