// FreeSWITCH's CODEC NEGOTIATION ERROR on a leg it placed (the far end's answer fit nothing it
// offered) and on calls whose lines carry the session UUID: which channel the refusal belongs to,
// what to compare, and the lines of one failed bridge counted once.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-03-05 03:20:${time} [${level}] ${text}`;
const answer = (host: string) => [
  "v=0",
  `c=IN IP4 ${host}`,
  "m=audio 20000 RTP/AVP 18",
  "a=rtpmap:18 G729/8000",
  "",
];
const codec = (time: string) => at(time, "ERR", "sofia.c:7532 CODEC NEGOTIATION ERROR.  SDP:");

describe("a carrier's SDP answer FreeSWITCH accepted nothing in", () => {
  const bridge = [
    at(
      "00.901234",
      "NOTICE",
      "switch_channel.c:1118 New Channel sofia/gateway/carrier_a/+14155550123 [cccc3333-0003-4000-8000-000000000003]",
    ),
    codec("01.121234"),
    ...answer("198.51.100.20"),
    at(
      "01.122234",
      "NOTICE",
      "sofia.c:1065 Hangup sofia/gateway/carrier_a/+14155550123 [CS_CONSUME_MEDIA] [INCOMPATIBLE_DESTINATION]",
    ),
    at(
      "01.122534",
      "INFO",
      "switch_ivr_originate.c:3837 Originate Resulted in Error Cause: 88 [INCOMPATIBLE_DESTINATION]",
    ),
  ];

  it("names the gateway and its outbound codec settings, not inbound-codec-prefs or a 488", () => {
    const a = run(bridge);
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a: the carrier's SDP answer/);
    expect(a.failingComponent).toMatch(/outbound-codec-prefs/);
    expect(a.failingComponent).toMatch(/absolute_codec_string on the bridge/);
    expect(a.failingComponent).not.toMatch(/inbound-codec-prefs|answers 488/);
  });

  it("counts the codec line, the leg's hang-up and the originate's summary as one failed bridge", () => {
    const a = run(bridge);
    expect(a.counts.findings).toBe(1);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 88 });
  });

  it("leaves ISDN and received-call checks out of a SIP leg this FreeSWITCH placed", () => {
    const text = run(bridge).checklist.join("\n");
    expect(text).not.toMatch(/On ISDN/);
    expect(text).not.toMatch(/For a call you receive/);
  });

  it("is one failed bridge when only the originate's summary follows the codec line", () => {
    const a = run([bridge[0] as string, ...bridge.slice(1, 7), bridge[8] as string]);
    expect(a.counts.findings).toBe(1);
  });

  it("on a leg to a registered phone, names the phone's answer and outbound settings", () => {
    const a = run([
      codec("01.121234"),
      ...answer("10.10.20.31"),
      at(
        "01.122234",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/internal/sip:1001@10.10.20.31:5060 [CS_CONSUME_MEDIA] [INCOMPATIBLE_DESTINATION]",
      ),
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.failingComponent).toMatch(/against 10\.10\.20\.31: the SDP answer .*outbound-codec-prefs/);
  });

  it("leaves a gateway leg's cause 88 with no codec line to the carrier, as before", () => {
    const a = run(bridge.slice(-2));
    expect(a.failingComponent ?? "").not.toMatch(/CODEC NEGOTIATION ERROR/);
  });
});

describe("a CODEC NEGOTIATION ERROR on lines that carry the session UUID", () => {
  const aaaa = "aaaa1111-0001-4000-8000-000000000001";
  const bbbb = "bbbb2222-0002-4000-8000-000000000002";
  const newChannel = (uuid: string, time: string, channel: string) =>
    `${uuid} ${at(time, "NOTICE", `switch_channel.c:1142 New Channel ${channel} [${uuid}]`)}`;

  it("says which call it was from its session's New Channel line when no hang-up follows", () => {
    const received = run([
      newChannel(aaaa, "01.101234", "sofia/external/+14155550123@203.0.113.5"),
      `${aaaa} ${codec("01.121234")}`,
      ...answer("203.0.113.5"),
    ]);
    expect(received.failingComponent).toMatch(
      /SDP offer of the call received on sofia profile external from 203\.0\.113\.5/,
    );
    expect(JSON.stringify(received)).not.toContain("14155550123");
    const placed = run([
      newChannel(bbbb, "01.101234", "sofia/gateway/carrier_a/+14155550123"),
      `${bbbb} ${codec("01.121234")}`,
      ...answer("198.51.100.20"),
    ]);
    expect(placed.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a: the carrier's SDP answer/);
    // Another session's New Channel line says nothing about this one.
    const other = run([
      newChannel(bbbb, "01.101234", "sofia/gateway/carrier_a/+1415"),
      `${aaaa} ${codec("01.121234")}`,
    ]);
    expect(other.failingComponent).toMatch(/an SDP offer or answer/);
  });

  it("belongs to the hang-up with its UUID, even with another call's hang-up between them", () => {
    const a = run([
      `${aaaa} ${codec("01.121234")}`,
      ...answer("203.0.113.5"),
      `${bbbb} ${at("01.122234", "NOTICE", "sofia.c:1065 Hangup sofia/external/+14155550199@198.51.100.7 [CS_NEW] [INCOMPATIBLE_DESTINATION]")}`,
      `${aaaa} ${at("01.122534", "NOTICE", "sofia.c:1065 Hangup sofia/external/+14155550123@203.0.113.5 [CS_NEW] [INCOMPATIBLE_DESTINATION]")}`,
    ]);
    // Two refused calls: the codec line's, and the other one's hang-up.
    expect(a.counts.findings).toBe(2);
    expect(a.failingComponent).toMatch(/received on sofia profile external from 203\.0\.113\.5/);
  });

  it("is still tied to the nearest CS_NEW hang-up when the lines carry no UUID", () => {
    const a = run([
      codec("01.121234"),
      ...answer("203.0.113.5"),
      at(
        "01.122534",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/external/+14155550123@203.0.113.5 [CS_NEW] [INCOMPATIBLE_DESTINATION]",
      ),
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.failingComponent).toMatch(/from 203\.0\.113\.5/);
  });
});

describe("where a CODEC NEGOTIATION ERROR is cited", () => {
  it("is the codec line, with its own time, when the leg's hang-up follows the SDP", () => {
    const a = run([
      at("01.121234", "ERR", "sofia.c:7532 CODEC NEGOTIATION ERROR.  SDP:"),
      ...answer("198.51.100.20"),
      at(
        "01.122234",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/gateway/carrier_a/+14155550123 [CS_CONSUME_MEDIA] [INCOMPATIBLE_DESTINATION]",
      ),
    ]);
    expect(a.firstFailure).toMatchObject({ line: 1, timestamp: "2024-03-05 03:20:01.121234" });
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a:/);
    expect(a.summary).toMatch(/on line 1 \(2024-03-05 03:20:01\.121234\)/);
  });
});
