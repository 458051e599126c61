// Secrets and phone numbers inside URLs: a token in a URL that is itself URL-encoded (Twilio's
// alert_text, a callback URL passed as a query parameter) is hidden as its plain form is, and a
// phone number that is a whole segment of a URL path is masked as numbers elsewhere are.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const hidden = (text: string) => redact(text, { maskPhoneNumbers: false });
const KEY = "sk_live_51Hx9aBcDeFgHiJkLmNoPq";

describe("a secret in a URL-encoded URL", () => {
  it.each([
    [
      `url=https%3A%2F%2Fivr.example.com%2Fvoice%3Ftoken%3D${KEY}&LogLevel=ERROR`,
      "url=https%3A%2F%2Fivr.example.com%2Fvoice%3Ftoken%3D[redacted]&LogLevel=ERROR",
    ],
    [
      "cb=https%3A%2F%2Fx.example%2Fa%3Fpage%3D2%26api_key%3DAbCdEf123456%26lang%3Den 500",
      "cb=https%3A%2F%2Fx.example%2Fa%3Fpage%3D2%26api_key%3D[redacted]%26lang%3Den 500",
    ],
    [
      "next=%2Flogin%3Fuser%3Dbob%26password%3Dhunter2 403",
      "next=%2Flogin%3Fuser%3Dbob%26password%3D[redacted] 403",
    ],
    [
      "u=https%253A%252F%252Fh%252Fx%253FaccessToken%253Dabc123def 401",
      "u=https%253A%252F%252Fh%252Fx%253FaccessToken%253D[redacted] 401",
    ],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it("keeps encoded parameters that are no secret", () => {
    const text = "url=https%3A%2F%2Fh%2Fvoice%3Fpage%3D2%26keyword%3Dsales -> 500";
    expect(hidden(text)).toBe(text);
  });

  it("never echoes the token of a Twilio alert's encoded webhook URL", () => {
    const log = `{"alert_text":"Msg=&sourceComponent=14100&ErrorCode=11200&httpResponse=500&url=https%3A%2F%2Fivr.example.com%2Fvoice%3Ftoken%3D${KEY}&LogLevel=ERROR","error_code":"11200"}`;
    const out = JSON.stringify(scanText(catalog(), log));
    expect(out).toContain(`"namespace":"http"`);
    expect(out).not.toContain(KEY);
  });
});

describe("a phone number in a URL path", () => {
  it.each([
    [
      "<-- 403 https://api.exotel.com/v1/Accounts/acme12/Numbers/09876543210.json (122ms)",
      "<-- 403 https://api.exotel.com/v1/Accounts/acme12/Numbers/098••••••10.json (122ms)",
    ],
    [
      "ERROR GET https://api.exotel.com/v1/Accounts/acme12/Numbers/09876543210 -> 403",
      "ERROR GET https://api.exotel.com/v1/Accounts/acme12/Numbers/098••••••10 -> 403",
    ],
    ["GET /v1/people/lookup/14155550123?full=1 404", "GET /v1/people/lookup/141••••••23?full=1 404"],
    [
      "<-- 404 https://api.example.com/Calls/+14155550123 (9ms)",
      "<-- 404 https://api.example.com/Calls/+141••••••23 (9ms)",
    ],
  ])("%s", (text, want) => {
    expect(redact(text)).toBe(want);
  });

  it.each([
    "GET /v2/calls/8d3f0c2a-1b4e-4c7a-9f10-2b3c4d5e6f70 404",
    "GET /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls/CA0123456789abcdef0123456789abcdef.json 404",
    "GET /v1/recordings/1700000000.123 404",
    "GET /v1/items/1234567.89 404",
    "GET /v1/devices/0a1b2c3d4e5f6789 404",
  ])("keeps the ids of %s", (text) => {
    expect(redact(text)).toBe(text);
  });

  it("masks the number in every output of a scan", () => {
    const out = JSON.stringify(
      scanText(
        catalog(),
        "<-- 403 https://api.exotel.com/v1/Accounts/acme12/Numbers/09876543210.json (122ms)",
      ),
    );
    expect(out).toContain(`"namespace":"http"`);
    expect(out).not.toContain("09876543210");
  });
});
