// Phone numbers in vendor logs: Cisco and RADIUS number fields, grouped and 00-prefixed numbers;
// and numeric Call-IDs, which must stay readable.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("Cisco and RADIUS number fields", () => {
  it.each([
    [
      "PeerAddress 4158829371, PeerSubAddress , DisconnectCause 11",
      "PeerAddress 415•••••71, PeerSubAddress , DisconnectCause 11",
    ],
    ["PeerAddress=4158829371", "PeerAddress=415•••••71"],
    [
      "TranslatedCalledNumber=442083749261 GwOutpulsedCalledNumber=02079461837 GwReceivedCallingNumber=4158829371",
      "TranslatedCalledNumber=442•••••••61 GwOutpulsedCalledNumber=020••••••37 GwReceivedCallingNumber=415•••••71",
    ],
    [
      'RADIUS:  Calling-Station-Id  [31]  12  "4158829371"',
      'RADIUS:  Calling-Station-Id  [31]  12  "415•••••71"',
    ],
    [
      'Calling-Station-Id = "4158829371" Called-Station-Id = "02079461837"',
      'Calling-Station-Id = "415•••••71" Called-Station-Id = "020••••••37"',
    ],
    ['User-Name = "4158829371"', 'User-Name = "415•••••71"'],
    ['"gw-rxd-cgn=ton:0,npi:1,pi:0,si:0,#:4158829371"', '"gw-rxd-cgn=ton:0,npi:1,pi:0,si:0,#:415•••••71"'],
    ['"gw-final-xlated-cdn=ton:0,npi:1,#:02079461837"', '"gw-final-xlated-cdn=ton:0,npi:1,#:020••••••37"'],
    [
      "ccapi: cgn:4158829371,cdn:02079461837 Cause i = 0x8291",
      "ccapi: cgn:415•••••71,cdn:020••••••37 Cause i = 0x8291",
    ],
    ["CLI=4158829371 CLD=02079461837 release cause 17", "CLI=415•••••71 CLD=020••••••37 release cause 17"],
    [
      "calling_party=4158829371 called_party=02079461837",
      "calling_party=415•••••71 called_party=020••••••37",
    ],
    ["Calling Party Number i = 0x2183, '4158829371'", "Calling Party Number i = 0x2183, '415•••••71'"],
    // CUBE registers a DID with itself as the user name.
    [
      "credentials number 4158829371 username 4158829371 realm example.com",
      "credentials number 415•••••71 username 415•••••71 realm example.com",
    ],
  ])("%s", (text, want) => {
    expect(redact(text)).toBe(want);
  });

  it("masks the PeerAddress of a VOIPAAA record's excerpt", () => {
    const log =
      "Mar  5 03:20:04.123 UTC: %VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1, ConnectionId 4A3C1D2E11EE00018F3AA0B12C3D4E5F, SetupTime *03:20:01.123 UTC Tue Mar 5 2024, PeerAddress 4158829371, PeerSubAddress , DisconnectCause 11  , DisconnectText user busy (17)";
    const texts = scanText(catalog(), log).findings.map((f) => f.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).not.toContain("4158829371");
  });
});

describe("grouped and 00-prefixed numbers", () => {
  it.each([
    [
      "dialing 0044 20 8374 9261 failed: SIP/2.0 404 Not Found",
      "dialing 0044 2• •••• ••61 failed: SIP/2.0 404 Not Found",
    ],
    [
      "dialing 00442083749261 failed: SIP/2.0 404 Not Found",
      "dialing 00442•••••••61 failed: SIP/2.0 404 Not Found",
    ],
    ["called 415 736 2948 got SIP/2.0 486 Busy Here", "called 415 ••• ••48 got SIP/2.0 486 Busy Here"],
  ])("%s", (text, want) => {
    expect(redact(text)).toBe(want);
  });

  it.each([
    "0x0010:  0044 1234 0a00 0001 4011",
    "nc=00000001 seq 0012345678 cause 486",
    "rtt 120 250 1000 ms, 1 234 567 8901 bytes",
    "2024-03-05 03:20:14.123 10.0.0.5:5060 CSeq: 102 INVITE Content-Length: 1234",
  ])("leaves %s alone", (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe("three numbers in a row", () => {
  it.each([
    ["called 415 555 0100 got SIP/2.0 486 Busy Here", "called 415 ••• ••00 got SIP/2.0 486 Busy Here"],
    ["called (415) 555-0100 got 486", "called (415) •••-••00 got 486"],
    ["called +1 415 555 0100 got 486", "called +1 41• ••• ••00 got 486"],
    // Measured words that also end stats lines do not hide a number written with its own notation.
    ["jitter buffer reset, callback 415-555-0100", "jitter buffer reset, callback 415-•••-••00"],
  ])("masks %s", (text, want) => {
    expect(redact(text)).toBe(want);
  });

  it.each([
    "packets 250 300 1200 SIP/2.0 503 Service Unavailable",
    "jitter 250 300 1200",
    "RTCP Jitter=250 300 1200",
    "min/avg/max 250 300 1200",
    "packets(sent/recv/lost): 250 300 1200",
    // Not a North American number: the exchange cannot start with 0 or 1, the line has 4 digits.
    "counters 250 100 1200 and 250 300 12000",
  ])("leaves the stats in %s readable", (text) => {
    expect(redact(text)).toBe(text);
  });

  it("keeps a stats line's numbers in the finding and the JSON", () => {
    const log = "rtpengine: [ID] stats: packets 250 300 1200, final SIP/2.0 503 Service Unavailable";
    const result = scanText(catalog(), log);
    expect(result.findings.map((f) => f.code)).toEqual([503]);
    expect(result.findings[0]?.text).toContain("packets 250 300 1200");
  });
});

describe("numeric Call-IDs", () => {
  it("keeps an AudioCodes CDR row's numeric Call-ID, and masks its URIs", () => {
    expect(
      redact("|SBC |CALL_END |2449857765@203.0.113.5 |4155550123@203.0.113.5 |+14085551234@203.0.113.5 |486"),
    ).toBe("|SBC |CALL_END |2449857765@203.0.113.5 |415•••••23@203.0.113.5 |+140••••••34@203.0.113.5 |486");
    // A Call-ID that is no number leaves the next cells masked as before.
    expect(redact("|SBC |a84b@10.0.0.5 |4158829371@10.0.0.5 |486")).toBe(
      "|SBC |a84b@10.0.0.5 |415•••••71@10.0.0.5 |486",
    );
  });

  it("keeps the Call-ID in a CDR row's excerpt", () => {
    const log = [
      "|CDR_TYPE |SBCReportType |SIPCallId                 |SrcURI                    |TrmReason               |ReleaseTime                       |SIPTrmReason |SIPTermDesc",
      "|SBC      |CALL_END      |2449857765@203.0.113.5    |+14085551234@203.0.113.5  |GWAPP_USER_BUSY         |10:15:22.345  UTC Tue Mar 05 2024|486          |Busy Here",
    ].join("\n");
    const [f] = scanText(catalog(), log).findings;
    expect(f?.text).toContain("2449857765@203.0.113.5");
    expect(f?.text).not.toContain("14085551234");
  });

  it("keeps a Call-ID named by its key, and masks a SIP URI's number", () => {
    expect(
      redact("SIPCallId=2449857765@203.0.113.5 Call ID 2449857765@203.0.113.5 sip:+14155550123@host"),
    ).toBe("SIPCallId=2449857765@203.0.113.5 Call ID 2449857765@203.0.113.5 sip:+141••••••23@host");
  });
});
