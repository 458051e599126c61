// Two calls through Cisco CUBE that fail in the same second are told apart by what the log shows of
// each: CUBE prints one GUID on both legs of a call, and both legs dial the same number (give or
// take CUBE's digit manipulation). Another GUID, or with none another number, is another call.
import { describe, expect, it } from "vitest";
import { relayedLegs } from "../../src/engine/b2bua-relay.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { cubeAt } from "../helpers/cube-trace.js";

const msg = cubeAt;

const OUT = "9F1E2D3C-11EE-0001@198.51.100.5";
const outLeg = (guid: string, ms: string, marker: string, first: string, extra: string[] = []) =>
  msg(ms, guid, marker, first, [
    "Via: SIP/2.0/UDP 198.51.100.5:5060;branch=z9hG4bK1A2B3",
    "From: <sip:+14085550100@198.51.100.5>;tag=CUBE-1",
    "To: <sip:+14155550199@sip.carrier.example.net>",
    `Call-ID: ${OUT}`,
    `CSeq: 101 ${first.startsWith("ACK") ? "ACK" : "INVITE"}`,
    ...extra,
  ]);
const inLeg = (guid: string, ms: string, marker: string, first: string, extra: string[] = []) =>
  msg(ms, guid, marker, first, [
    "Via: SIP/2.0/UDP 10.1.1.20:5060;branch=z9hG4bK-pbx-0001",
    'From: "Alice" <sip:2001@10.1.1.20>;tag=pbx-tag-1',
    "To: <sip:+16505550123@10.1.1.5>",
    "Call-ID: inleg-7f3a9c@10.1.1.20",
    "CSeq: 1 INVITE",
    ...extra,
  ]);

/** The caller dials `inNumber` (GUID `inGuid`), CUBE dials `outNumber` (GUID `outGuid`) on the
 *  outbound leg, the carrier refuses it with a 488 and CUBE answers the caller 503 cause 65. */
const calls = (o: {
  inGuid: string;
  outGuid: string;
  inNumber: string;
  outNumber: string;
  inExtra?: string[];
  outExtra?: string[];
}) =>
  [
    inLeg(o.inGuid, "100", "Received:", `INVITE sip:${o.inNumber}@10.1.1.5:5060 SIP/2.0`, o.inExtra),
    outLeg(
      o.outGuid,
      "150",
      "Sent:",
      `INVITE sip:${o.outNumber}@sip.carrier.example.net:5060 SIP/2.0`,
      o.outExtra,
    ),
    outLeg(o.outGuid, "400", "Received:", "SIP/2.0 488 Not Acceptable Media"),
    outLeg(o.outGuid, "420", "Sent:", `ACK sip:${o.outNumber}@sip.carrier.example.net:5060 SIP/2.0`),
    inLeg(o.inGuid, "450", "Sent:", "SIP/2.0 503 Service Unavailable", ["Reason: Q.850;cause=65"]),
  ].join("\n");

const read = (log: string) => {
  const scan = scanText(catalog(), log);
  const failing = scan.findings.filter((f) => f.code >= 300 || f.namespace !== "sip");
  const legs = relayedLegs(failing, failing[0] ?? null, scan.events);
  return {
    said: legs.notes((f) => `${f.namespace} ${f.code}`).join(" "),
    own: legs.own.map((f) => `${f.namespace} ${f.code}`),
  };
};

describe("CUBE's GUID and the dialled number in the relay of a failure across its legs", () => {
  it("does not link two calls whose CUBE GUIDs differ: each failure keeps its own checks", () => {
    const { said, own } = read(
      calls({
        inGuid: "7C7C7C7C0002",
        outGuid: "5A1B2C3D0001",
        inNumber: "+16505550123",
        outNumber: "+14155550199",
      }),
    );
    expect(said).not.toContain("relayed across");
    expect(own).toEqual(["sip 488", "sip 503", "q850 65"]);
  });

  it("does not link two calls that dialled different numbers when CUBE printed no GUID", () => {
    const { said, own } = read(
      calls({ inGuid: "x", outGuid: "x", inNumber: "+16505550123", outNumber: "+14155550199" }),
    );
    expect(said).not.toContain("relayed across");
    expect(own).toEqual(["sip 488", "sip 503", "q850 65"]);
  });

  it("does not link two calls whose Cisco-Guid headers differ", () => {
    const { said } = read(
      calls({
        inGuid: "x",
        outGuid: "x",
        inNumber: "+442079460958",
        outNumber: "+442079460958",
        inExtra: ["Cisco-Guid: 3659524871-1844515286-2148452871-566800187"],
        outExtra: ["Cisco-Guid: 1111111111-2222222222-3333333333-444444444"],
      }),
    );
    expect(said).not.toContain("relayed across");
  });

  it("parts two calls to one number whose Cisco-Guid headers differ though only the outbound leg shows a debug GUID", () => {
    // CUBE prints a received first INVITE as "//-1/xxxxxxxxxxxx/": the caller's leg has only its header.
    const { said, own } = read(
      calls({
        inGuid: "x",
        outGuid: "423A4F018001",
        inNumber: "+18005550199",
        outNumber: "+18005550199",
        inExtra: ["Cisco-Guid: 2222222222-0000065536-0000000102-0168430092"],
        outExtra: ["Cisco-Guid: 1111111111-0000065536-0000000101-0168430091"],
      }),
    );
    expect(said).not.toContain("relayed across");
    expect(own).toEqual(["sip 488", "sip 503", "q850 65"]);
  });

  it("links one call whose outbound leg shows a debug GUID and the caller's Cisco-Guid header", () => {
    const guid = ["Cisco-Guid: 1111111111-0000065536-0000000101-0168430091"];
    const { said } = read(
      calls({
        inGuid: "x",
        outGuid: "423A4F018001",
        inNumber: "+18005550199",
        outNumber: "+18005550199",
        inExtra: guid,
        outExtra: guid,
      }),
    );
    expect(said).toContain("relayed across its legs");
  });

  it("links one call whose GUID both legs share though CUBE rewrote the number dialled", () => {
    const { said, own } = read(
      calls({
        inGuid: "5A1B2C3D0001",
        outGuid: "5A1B2C3D0001",
        inNumber: "+442079460958",
        outNumber: "0044207946",
      }),
    );
    // Even a number rewritten past a 7-digit match does not part legs that share a GUID.
    expect(said).toContain("relayed across its legs, which started with the 488");
    expect(own).toEqual(["sip 488"]);
  });

  it("links one call dialled as +44… on one leg and 0044… on the other when no GUID shows", () => {
    const { said } = read(
      calls({ inGuid: "x", outGuid: "x", inNumber: "+442079460958", outNumber: "00442079460958" }),
    );
    expect(said).toContain("relayed across its legs");
  });

  it("links a forwarded call whose outbound INVITE says so, though it dials another number", () => {
    const { said } = read(
      calls({
        inGuid: "x",
        outGuid: "x",
        inNumber: "+16505550123",
        outNumber: "+14155550199",
        outExtra: ["Diversion: <sip:+16505550123@10.1.1.5>;reason=unconditional"],
      }),
    );
    expect(said).toContain("relayed across its legs");
  });

  it("links one call whose legs carry the same Cisco-Guid header", () => {
    const guid = ["Cisco-Guid: 3659524871-1844515286-2148452871-566800187"];
    const { said } = read(
      calls({
        inGuid: "x",
        outGuid: "x",
        inNumber: "2001",
        outNumber: "+14155550199",
        inExtra: guid,
        outExtra: guid,
      }),
    );
    expect(said).toContain("relayed across its legs");
  });

  it("never shows the dialled numbers it compared unmasked", () => {
    const scan = scanText(
      catalog(),
      calls({ inGuid: "x", outGuid: "x", inNumber: "+442079460958", outNumber: "00442079460958" }),
    );
    const shown = JSON.stringify(scan.findings);
    expect(shown).not.toContain("2079460958");
  });
});
