// A carrier's failure and a failure CUBE sent its caller in the same second are one relayed failure
// only when the calls' requests came in that order: a caller whose INVITE reached CUBE after the
// outbound leg had failed placed another call, and that call's own failure (cause 34) stands.
import { describe, expect, it } from "vitest";
import { relayedLegs } from "../../src/engine/b2bua-relay.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { CUBE_488_RELAYED, cubeAt } from "../helpers/cube-trace.js";

const msg = cubeAt;

const OUT = "9F1E2D3C-11EE-0001@198.51.100.5";
const outLeg = (ms: string, marker: string, first: string) =>
  msg(ms, "5A1B2C3D0001", marker, first, [
    "Via: SIP/2.0/UDP 198.51.100.5:5060;branch=z9hG4bK1A2B3",
    "From: <sip:+14085550100@198.51.100.5>;tag=CUBE-1",
    "To: <sip:+14155550199@sip.carrier.example.net>",
    `Call-ID: ${OUT}`,
    `CSeq: 101 ${first.startsWith("ACK") ? "ACK" : "INVITE"}`,
  ]);
// The caller's leg shows the outbound leg's GUID and number: only the order of the requests tells.
const inLeg = (ms: string, marker: string, first: string, extra: string[] = []) =>
  msg(ms, "5A1B2C3D0001", marker, first, [
    "Via: SIP/2.0/UDP 10.1.1.20:5060;branch=z9hG4bK-pbx-0002",
    'From: "Alice" <sip:2001@10.1.1.20>;tag=pbx-tag-2',
    "To: <sip:+16505550123@10.1.1.5>",
    "Call-ID: other-55aa@10.1.1.20",
    "CSeq: 1 INVITE",
    ...extra,
  ]);

const CARRIER_488 = [
  outLeg("150", "Sent:", "INVITE sip:+14155550199@sip.carrier.example.net:5060 SIP/2.0"),
  outLeg("400", "Received:", "SIP/2.0 488 Not Acceptable Media"),
  outLeg("420", "Sent:", "ACK sip:+14155550199@sip.carrier.example.net:5060 SIP/2.0"),
];
const CALLER_INVITE = (ms: string) => inLeg(ms, "Received:", "INVITE sip:+14155550199@10.1.1.5:5060 SIP/2.0");
const CALLER_503 = inLeg("450", "Sent:", "SIP/2.0 503 Service Unavailable", ["Reason: Q.850;cause=34"]);

const notes = (log: string) => {
  const scan = scanText(catalog(), log);
  const failing = scan.findings.filter((f) => f.code >= 300 || f.namespace !== "sip");
  const legs = relayedLegs(failing, failing[0] ?? null, scan.events);
  return { said: legs.notes((f) => `${f.namespace} ${f.code}`).join(" "), legs, failing };
};

describe("a failure CUBE sent its caller just after a carrier's 488 on another call", () => {
  it("is not the 488 relayed when the caller's INVITE arrived after the 488", () => {
    const { said, legs, failing } = notes([...CARRIER_488, CALLER_INVITE("410"), CALLER_503].join("\n"));
    expect(said).not.toContain("relayed across");
    // The 503 and its cause 34 remain failures of their own: their checks still apply.
    expect(legs.own.map((f) => `${f.namespace} ${f.code}`)).toEqual(["sip 488", "sip 503", "q850 34"]);
    expect(legs.own).toHaveLength(failing.length);
  });

  it("is not the 488 relayed when the caller's INVITE came after CUBE's outbound INVITE", () => {
    const log = [CARRIER_488[0], CALLER_INVITE("160"), CARRIER_488[1], CALLER_503].join("\n");
    expect(notes(log).said).not.toContain("relayed across");
  });

  it("is the 488 relayed when the caller's INVITE came first", () => {
    const log = [CALLER_INVITE("100"), ...CARRIER_488, CALLER_503].join("\n");
    expect(notes(log).said).toContain("one failure, relayed across its legs");
  });

  it("links the one outbound call that came after the caller's INVITE, not an earlier one", () => {
    // Another outbound call, sent before this caller's INVITE arrived, was refused just before.
    const earlier = (ms: string, marker: string, first: string) =>
      outLeg(ms, marker, first)
        .replace(OUT, "EARLIER-0000@198.51.100.5")
        .replace("5A1B2C3D0001", "11110000AAAA");
    const log = [
      earlier("050", "Sent:", "INVITE sip:+14155550111@sip.carrier.example.net:5060 SIP/2.0"),
      CALLER_INVITE("100"),
      ...CARRIER_488.slice(0, 1),
      earlier("390", "Received:", "SIP/2.0 486 Busy Here"),
      ...CARRIER_488.slice(1),
      CALLER_503,
    ].join("\n");
    expect(notes(log).said).toContain("sip 488 (line");
    expect(notes(log).said).not.toContain("sip 486");
  });

  it("still links CUBE's relayed 503 whose caller's INVITE came in first", () => {
    const scan = scanText(catalog(), CUBE_488_RELAYED);
    const failing = scan.findings.filter((f) => f.code >= 300 || f.namespace !== "sip");
    expect(relayedLegs(failing, null, scan.events).notes((f) => String(f.code))).toHaveLength(1);
  });
});
