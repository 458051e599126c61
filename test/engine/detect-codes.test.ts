// Stack statements, script replies, HTTP client lines and chat prose: which numbers are codes.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("Kamailio/OpenSIPS tm", () => {
  it("reads new_code, not T_code (the status the transaction already had)", () => {
    const log = [
      "DBG:tm:t_should_relay_response: T_code=100, new_code=183",
      "DBG:tm:t_should_relay_response: T_code=183, new_code=486",
      "DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=408",
    ].join("\n");
    expect(found(log)).toEqual(["sip 183 @1", "sip 486 @2", "sip 408 @3"]);
  });
});

describe("Kamailio/OpenSIPS script replies", () => {
  it.each([
    ['sl_send_reply("481","Call Leg/Transaction Does Not Exist");', "sip 481 @1"],
    ['t_reply("404", "Not Found");', "sip 404 @1"],
    ['send_reply(403, "Forbidden");', "sip 403 @1"],
    ['t_send_reply("500", "Server Error")', "sip 500 @1"],
    [
      "ERROR: sl [sl_funcs.c:415]: sl_reply_error(): stateless error reply used: Unresolvable destination (478/SL)",
      "sip 478 @1",
    ],
    // The phrase says the code: Kamailio's internal error number in brackets is not always it.
    [
      "sl [sl_funcs.c:362]: sl_reply_error(): stateless error reply used: Unfortunately error on sending to next hop occurred (477/SL)",
      "sip 477 @1",
    ],
    [
      "ERROR: sl [sl_funcs.c:362]: sl_reply_error(): stateless error reply used: I'm terribly sorry, server error occurred (1/SL)",
      "sip 500 @1",
    ],
    ["WARNING: <script>: BYE for unknown dialog callid=abc123@10.9.9.9, replying 481", "sip 481 @1"],
    ["running failure route 1, reply code 486 from sip:10.5.5.41:5060", "sip 486 @1"],
    ["INFO: <script>: [FAILURE_ROUTE] t_check_status 408 on callid=5c1f0e2a-77b1@10.1.1.20", "sip 408 @1"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("reports the code whether or not the catalog has an entry for it", () => {
    for (const code of [478, 479]) {
      const f = scanText(catalog(), `sl_send_reply("${code}","Unresolvable destination");`).findings;
      const id = catalog().byId.has(`sip/${code}`) ? `sip/${code}` : null;
      expect(f.map((x) => [x.namespace, x.code, x.id])).toEqual([["sip", code, id]]);
    }
  });

  it("takes no code from functions that send none, or from a status pattern", () => {
    expect(found('append_to_reply("Retry-After: 120\\r\\n");')).toEqual([]);
    expect(found('if (t_check_status("486|408")) { xlog("busy or timeout"); }')).toEqual([]);
    expect(found('if (t_check_status("40[0-9]")) exit;')).toEqual([]);
    expect(found("tm [t_reply.c:609]: _reply_light(): i=0")).toEqual([]);
  });
});

describe("HTTP", () => {
  it.each([
    ["ERROR HTTP 401", "http 401 @1"],
    ["ERROR upload: HTTP 401", "http 401 @1"],
    ["POST /v1/calls -> 401", "http 401 @1"],
    ["POST /v1/calls ->401", "http 401 @1"],
    ["GET https://x.blob.core.windows.net/c/b failed 403", "http 403 @1"],
    ["GET /v1/devices failed with 502", "http 502 @1"],
    ["DELETE /v1/calls/7f6e returned 404", "http 404 @1"],
    ["POST /api/callbacks 200 12ms", "http 200 @1"],
    [
      "ERROR Cookie: JSESSIONID=8D3F1A2B3C4D; session=eyJ1c2VyIjoiYWRtaW4ifQ -> 401 Unauthorized",
      "http 401 @1",
    ],
    [
      "[2024-05-14T02:16:03.901Z] azure:communication-calling:info - telemetry flush, 200 OK, 1832 bytes, durationMs=3012",
      "http 200 @1",
    ],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("reads Exotel's v1 API errors as HTTP statuses", () => {
    expect(
      found(
        'WARNING exotel rate limited: {"RestException":{"Status":429,"Message":"Too Many Requests"}} backing off 2s',
      ),
    ).toEqual(["http 429 @1"]);
    expect(found('{"RestException":{"Status":401,"Message":"Authentication is required"}}')).toEqual([
      "http 401 @1",
    ]);
    expect(found('ERROR exotel call lookup failed: {"Status": 404, "Message": "Call not found"}')).toEqual([
      "http 404 @1",
    ]);
  });

  it("leaves SIP requests, durations and sizes alone", () => {
    expect(found("OPTIONS sip:carrier.example SIP/2.0 -> 200 OK")).toEqual(["sip 200 @1"]);
    expect(found("GET /health 200 ms budget")).toEqual([]);
    expect(found("GET /recordings/486 took 503 ms")).toEqual([]);
  });
});

describe("chat prose", () => {
  it.each([
    [
      "every outbound call gets a 503 from 198.51.100.200, some get 408 after 32s",
      ["sip 503 @1", "sip 408 @1"],
    ],
    ["customer on +442071838750 also reports 486 busy but that's just their PBX", ["sip 486 @1"]],
    ["its a 487 after 30s, ring no answer", ["sip 487 @1"]],
    ["it\u2019s a 480 every time", ["sip 480 @1"]],
    ["that's a 404 from the carrier", ["sip 404 @1"]],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual(want);
  });

  it("takes no counts, durations or amounts for codes", () => {
    for (const line of [
      "we get 300 of them per day",
      "it's a 100 percent failure on that trunk",
      "the carrier reports 180 users online",
      "we get 200 calls an hour, it's 503 seconds of silence",
      "after 300 ms the phone rang, it is a 180 s timer",
    ])
      expect(found(line), line).toEqual([]);
  });
});

/** Every finding as "namespace code method @line". */
function withMethod(text: string): string[] {
  return scanText(catalog(), text).findings.map(
    (f) => `${f.namespace} ${f.code} ${f.method ?? "-"} @${f.line}`,
  );
}

describe("registration logs", () => {
  it.each([
    [
      "[2024-05-14 18:20:00.100] WARNING[1234]: res_pjsip_outbound_registration.c:1043 handle_registration_response: Fatal response '403' received from 'sip:sip.provider.example:5060' on registration attempt to 'sip:0123456789@sip.provider.example:5060', stopping outbound registration",
      "sip 403 REGISTER @1",
    ],
    [
      "[2024-05-14 18:20:10.000] WARNING[1241]: res_pjsip_outbound_registration.c:1051 handle_registration_response: Temporal response '503' received from 'sip:sip.provider2.example:5060' on registration attempt to 'sip:0123456789@sip.provider2.example:5060', retrying in '60'",
      "sip 503 REGISTER @1",
    ],
    [
      "2024-05-14 11:00:00.401500 [WARNING] sofia_reg.c:3011 carrier_a Failed Registration [403], setting retry to 60 seconds.",
      "sip 403 REGISTER @1",
    ],
    [
      "2024-05-14 11:01:32.403000 [ERROR] sofia_reg.c:3035 carrier_a Registration Failed with status Forbidden [403]. failure #1",
      "sip 403 REGISTER @1",
    ],
    [
      "2024-05-14 11:01:32.403000 [ERROR] sofia_reg.c:3035 carrier_a Registration Failed with status  [408]. failure #2",
      "sip 408 REGISTER @1",
    ],
  ])("%s", (line, want) => {
    expect(withMethod(line)).toEqual([want]);
  });

  it("keeps Asterisk's 'Got SIP response' line, and reads no code where none was received", () => {
    expect(
      withMethod(
        '[May 14 10:15:02] NOTICE[2211][C-00000044] chan_pjsip.c: Got SIP response 503 "Service Unavailable" back from 198.51.100.8:5060',
      ),
    ).toEqual(["sip 503 - @1"]);
    expect(
      withMethod(
        "WARNING[1241]: res_pjsip_outbound_registration.c:1063 handle_registration_response: No response received from 'sip:sip.provider2.example:5060' on registration attempt to 'sip:0123456789@sip.provider2.example:5060', retrying in '600'",
      ),
    ).toEqual([]);
  });
});

describe("a code in parentheses after a word of failure", () => {
  it.each([
    [
      "Mar 12 22:01:00 pbx asterisk[4411]: Registration to sip:sip.carrier.net failed (403)",
      "sip 403 REGISTER @1",
    ],
    [
      "[2025-03-12 22:01:00.100] WARNING[4411]: res_pjsip_outbound_registration.c:1050 handle_registration_response: Registration attempt to 'sip:sip.carrier.net' with client 'sip:61298765000@sip.carrier.net' failed (403), stopping registration attempts",
      "sip 403 REGISTER @1",
    ],
    ["2025-03-12 22:02:00 WARN INVITE to sip:+61298765432@203.0.113.88 rejected (486)", "sip 486 - @1"],
    ["2025-03-12 22:03:00 ERROR trunk carrier-au: error (503)", "sip 503 - @1"],
    ["2025-03-12 22:03:00 ERROR trunk carrier-au: REGISTER Failed(401)", "sip 401 REGISTER @1"],
  ])("%s", (line, want) => {
    expect(withMethod(line)).toEqual([want]);
  });

  it("takes no counts, durations or sizes in parentheses", () => {
    for (const line of [
      "2025-03-12 22:01:00 WARN registration to sip:sip.carrier.net failed (3 attempts)",
      "2025-03-12 22:01:00 INFO OPTIONS ping returned (200 ms)",
      "2025-03-12 22:01:00 ERROR packet error (408 bytes) from 10.0.0.9",
      "2025-03-12 22:01:00 ERROR call failed (503 of 600 channels busy)",
      "2025-03-12 22:01:00 ERROR call unfailed(403)",
    ])
      expect(found(line), line).toEqual([]);
  });
});

describe("keys that hold a SIP status, in any case", () => {
  it.each([
    [
      "AccountSid=AC0123&CallSid=CA9f8e&CallStatus=failed&Direction=outbound-api&From=%2B12125550188&To=%2B14155550123&SipResponseCode=404",
      "sip 404 @1",
    ],
    ["CallStatus=busy&Direction=outbound-api&SipResponseCode=486&SequenceNumber=2", "sip 486 @1"],
    ['POST https://hooks.example.com/status {"SipCode": 480}', "sip 480 @1"],
    ['{"sip_response_code": "603", "url": "https://api.example.com/v1/calls"}', "sip 603 @1"],
    ["GET /v1/calls/7f6e sipStatus=487", "sip 487 @1"],
    ["REST callback: SIP_STATUS=503", "sip 503 @1"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("reads no HTTP status of 600 or more", () => {
    expect(found("POST https://hooks.example.com/voice/status handled, code=604")).toEqual([]);
    expect(found("REST API returned 603")).toEqual([]);
  });
});

describe("Webex Calling SDK", () => {
  /** Every finding as "namespace code/subcode @line". */
  const pairs = (text: string) =>
    scanText(catalog(), text).findings.map((f) => `${f.namespace} ${f.code}/${f.subcode} @${f.line}`);

  it("pairs a status only with the error code of its own record", () => {
    const log = [
      "index.js:2 [webex-calling] 2024-05-14T17:00:31.020Z LOG registration: Keepalive response Status code: -> 200",
      "index.js:2 [webex-calling] 2024-05-14T17:01:05.202Z INFO call: Dialling correlationId=4b7c1f9e",
      "index.js:2 [webex-calling] 2024-05-14T17:01:05.880Z ERROR call: Call setup failed. Status code: -> 403",
      "index.js:2 [webex-calling] 2024-05-14T17:01:05.881Z ERROR call: Error code found : 115",
    ].join("\n");
    expect(pairs(log)).toEqual(["mobius 200/null @1", "mobius 403/115 @3"]);
  });

  it("reads an error code that repeats the status as the status alone, in its line's phase", () => {
    const log = [
      "index.js:2 [webex-calling] 2025-03-14T16:00:01.015Z ERROR registration: Status code: -> 503",
      "index.js:2 [webex-calling] 2025-03-14T16:00:01.016Z ERROR registration: Error code found : 503",
    ].join("\n");
    const f = scanText(catalog(), log).findings;
    expect(f.map((x) => [x.namespace, x.code, x.subcode, x.id])).toEqual([
      ["mobius", 503, null, "mobius/503-registration"],
    ]);
  });

  it("reads one JSON error object as one Mobius error", () => {
    expect(
      pairs(
        '[webex-calling] ERROR call: request failed {"statusCode":403,"body":{"device":{"deviceId":"d-1"},"errorCode":115,"mobius-error":"115","message":"User Busy"}}',
      ),
    ).toEqual(["mobius 403/115 @1"]);
    expect(
      pairs(
        '2024-05-14T17:02:05.882Z [webex-calling] ERROR registration: request failed {"statusCode":503,"body":{"errorCode":117,"message":"Timeout error"}}',
      ),
    ).toEqual(["mobius 503/117 @1"]);
  });

  it("reads a body's errorCode as a mobius-error only with an error status", () => {
    expect(pairs('[webex-calling] LOG call: {"statusCode":200,"body":{"errorCode":101}}')).toEqual([
      "http 200/null @1",
    ]);
    expect(pairs('[other-sdk] ERROR {"statusCode":503,"body":{"errorCode":117}}')).toEqual([
      "http 503/null @1",
    ]);
  });
});
