// Legs FreeSWITCH refused itself before anything went out (INVALID_GATEWAY, GATEWAY_DOWN), a carrier's
// offer it accepted nothing in (CODEC NEGOTIATION ERROR), and one pasted PBX line with no code:
// the answer points at this FreeSWITCH's own settings, and never reads a stamp's digits as codes.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { gatewayLine } from "../../src/engine/gateway-lines.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const at = (time: string, level: string, text: string) => `2024-03-05 03:${time} [${level}] ${text}`;
const bridge = (gw: string) => [
  at(
    "05:00.100000",
    "NOTICE",
    "switch_channel.c:1118 New Channel sofia/internal/1001@10.10.20.31:5060 [b1b2]",
  ),
  at(
    "05:00.120000",
    "INFO",
    `switch_cpp.cpp:1466 EXECUTE [depth=0] sofia/internal/1001@10.10.20.31:5060 bridge(sofia/gateway/${gw}/+14155550199)`,
  ),
];

describe("a leg FreeSWITCH refused before sending anything", () => {
  it("reads INVALID_GATEWAY as a gateway missing from this FreeSWITCH, checked with sofia status", () => {
    const a = run([
      ...bridge("carrier3"),
      at("05:00.122000", "ERR", "mod_sofia.c:5093 Invalid Gateway 'carrier3'"),
      at(
        "05:00.122500",
        "NOTICE",
        "switch_ivr_originate.c:2901 Cannot create outgoing channel of type [sofia] cause: [INVALID_GATEWAY]",
      ),
      at(
        "05:00.130000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/internal/1001@10.10.20.31:5060 [CS_EXECUTE] [INVALID_GATEWAY]",
      ),
    ]);
    expect(a.failingComponent).toMatch(
      /^This FreeSWITCH's gateway configuration: .* not loaded on any running sofia profile/,
    );
    expect(a.checklist[0]).toMatch(/sofia status gateway NAME/);
    expect(a.checklist.join("\n")).not.toMatch(/Request-URI number is complete|overlap vs en-bloc/);
  });

  it("reads GATEWAY_DOWN as the gateway's failed pings, not as a 503 someone sent", () => {
    const a = run([
      ...bridge("carrier1"),
      at("05:00.121000", "WARNING", "mod_sofia.c:5087 Gateway 'carrier1' is down!"),
      at(
        "05:00.121500",
        "NOTICE",
        "switch_ivr_originate.c:2901 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]",
      ),
    ]);
    expect(a.failingComponent).toMatch(
      /marked DOWN after its OPTIONS pings failed, so it refused the leg itself/,
    );
    expect(a.checklist[0]).toMatch(/sofia status gateway NAME/);
    expect(a.checklist.join("\n")).not.toMatch(/Find who sent it|Retry-After/);
  });

  it("reads the gateway mod_sofia refused from its own line", () => {
    expect(gatewayLine("[ERR] mod_sofia.c:5093 Invalid Gateway 'carrier3'")).toEqual({
      kind: "refused",
      gw: "carrier3",
      why: "invalid",
    });
    expect(gatewayLine("[WARNING] mod_sofia.c:5087 Gateway 'carrier1' is down!")).toEqual({
      kind: "refused",
      gw: "carrier1",
      why: "down",
    });
  });

  it("keeps a real 503 from a carrier's gateway leg on its usual checks", () => {
    const a = run([
      at(
        "05:00.900000",
        "NOTICE",
        "sofia.c:8736 Hangup sofia/gateway/carrier1/14155550123 [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]",
      ),
    ]);
    expect(a.checklist.join("\n")).not.toMatch(/GATEWAY_DOWN|INVALID_GATEWAY/);
  });
});

describe("a carrier's offer FreeSWITCH accepted nothing in", () => {
  it("points at this FreeSWITCH's codec settings, not at ISDN", () => {
    const a = run([
      at(
        "40:00.100000",
        "NOTICE",
        "switch_channel.c:1118 New Channel sofia/external/+14155550123@198.51.100.20 [9f52]",
      ),
      at("40:00.200000", "ERR", "sofia.c:7342 CODEC NEGOTIATION ERROR.  SDP:"),
      "m=audio 16384 RTP/AVP 18 101",
      "a=rtpmap:18 G729/8000",
      "",
      at(
        "40:00.201000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/external/+14155550123@198.51.100.20 [CS_NEW] [INCOMPATIBLE_DESTINATION]",
      ),
    ]);
    expect(a.failingComponent).toMatch(
      /^This FreeSWITCH's codec settings: .*from 198\.51\.100\.20.*inbound-codec-prefs/,
    );
    expect(a.checklist[0]).toMatch(/^For a call you receive, compare the codecs in the caller's offer/);
    expect(a.checklist.join("\n")).not.toMatch(/On ISDN/);
  });
});

describe("one pasted PBX line with no code", () => {
  const answer = (line: string) => respond(catalog(), line, "cli").text;

  it("offers no code from a fail2ban stamp's milliseconds or date", () => {
    const text = answer(
      "2024-03-05 03:00:05,503 fail2ban.actions        [812]: NOTICE  [asterisk] Ban 45.134.144.10",
    );
    expect(text).not.toMatch(/SIP 503|cause 3 |cause 5 /);
  });

  it("offers no code from the extension in a SIP URI", () => {
    const text = answer(
      "[Mar  5 03:00:03] NOTICE[3098] chan_sip.c: Registration from '<sip:1002@203.0.113.5>' failed for '10.10.20.32:5060' - Device does not match ACL",
    );
    expect(text).not.toMatch(/1002/);
  });
});
