// Correlations link failures of one call only: the same Call-ID, or without one, findings close in
// time or on nearby lines of one record. Two calls minutes apart never "point at the same failure".
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

const VONAGE = (uuid: string, time: string, status: string, code: number) =>
  `{"from":"14155550123","to":"12125550188","uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789${uuid}","status":"${status}","direction":"outbound","timestamp":"2024-05-14T16:${time}.000Z","detail":"${status}","sip_code":${code}}`;

const HANGUP = (time: string, ext: string, cause: string) =>
  `2024-05-14 12:${time}.000000 [NOTICE] switch_core_state_machine.c:846 Hangup sofia/gateway/telco/${ext} [CS_CONSUME_MEDIA] [${cause}]`;

const RESPONSE = (time: string, status: string, callId: string, extra = "") =>
  `U 2024/05/14 10:${time} 198.51.100.20:5060 -> 10.0.0.5:5060
SIP/2.0 ${status}
Call-ID: ${callId}
CSeq: 1 INVITE
${extra}
`;

describe("correlations", () => {
  it("does not link two call records minutes apart", () => {
    const { a, text } = scanned(
      [VONAGE("ab", "12:00", "failed", 480), VONAGE("ac", "13:00", "busy", 486)].join("\n"),
    );
    expect(a.correlations).toEqual([]);
    expect(text).not.toContain("Correlations");
    expect(text).not.toContain("point at the same failure");
  });

  it("does not link FreeSWITCH hangups of different calls minutes apart", () => {
    const { a } = scanned(
      [HANGUP("05:00", "0612345678", "CALL_REJECTED"), HANGUP("09:00", "0612345677", "USER_BUSY")].join("\n"),
    );
    expect(a.correlations).toEqual([]);
  });

  it("does not link responses of two calls with different Call-IDs, even in the same second", () => {
    const { a } = scanned(
      [
        RESPONSE("00:00.100000", "480 Temporarily Unavailable", "call-a@10.0.0.5"),
        RESPONSE("00:00.200000", "486 Busy Here", "call-b@10.0.0.5"),
      ].join("\n"),
    );
    expect(a.correlations).toEqual([]);
  });

  it("links a 486 and the Q.850 cause in its Reason header", () => {
    const { text } = scanned(
      RESPONSE("00:00.100000", "486 Busy Here", "call-a@10.0.0.5", 'Reason: Q.850;cause=17;text="USER_BUSY"'),
    );
    expect(text).toContain(
      "SIP 486 Busy Here (line 2) and Q.850 cause 17 User busy (line 5) point at the same failure (mapped by RFC 3398",
    );
  });

  it("links the SIP and Q.850 details of one JSON record, and failures a second apart", () => {
    const record = scanned(
      [
        '{"resultInformation": {',
        '  "sipDetails": {"code": 486, "message": "Busy Here"},',
        '  "q850Details": {"code": 17, "message": "User busy"}',
        "}}",
      ].join("\n"),
    );
    expect(record.text).toContain(
      "SIP 486 Busy Here (line 2) and Q.850 cause 17 User busy (line 3) point at the same failure",
    );
    const close = scanned(
      [HANGUP("00:00", "0612345678", "CALL_REJECTED"), HANGUP("00:01", "0612345678", "USER_BUSY")].join("\n"),
    );
    expect(close.a.correlations).toEqual([
      "Q.850 cause 21 Call rejected (line 1) and Q.850 cause 17 User busy (line 2) point at the same failure (the catalog links them).",
    ]);
  });
});

describe("an ACS result carrying SIP details", () => {
  const EVENT = (
    time: string,
    type: string,
    code: number,
    sub: number,
    message: string,
    sip: string,
    q850: string,
  ) =>
    `{"time":"2025-03-12T10:${time}Z","level":"warn","msg":"event received","type":"Microsoft.Communication.${type}","data":{"callConnectionId":"11111111-aaaa-4bbb-8ccc-000000000001","operationContext":"transfer-to-agent","resultInformation":{"code":${code},"subCode":${sub},"message":"${message}","sipDetails":${sip},"q850Details":${q850}}}}`;

  it("leads with the ACS result: its meaning names the first failure and its checks come first", () => {
    const { a, text } = scanned(
      EVENT(
        "00:40.015",
        "AddParticipantFailed",
        408,
        10004,
        "Call was not answered. DiagCode: 408#10004.@",
        '{"code":408,"message":"Request Timeout"}',
        '{"code":102,"message":"Recovery on timer expiry"}',
      ),
    );
    expect(a.firstFailure).toMatchObject({ namespace: "acs", code: 408, subcode: 10004 });
    expect(text).toMatch(
      /^First failure: ACS 408\/10004 Call was not answered \(carrying SIP 408 Request Timeout\)\n/,
    );
    expect(a.checklist[0]).toBe("Check the callee saw the incoming-call notification");
    // The SIP 408's transport checks follow the ACS result's own.
    const transport = a.checklist.indexOf(
      "Check the pcap: was the 408 received on the wire, or generated locally after silence?",
    );
    expect(transport).toBeGreaterThan(
      a.checklist.indexOf("Check both clients stayed connected and available at the time"),
    );
    expect(a.correlations[0]).toContain("ACS 408/10004 (line 1) carries SIP 408 Request Timeout (line 1)");
  });
});

describe("a cause in a Reason header", () => {
  it("belongs to its message's call, so it links with that call's response only", () => {
    const log = `U 2025/03/14 10:00:00.100000 198.51.100.7:5060 -> 10.0.0.5:5060
SIP/2.0 503 Service Unavailable
Call-ID: call-a@10.0.0.5
CSeq: 1 INVITE
Reason: Q.850;cause=41

U 2025/03/14 10:00:01.100000 203.0.113.9:5060 -> 10.0.0.5:5060
SIP/2.0 400 Bad Request
Call-ID: call-b@10.0.0.5
CSeq: 1 INVITE
`;
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.correlations).toHaveLength(1);
    expect(a.correlations[0]).toMatch(/SIP 503 .*Q\.850 cause 41/);
  });
});
