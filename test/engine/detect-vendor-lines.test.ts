// Vendors' own failure and release lines (Asterisk, FreeSWITCH gateways, Cisco Q.931, Genesys,
// AudioCodes, Telnyx), API statuses that are no SIP responses, and the reason phrase a hit keeps.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function found(text: string): string[] {
  return scanText(catalog(), text).findings.map((f) => `${f.namespace} ${f.code} @${f.line}`);
}

describe("statuses that are no SIP responses", () => {
  it("leaves an API envelope's status alone", () => {
    expect(found('{"status":200,"sid":"b2f5c0a1-hep","auth":"true","message":"ok","data":[')).toEqual([]);
    expect(
      found(
        '{"level":40,"time":1709311202000,"msg":"upstream call failed","status":503,"service":"billing"}',
      ),
    ).toEqual([]);
  });

  it("still reads a SIP stack's JSON status", () => {
    expect(found('{"msg":"Received response","status":486,"reason":"Busy Here","cseq":"1 INVITE"}')).toEqual([
      "sip 486 @1",
    ]);
    expect(found('{"level":"warn","msg":"response","status":503,"remote_ip":"198.51.100.7"}')).toEqual([
      "sip 503 @1",
    ]);
  });

  it("reads Twirp and JWT-authenticated API errors as HTTP", () => {
    expect(found("ERROR livekit: twirp error 401 unauthenticated")).toEqual(["http 401 @1"]);
    expect(found("ERROR vonage: 401 Unauthorized jwt=eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).toEqual([
      "http 401 @1",
    ]);
    expect(found("livekit: unexpected status from INVITE response: sip status: 480")).toEqual(["sip 480 @1"]);
  });
});

describe("the reason phrase of a hit", () => {
  it.each([
    ["received from 10.70.0.5:5060 [SIP/2.0 100 Trying] call-id=0A1B2C3D-genesys@10.70.0.1", "Trying"],
    ["recv <-- SIP/2.0 486 Busy Here [Time:01-03@11:10:01.020]", "Busy Here"],
    [
      "Call to Line:10000 has failed; Cause: 503 Service Unavailable; from IP:185.90.10.21:5060",
      "Service Unavailable",
    ],
    ["SIP/2.0 403 Forbidden (auth: user=gw01 from 198.51.100.3)", "Forbidden"],
    [
      "SIP/2.0 480 Temporarily Unavailable (no registered contacts)",
      "Temporarily Unavailable (no registered contacts)",
    ],
    ["the carrier answered 488 Not Acceptable Here. their SBC is on 5060", "Not Acceptable Here"],
  ])("%s", (line, reason) => {
    expect(scanText(catalog(), line).findings[0]?.reason).toBe(reason);
  });
});
