// Secrets in the forms application and API logs write them: command-line credentials, headers
// logged as JSON, keys with a shape of their own, and credential headers inside one-line logs,
// whose redaction ends with the credential so the code after it stays.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const TWILIO = "AC0a1b2c3d4e5f60718293a4b5c6d7e8f9:1a2b3c4d5e6f70819a0b1c2d3e4f5061";

describe("command-line credentials", () => {
  it.each([
    [
      `curl -u ${TWILIO} https://api.twilio.com/x/Calls.json returned 401`,
      "curl -u [redacted] https://api.twilio.com/x/Calls.json returned 401",
    ],
    [
      "curl --user admin:CurlPw47 https://pbx.example.com/api returned 503",
      "curl --user [redacted] https://pbx.example.com/api returned 503",
    ],
    ["curl -X POST -uadmin:pw https://x returned 401", "curl -X POST -u[redacted] https://x returned 401"],
    ['curl --user "admin:Pw Q" https://x returned 401', 'curl --user "[redacted]" https://x returned 401'],
    [
      "wget --user=bob --password=hunter2 https://x 401",
      "wget --user=bob --password=[redacted] https://x 401",
    ],
    ["wget --http-password hunter2 https://x 401", "wget --http-password [redacted] https://x 401"],
  ])("%s", (text, want) => {
    expect(redact(text, { maskPhoneNumbers: false })).toBe(want);
  });

  it.each([
    'curl --user-agent "x:y" https://x returned 401',
    'sudo -u asterisk asterisk -rx "core show channels" 503',
  ])("leaves %s alone", (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe("headers logged as JSON, and keys known by their shape", () => {
  it.each([
    [
      '{"headers":{"cookie":"session=Cookie50abc; theme=dark","set-cookie":"sid=Cookie51; HttpOnly"},"status":503}',
      '{"headers":{"cookie":"[redacted]","set-cookie":"[redacted]"},"status":503}',
    ],
    ['{"set-cookie":["sid=A; HttpOnly","t=B"],"status":503}', '{"set-cookie":[redacted],"status":503}'],
    ['  "cookie": "session=SessCookie32abcdef; theme=dark"', '  "cookie": "[redacted]"'],
    [
      "Telnyx API key KEY0185A1B2C3D4E5F6AB74_aBcDeFgHiJkLmNoPqRsTuV rejected with 401",
      "Telnyx API key [redacted] rejected with 401",
    ],
    [
      "Twilio webhook X-Twilio-Signature: TwSig55abcdefghij= response 502",
      "Twilio webhook X-Twilio-Signature: [redacted] response 502",
    ],
    [
      '{"telnyx-signature-ed25519":"abc+/def==","telnyx-timestamp":"1709608810"} 403',
      '{"telnyx-signature-ed25519":"[redacted]","telnyx-timestamp":"1709608810"} 403',
    ],
  ])("%s", (text, want) => {
    expect(redact(text, { maskPhoneNumbers: false })).toBe(want);
  });
});

describe("a credential header inside a one-line log", () => {
  it.each([
    [
      "headers={Authorization: Bearer Tok41abcdefghijklmnop, Content-Type: application/json} status=403 Forbidden",
      "headers={Authorization: [redacted], Content-Type: application/json} status=403 Forbidden",
    ],
    [
      "app Authorization: Basic dXNlcjpQWDQ2cGFzcw== -> 401 Unauthorized",
      "app Authorization: [redacted] -> 401 Unauthorized",
    ],
    [
      'kamailio: Authorization: Digest username="alice", realm="x", nonce="abc", uri="sip:b@x", response="deadbeef" -> 403 Forbidden',
      "kamailio: Authorization: [redacted] -> 403 Forbidden",
    ],
    [
      '{"Authorization": "Basic dXNlcjpwYXNz", "status": 401}',
      '{"Authorization": "[redacted]", "status": 401}',
    ],
    ["app Authorization: abc123 status=503", "app Authorization: [redacted] status=503"],
    ["app Cookie: a=b; c=d -> 503", "app Cookie: [redacted] -> 503"],
    // A message escaped in a JSON string: each header ends at its escaped line break.
    [
      String.raw`{"msg":"SIP/2.0 401 Unauthorized\r\nCookie: a=b\r\nAuthorization: Digest username=\"alice\", nonce=\"n1\"\r\nContent-Length: 0\r\n"}`,
      String.raw`{"msg":"SIP/2.0 401 Unauthorized\r\nCookie: [redacted]\r\nAuthorization: [redacted]\r\nContent-Length: 0\r\n"}`,
    ],
  ])("%s", (text, want) => {
    expect(redact(text, { maskPhoneNumbers: false })).toBe(want);
  });

  it("takes all of a SIP header line", () => {
    const header =
      'Authorization: Digest username="alice",realm="atlanta.com",nonce="84a4cc6f",uri="sip:bob@biloxi.com",response="7587245234b3",algorithm=MD5,qop=auth,nc=00000001';
    expect(redact(header)).toBe("Authorization: [redacted]");
  });

  it("keeps the reported code in the excerpt", () => {
    const log = [
      "2024-03-05T03:20:01Z app request POST https://webexapis.com/v1/telephony/calls/dial headers={Authorization: Bearer Tok41abcdefghijklmnop, Content-Type: application/json} status=403 Forbidden",
      "2024-03-05T03:20:05Z app POST https://api.telnyx.com/v2/calls Authorization: Bearer KEY0185A1B2C3D4E5F6AB06_aBcDeFgHiJkLmNoPqRsTuV -> 503 Service Unavailable",
      "2024-03-05T03:20:05Z app Authorization: Basic dXNlcjpQWDQ2cGFzcw== -> 401 Unauthorized",
    ].join("\n");
    const findings = scanText(catalog(), log).findings;
    expect(findings.map((f) => f.code)).toEqual([403, 503, 401]);
    for (const f of findings) {
      expect(f.text).toContain(String(f.code));
      expect(f.text).not.toMatch(/Tok41|KEY0185|dXNlcj/);
      expect(f.text.split("[redacted]")).toHaveLength(2);
    }
  });
});
