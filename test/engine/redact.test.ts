// Redaction on its own: which secrets and numbers go, and what must stay readable (codes, CSeq,
// ports, timestamps, byte counts, Call-IDs, pids). The renderers' side is in test/render.
import { describe, expect, it } from "vitest";
import { dropSecrets, redact, redactRange, secretSpans } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("secrets", () => {
  it.each([
    ["config sip_password=Winter2024! registration", "config sip_password=[redacted] registration"],
    ["DB_PASSWORD=Winter2024! db_password: x1", "DB_PASSWORD=[redacted] db_password: [redacted]"],
    ["auth_pass=Spring2024 trunk", "auth_pass=[redacted] trunk"],
    ["x-api-key: AbC123 aws_secret_access_key=zz9", "x-api-key: [redacted] aws_secret_access_key=[redacted]"],
    ["db.password: 'a b' md5secret=abcd", "db.password: [redacted] md5secret=[redacted]"],
    [
      "subscriber ha1=5f4dcc3b5aa765d61d8327deb882cf99 ha1b=0a1b",
      "subscriber ha1=[redacted] ha1b=[redacted]",
    ],
    ["sipPassword=abc authToken: zz", "sipPassword=[redacted] authToken: [redacted]"],
    [
      "REGISTER sip:alice:Tr0ub4dor@atlanta.example.com failed",
      "REGISTER sip:alice:[redacted]@atlanta.example.com failed",
    ],
    ["<sips:bob:p@ss;w0rd@pbx.example.com>", "<sips:bob:[redacted]@pbx.example.com>"],
    [
      "POST https://admin:S3cr3tP@ss!@pbx.example.net:8089/ari/channels -> 403",
      "POST https://[redacted]@pbx.example.net:8089/ari/channels -> 403",
    ],
    ["https://bob@example.com:pw@host/x", "https://[redacted]@host/x"],
    // Copied from a web page: the entity is part of the password.
    ["sip_password=Tr0ub4dor&amp;3 registration", "sip_password=[redacted] registration"],
    ["password = Tr0ub4dor&3 -> REGISTER", "password = [redacted] -> REGISTER"],
    ["https://h/x?password=abc&user=bob", "https://h/x?password=[redacted]&user=bob"],
    [
      '<param name="password" value="hunter2-Secret!"/> failed: 403',
      '<param name="password" value="[redacted]"/> failed: 403',
    ],
    // Presigned and signed URLs work as credentials until they expire.
    [
      "PUT https://rec.s3.amazonaws.com/a.wav?X-Amz-Date=20240301&X-Amz-Signature=9d3c0f2b1a7e&X-Amz-Expires=60 -> 403",
      "PUT https://rec.s3.amazonaws.com/a.wav?X-Amz-Date=20240301&X-Amz-Signature=[redacted]&X-Amz-Expires=60 -> 403",
    ],
    ["GET /b/a.wav?X-Goog-Signature=5a4b3c2d1e0f -> 403", "GET /b/a.wav?X-Goog-Signature=[redacted] -> 403"],
    [
      "cdn/a.wav?Signature=abc~d&Key-Pair-Id=K2 -> 403",
      "cdn/a.wav?Signature=[redacted]&Key-Pair-Id=K2 -> 403",
    ],
    // A password in a sentence, as script logs print it.
    [
      "auth failed for user 1001 with password 'kamP4ss' - sending 403 Forbidden",
      "auth failed for user 1001 with password [redacted] - sending 403 Forbidden",
    ],
    ['trunk secret "n0tS0s3cret" rejected: 401', 'trunk secret "[redacted]" rejected: 401'],
  ])("%s", (text, want) => {
    expect(redact(text, { maskPhoneNumbers: false })).toBe(want);
  });

  it.each([
    "bypass=true compass=1 passwordless=yes",
    "sip:alice@atlanta.example.com:5060;transport=tcp",
    "Route: <sip:10.0.0.1:5060;lr>,<sip:bob@pbx.example.com>",
    "https://host:8443/path?email=a@b.com",
    // A bare status after response= is a code, not a digest.
    "got response=486 from the trunk",
    "the password is wrong: 403, secret rotation failed",
  ])("leaves %s alone", (text) => {
    expect(redact(text)).toBe(text);
    expect(secretSpans(text)).toEqual([]);
  });

  it("takes the new secrets out of a typed question too", () => {
    expect(dropSecrets("403 sip_password=Winter2024!")).not.toContain("Winter2024!");
  });
});

describe("phone numbers", () => {
  it.each([
    [
      "call From=09810012345 To=08045671234 CallerId=4155550123 failed: SIP/2.0 486 Busy Here",
      "call From=098••••••45 To=080••••••34 CallerId=415•••••23 failed: SIP/2.0 486 Busy Here",
    ],
    [
      "CallStatus=failed&From=%2B12125550188&To=%2B14155550123&SipResponseCode=404",
      "CallStatus=failed&From=%2B121••••••88&To=%2B141••••••23&SipResponseCode=404",
    ],
    [
      'Executing [4155550123@from-pstn:1] Dial("PJSIP/4155550123@trunk") HANGUPCAUSE=34',
      'Executing [415•••••23@from-pstn:1] Dial("PJSIP/415•••••23@trunk") HANGUPCAUSE=34',
    ],
    ["INVITE tel:4155550123 failed 404 Not Found", "INVITE tel:415•••••23 failed 404 Not Found"],
    ["tel:4155550123;phone-context=example.com", "tel:415•••••23;phone-context=example.com"],
    ["call from 4155550123 to 08045671234 failed 486", "call from 415•••••23 to 080••••••34 failed 486"],
    ['From: "4155550123" <sip:4155550123@pbx>', 'From: "415•••••23" <sip:415•••••23@pbx>'],
    ['To: "Alice" <4155550123>', 'To: "Alice" <415•••••23>'],
    [
      "caller_id_number=4155550123 destination_number=08045671234",
      "caller_id_number=415•••••23 destination_number=080••••••34",
    ],
    ["variable_sip_from_user: 4155550123", "variable_sip_from_user: 415•••••23"],
    ["CallerIDNum: 4155550123 Exten: 5550123", "CallerIDNum: 415•••••23 Exten: 555••23"],
    [
      '{"msisdn": "919810012345", "phoneNumber": "4155550123"}',
      '{"msisdn": "919•••••••45", "phoneNumber": "415•••••23"}',
    ],
    ["ani=4155550123 dnis 8005550199 did: 4155550123", "ani=415•••••23 dnis 800•••••99 did: 415•••••23"],
    ["to extension '4155550123' rejected", "to extension '415•••••23' rejected"],
    ["AOR 4155550123@example.com not found", "AOR 415•••••23@example.com not found"],
    ["Called SIP/carrierA/14155550123", "Called SIP/carrierA/141••••••23"],
    ["Hangup sofia/gateway/gw1/4155550123 [USER_BUSY]", "Hangup sofia/gateway/gw1/415•••••23 [USER_BUSY]"],
    ["from sip:+14155550123@carrier.example.com", "from sip:+141••••••23@carrier.example.com"],
    ["call from +44 20 7946 0958 failed", "call from +44 2• •••• ••58 failed"],
    ["+1 (415) 555-0123 rang", "+1 (41•) •••-••23 rang"],
    ["dial +49-30-1234567.", "dial +49-3•-•••••67."],
    ["+33.1.42.68.53.00 rang", "+33.1.••.••.••.00 rang"],
    ["dst_ouser=4155550123;src_ouser=4155550199", "dst_ouser=415•••••23;src_ouser=415•••••99"],
    ["<tel:+1-415-555-0123>", "<tel:+1-41•-•••-••23>"],
    ["customer on 07700 900123 cannot call", "customer on 077•• ••••23 cannot call"],
    ["call 020 7946 0958 now", "call 020 •••• ••58 now"],
    ["(415) 555-0123 rings", "(415) •••-••23 rings"],
    ["dial 415-555-0123.", "dial 415-•••-••23."],
  ])("%s", (text, want) => {
    expect(redact(text)).toBe(want);
    expect(redact(text, { maskPhoneNumbers: false })).toBe(text);
  });

  it.each([
    "CSeq: 1234567890 INVITE",
    "Content-Length: 1234567",
    "Call-ID: 1234567890@10.0.0.1",
    "i: 1234567890@10.0.0.1",
    'callid=1234567890@10.0.0.1 "callId": "1234567890@host" sip_call_id=1234567890@host',
    "Replaces: 1234567890@host;to-tag=1",
    "rtpengine[123]: [1234567890@10.0.0.1] Final packet stats: 1234567 packets, 1234567890 bytes",
    "kamailio[1234567]: ERROR: relay failed 408",
    "o=- 1715712345 1715712346 IN IP4 10.0.0.1",
    "a=ssrc:1234567890 cname:x",
    "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1234567890",
    "From: <sip:alice@example.com>;tag=1234567890",
    "moving window from 1715712345 to 1715712400",
    "range from=1715712345000&to=1715712400000",
    "buffer grew from 1048576 to 2097152 bytes",
    "timeout set to 1800000 ms, up to 2147483647 retries",
    "report from 20240514 to 20240515, stamp from=20240514023117",
    "sequence number 1234567890 lost, Sequence Number: 1234567890, port number 5060",
    "got 1234567 bytes from 10.0.0.1",
    "error -2147024891 after 403",
    "2024-05-14 02:31:17.123456 SIP/2.0 486 Busy Here",
    '{"code": 487, "subCode": 560486} cause=5300001',
    "P-Asserted-Identity: <sip:0160779xxx8@pbx.example.de>",
    "jitter +12.5 ms, offset +1 2 3, version +1.2.3, range +1-5",
    "0x0010:  0a00 0005 0a00 0001, ports 10000-20000, build 100 200 300, pid 1234 567 890",
    "2024-03-01 17:30:10,123 uuid 8c1e20aa-6c3b-4f5e-9d7a-2f1c0e4b9a11 10.0.0.5:5060",
  ])("leaves %s alone", (text) => {
    expect(redact(text)).toBe(text);
  });

  it("masks a number in an excerpt that starts after the key naming it", () => {
    const line = `${"x".repeat(100)} caller_id_number=4155550123 hung up: SIP/2.0 486 Busy Here`;
    const at = line.indexOf("4155550123") + 3;
    expect(redactRange(line, at, line.length)).toBe("•••••23 hung up: SIP/2.0 486 Busy Here");
  });

  it("leaves a Call-ID shown on its own whole", () => {
    expect(redact("1234567890@10.0.0.1")).toBe("1234567890@10.0.0.1");
  });

  it("never masks a finding's own code", () => {
    const log = [
      "2024-05-14 02:31:17 ERROR dialer - call From=09810012345 To=08045671234 CallerId=4155550123 failed: SIP/2.0 486 Busy Here",
      '[2024-05-14 02:31:18] VERBOSE[31337] pbx.c: Executing [4155550123@from-pstn:1] Dial("PJSIP/4155550123@trunk") HANGUPCAUSE=34',
      "2024-05-14 02:31:19 INVITE tel:4155550123 failed 404 Not Found",
      '{"callEndReason": {"code": 480, "subCode": 10037}, "from": "08045671234"}',
    ].join("\n");
    const findings = scanText(catalog(), log).findings;
    expect(findings.map((f) => f.code)).toEqual(expect.arrayContaining([486, 34, 404, 480]));
    for (const f of findings) {
      expect(f.text).toContain(String(f.code));
      if (f.subcode !== null) expect(f.text).toContain(String(f.subcode));
      for (const n of ["09810012345", "08045671234", "4155550123"]) expect(f.text).not.toContain(n);
    }
  });
});
