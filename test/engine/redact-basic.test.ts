// A Basic credential wherever it stands in a line, not only after an Authorization header, and as
// config dumps and request logs print it (after a basic_auth key with no scheme word, URL-encoded
// after "Basic%20"/"Basic+"): the token goes, ordinary words after "Basic" stay.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const hidden = (text: string) => redact(text, { maskPhoneNumbers: false });
const EXOTEL = "YTFiMmMzZDRlNWY2YTdiOGM5ZDA6ZjBlOWQ4YzdiNmE1ZjRlMw==";

describe("a Basic credential outside an Authorization header", () => {
  it.each([
    [
      `exotel auth failed: Basic ${EXOTEL} rejected with 401`,
      "exotel auth failed: Basic [redacted] rejected with 401",
    ],
    [`sending basic ${EXOTEL}`, "sending basic [redacted]"],
    ["creds=Basic YWxpY2U6c2VjcmV0, status 403", "creds=Basic [redacted], status 403"],
    ['{"hdr":"Basic QUMxMjM0NTY3ODk6dG9rZW4="}', '{"hdr":"Basic [redacted]"}'],
    ["Basic dXNlcjpQYXNzd29yZA== -> 401", "Basic [redacted] -> 401"],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each([
    "Basic Call Flow: INVITE, 100 Trying, 180 Ringing, 200 OK",
    "Basic auth failed for trunk pstn-1 (401)",
    "Basic Registration failed with 403 Forbidden",
    "Basic Authentication required",
    "basic rate interface BRI0/0 down",
    "Basic 1234 retries",
  ])("leaves %s alone", (text) => {
    expect(hidden(text)).toBe(text);
  });

  it("keeps the token out of a scanned finding", () => {
    const log = `2024-03-05T03:20:08Z ERROR exotel auth failed: Basic ${EXOTEL} rejected with 401 by api.exotel.com`;
    const texts = scanText(catalog(), log).findings.map((f) => f.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toContain("YTFiMmMzZDRl");
      expect(t).toContain("Basic [redacted]");
    }
  });
});

const ADMIN = "YWRtaW46cGFzc3dvcmQ="; // admin:password

describe("a Basic credential under an auth key or URL-encoded", () => {
  it.each([
    [`-> 401 basic_auth=${ADMIN}`, "-> 401 basic_auth=[redacted]"],
    [`BASIC_AUTH="${ADMIN}" loaded`, 'BASIC_AUTH="[redacted]" loaded'],
    [`basicAuth: ${ADMIN}, retries 3`, "basicAuth: [redacted], retries 3"],
    [`http_auth=${ADMIN}`, "http_auth=[redacted]"],
    ["-> 401 Basic%20YWRtaW46cGFzc3dvcmQ%3D", "-> 401 Basic%20[redacted]"],
    ["hdr=Basic+YWRtaW46cGFzc3dvcmQ%3D&to=%2B15551234567", "hdr=Basic+[redacted]&to=%2B15551234567"],
    ["q=Basic%20dXNlcjpQYXNzd29yZA%3D%3D", "q=Basic%20[redacted]"],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each([
    "Basic%20Call%20Flow",
    "title=Basic+Rate+Interface",
    "Basic%20Authentication%20required",
    "basic_auth=disabled",
    "basic auth failed for trunk pstn-1 (401)",
    'WWW-Authenticate: Basic realm="api"',
  ])("leaves %s alone", (text) => {
    expect(hidden(text)).toBe(text);
  });

  it("keeps both forms out of scanned findings", () => {
    const log = [
      `2024-03-05T03:20:18Z ERROR POST https://api.exotel.com/v1/Accounts/acme/Calls/connect.json -> 401 basic_auth=${ADMIN}`,
      "2024-03-05T03:20:20Z ERROR POST https://api.exotel.com/v1/Accounts/acme/Calls/connect.json -> 401 Basic%20YWRtaW46cGFzc3dvcmQ%3D",
    ].join("\n");
    const texts = scanText(catalog(), log).findings.map((f) => f.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).not.toContain("YWRtaW46cGFzc3dvcmQ");
  });
});
