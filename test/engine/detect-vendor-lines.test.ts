// Vendors' own failure and release lines (Asterisk, FreeSWITCH gateways, Cisco Q.931, Genesys,
// AudioCodes, Telnyx), API statuses that are no SIP responses, and the reason phrase a hit keeps.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("Asterisk", () => {
  it("reads the cause of app_dial's failed channel line", () => {
    expect(
      found(
        "[2024-03-01 16:30:00] WARNING[7001][C-00000020] app_dial.c: Unable to create channel of type 'PJSIP' (cause 20 - Subscriber absent)",
      ),
    ).toEqual(["q850 20 @1"]);
  });

  it("reads the dial statuses that stand for one cause, through the catalog's AST_CAUSE_ names", () => {
    const log = [
      'Executing [s@macro-dialout-trunk:22] Set("PJSIP/2002-00000031", "DIALSTATUS=CONGESTION") in new stack',
      'Executing [2005@from-internal:2] Verbose("PJSIP/2001-00000030", "DIALSTATUS=BUSY") in new stack',
      "DIALSTATUS=NOANSWER",
      "app_dial.c: PJSIP/trunk-00000032 is circuit-busy",
    ].join("\n");
    expect(found(log)).toEqual(["q850 34 @1", "q850 17 @2", "q850 19 @3", "q850 34 @4"]);
  });

  it("reads CHANUNAVAIL with no cause beside it as the unreachable callee, cause 20", () => {
    expect(found('Verbose("PJSIP/2001-00000030", "DIALSTATUS=CHANUNAVAIL") in new stack')).toEqual([
      "q850 20 @1",
    ]);
    expect(found('NoOp("PJSIP/2001-00000030", "HANGUPCAUSE=3 DIALSTATUS=CHANUNAVAIL") in new stack')).toEqual(
      ["q850 3 @1"],
    );
  });

  it("counts a 401 refused after every attempt as a failure, not a challenge", () => {
    const scan = scanText(
      catalog(),
      "[2024-03-01 16:30:05] NOTICE[7002][C-00000021] res_pjsip_session.c: Failed to authenticate: 401 received after 3 attempts, giving up on INVITE to sip:trunk",
    );
    expect(scan.findings.map((f) => `${f.namespace} ${f.code} ${f.method}`)).toEqual(["sip 401 INVITE"]);
    expect(analyze(catalog(), scan).firstFailure?.code).toBe(401);
  });
});

describe("FreeSWITCH", () => {
  it("reads a gateway registration failure with its status phrase", () => {
    const scan = scanText(
      catalog(),
      "2024-03-01 20:10:32.120345 [ERR] sofia_reg.c:3209 carrier_b Failed Registration with status Timeout [408]. failure #1",
    );
    expect(scan.findings.map((f) => `${f.namespace} ${f.code} ${f.method}`)).toEqual(["sip 408 REGISTER"]);
  });

  it("reads lower-case cause names under a hangup-cause key (Telnyx)", () => {
    expect(
      found(
        '{"event_type":"call.hangup","payload":{"hangup_cause":"unallocated_number","hangup_source":"callee"}}',
      ),
    ).toEqual(["q850 1 @1"]);
    expect(found("hangup_cause=user_busy")).toEqual(["q850 17 @1"]);
    expect(found('{"hangup_cause":"not_a_cause"}')).toEqual([]);
  });
});

describe("release lines of other vendors", () => {
  it.each([
    ["        Cause i = 0x8291 - User busy", "q850 17 @1"],
    ["        Cause i = 0x8090 - Normal call clearing", "q850 16 @1"],
    // Coding/location octet with its extension bit clear: a recommendation octet follows.
    ["        Cause i = 0x028190 - Normal call clearing", "q850 16 @1"],
    [
      "2024-03-01T16:40:04.312 Std 52020 SIPTS: Call 0A1B2C3D released, cause 18 (no user responding)",
      "q850 18 @1",
    ],
    [
      "( lgr_flow)(654360)   [#0]CALL_RELEASED: Cause=17 Call Duration 00:00:00 RTP pkt=0 octets=0",
      "q850 17 @1",
    ],
    ["PRI span 1: ISDN cause 41 temporary failure", "q850 41 @1"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("does not read a cause parameter of a URI or an earlier disconnect's cause", () => {
    expect(found("Request-URI: sip:vm@pbx;target=sip:alice%40pbx;cause=486")).toEqual([]);
    expect(found("Call Entry(Previous Disconnect Cause=17, Disconnect Cause=16)")).toEqual(["q850 16 @1"]);
  });

  it("names the network's DISCONNECT as the first failure of a Q.931 trace", () => {
    const log = [
      "Mar  1 18:50:01.020: ISDN Se0/0/0:23 Q931: RX <- DISCONNECT pd = 8  callref = 0x8042",
      "        Cause i = 0x8291 - User busy",
      "        Progress Ind i = 0x8288 - In-band info or appropriate now available",
      "Mar  1 18:50:01.070: //1234/8A7B6C5D8F3A/CCAPI/cc_api_call_disconnected: Cause Value=17, Interface Type=6",
    ].join("\n");
    expect(analyze(catalog(), scanText(catalog(), log)).firstFailure?.line).toBe(2);
  });
});

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

describe("explain and scan agree on a pasted line", () => {
  it.each([
    ["sip_term_status=503", "sip/503"],
    ["DIALSTATUS=CONGESTION", "q850/34"],
    ["DIALSTATUS=BUSY", "q850/17"],
    ["Unable to create channel of type 'PJSIP' (cause 20 - Subscriber absent)", "q850/20"],
  ])("%s", (line, id) => {
    const r = explain(catalog(), line);
    expect(r.kind).toBe("found");
    expect(r.results[0]?.id).toBe(id);
    expect(scanText(catalog(), line).findings.map((f) => f.id)).toEqual([id]);
  });
});
