// Gateway, SBC and CPaaS records as their software writes them: Cisco accounting causes in hex,
// media counters that are no statuses, webhook bodies, Voice Insights and AudioCodes CDR rows.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { codesIn as found } from "../helpers/found.js";

describe("Cisco accounting causes are hex", () => {
  it("reads h323-disconnect-cause in a FreeRADIUS detail file and in a debug line", () => {
    const detail = [
      "Tue Mar  5 10:15:22 2024",
      "\tAcct-Status-Type = Stop",
      '\th323-disconnect-cause = "h323-disconnect-cause=11"',
      '\tCisco-AVPair = "disconnect-text=user busy (17)"',
      "",
      "Tue Mar  5 10:16:30 2024",
      '\th323-disconnect-cause = "h323-disconnect-cause=10"',
      '\tCisco-AVPair = "disconnect-text=normal call clearing (16)"',
    ].join("\n");
    expect(found(detail)).toEqual(["q850 17", "q850 16"]);
    expect(found('RADIUS: Cisco AVpair [1] 25 "h323-disconnect-cause=22"')).toEqual(["q850 34"]);
  });

  it("reads the DisconnectCause of the VOIP_CALL_HISTORY syslog", () => {
    const line =
      "Mar  5 10:15:22.350: %VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1, ConnectionId 8A7B6C5D DA1111EE 8000AABB CCDDEEFF, SetupTime 10:15:20.101 UTC Tue Mar 5 2024, PeerAddress 4085556789, PeerSubAddress , DisconnectCause 11  , DisconnectText user busy (17), ConnectTime 10:15:22.345 UTC Tue Mar 5 2024, DisconnectTime 10:15:22.345 UTC Tue Mar 5 2024, CallOrigin 1, ChargedUnits 0, InfoType 2, TransmitPackets 0, TransmitBytes 0, ReceivePackets 0, ReceiveBytes 0";
    expect(found(line)).toEqual(["q850 17"]);
    expect(found(line.replace("DisconnectCause 11", "DisconnectCause 1F"))).toEqual(["q850 31"]);
  });

  it("reads the cause that ends a call of 'show call history voice brief'", () => {
    const brief = [
      "11E7 : 7458 108340440ms.1 (10:15:20.101 UTC Tue Mar 5 2024) +0 +2240 pid:200 Originate 4085556789",
      " dur 00:00:00 tx:0/0 rx:0/0 11  (user busy (17))",
      " IP 203.0.113.20:16420 SRTP: off rtt:0ms pl:0/0ms lost:0/0/0 delay:0/0/0ms g711ulaw",
      "11E9 : 7460 108440440ms.1 (10:17:00.000 UTC Tue Mar 5 2024) +0 +45500 pid:200 Originate 4085556787",
      " dur 00:00:00 tx:0/0 rx:0/0 22  (no circuit (34))",
    ].join("\n");
    expect(found(brief)).toEqual(["q850 17", "q850 34"]);
  });

  it("still reads a decimal Cause= as decimal", () => {
    expect(found("CALL_RELEASED Cause=17")).toEqual(["q850 17"]);
  });
});

describe("media counters", () => {
  it.each([
    "[SID=486:17:403] ( lgr_stk_sipmsg)(410)   RTP statistics: Packets sent=486, received=503, lost=404, jitter=17ms",
    "rtcp: received 503 packets, sent 486 packets",
    "Packets sent=486",
    "packets received: 503",
  ])("are no SIP responses: %s", (line) => {
    expect(found(line)).toEqual([]);
  });

  it("leave a response a SIP line says was received", () => {
    expect(found("SIP response received: 503")).toEqual(["sip 503"]);
    expect(found("sent=486 to the trunk, 1200 packets")).toEqual(["sip 486"]);
  });
});

describe("webhook response bodies", () => {
  it("give the Twilio alert's HTTP status once, not a SIP code from its HTML body", () => {
    const alert = [
      "{",
      '  "error_code": "11200",',
      '  "request_url": "https://app.example.com/voice",',
      '  "response_body": "<html><body>502 Bad Gateway</body></html>",',
      '  "response_status_code": 502,',
      "}",
    ].join("\n");
    const r = scanText(catalog(), alert);
    expect(r.findings.map((f) => `${f.namespace} ${f.code}`)).toEqual(["http 502"]);
    expect(analyze(catalog(), r).firstFailure).toMatchObject({ namespace: "http", code: 502 });
  });

  it("read no SIP code from an error page a client logs", () => {
    expect(found("body: <center><h1>503 Service Unavailable</h1></center>")).toEqual([]);
    expect(found('{"response_body":"503 Service Unavailable","response_status_code":503}')).toEqual([
      "http 503",
    ]);
  });
});

describe("Twilio Voice Insights", () => {
  it("reads last_sip_response_num as the SIP answer to the call's INVITE", () => {
    const summary = [
      '  "properties": {',
      '    "disconnected_by": "callee",',
      '    "last_sip_response_num": 486,',
      '    "pdd_ms": 2214,',
      "  },",
    ].join("\n");
    const [f, ...rest] = scanText(catalog(), summary).findings;
    expect(rest).toEqual([]);
    expect(`${f?.namespace} ${f?.code} ${f?.method}`).toBe("sip 486 INVITE");
  });
});

describe("AudioCodes SBC CDR", () => {
  const header =
    "|CDR_TYPE |SBCReportType |SIPCallId                 |SrcURI                    |TrmReason               |ReleaseTime                       |SIPTrmReason |SIPTermDesc";
  const rows = [
    "|SBC      |CALL_END      |2449857765@203.0.113.5    |+14085551234@203.0.113.5  |GWAPP_USER_BUSY         |10:15:22.345  UTC Tue Mar 05 2024|486          |Busy Here",
    "|SBC      |CALL_END      |2449857766@203.0.113.5    |+14085551234@203.0.113.5  |GWAPP_NORMAL_CALL_CLEAR |10:17:40.410  UTC Tue Mar 05 2024|BYE          |",
    "|SBC      |CALL_END      |2449857767@203.0.113.5    |+14085551234@203.0.113.5  |GWAPP_RECOVERY_ON_TIMER |10:18:02.000  UTC Tue Mar 05 2024|408          |Request Timeout",
  ];

  it("reads SIPTrmReason by the header, with the row's Call-ID and release time", () => {
    const r = scanText(catalog(), [header, ...rows].join("\n"));
    expect(r.findings.map((f) => `${f.line} ${f.namespace} ${f.code} ${f.timestamp} ${f.callId}`)).toEqual([
      "2 sip 486 10:15:22.345 UTC Tue Mar 05 2024 2449857765@203.0.113.5",
      "4 sip 408 10:18:02.000 UTC Tue Mar 05 2024 2449857767@203.0.113.5",
    ]);
    expect(r.findings[0]?.reason).toBe("Busy Here");
  });

  it("reads the same rows after the syslog prefix and sequence number", () => {
    const prefix = (n: number) => `Mar  5 10:15:22 10.20.0.5  [S=8927${n}] `;
    const text = [header, ...rows].map((l, i) => prefix(i) + l).join("\n");
    expect(found(text)).toEqual(["sip 486", "sip 408"]);
  });
});
