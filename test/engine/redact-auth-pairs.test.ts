// A user:secret pair after an auth word (auth=, "basic auth", basicAuth) is hidden as curl -u's
// is, and a Twilio SID with its auth token or API key secret is hidden under any word or none.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const hidden = (text: string) => redact(text, { maskPhoneNumbers: false });
const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

describe("a user:secret pair after an auth word", () => {
  it.each([
    [`status 401 auth=${SID}:${TOKEN}`, "status 401 auth=[redacted]"],
    [`HTTP 401 basic auth ${SID}:${TOKEN}`, "HTTP 401 basic auth [redacted]"],
    ["HTTP 401 Basic-Auth: admin:S3cret! -> 401", "HTTP 401 Basic-Auth: [redacted] -> 401"],
    ['{"basicAuth":"admin:S3cret","status":401}', '{"basicAuth":"[redacted]","status":401}'],
    ["GET /v1/calls?auth=bob:S3cret&page=2 401", "GET /v1/calls?auth=[redacted]&page=2 401"],
    ["proxy_auth: 1001:4711 SIP/2.0 407", "proxy_auth: [redacted] SIP/2.0 407"],
    ["auth=Basic YWRtaW46UzNjcmV0 401", "auth=Basic [redacted] 401"],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each([
    "ERROR: auth [api.c:201]: pre_auth(): invalid nonce",
    "auth sip:alice@example.com failed 401",
    "auth 10.0.0.1:5060 failed 403",
    "auth proxy.example.com:5060 401",
    "auth 12:30:01 failed 401",
    "auth=none 401",
    "auth: user alice: wrong password",
  ])("leaves %s alone", (text) => {
    expect(hidden(text)).toBe(text);
  });
});

describe("a Twilio SID with its secret under no keyword", () => {
  it.each([
    [`creds ${SID}:${TOKEN} failed 401`, `creds ${SID}:[redacted] failed 401`],
    [`twilio ${SID}%3A${TOKEN} 401`, `twilio ${SID}%3A[redacted] 401`],
    [
      "api key SK0123456789abcdef0123456789abcdef:AbCdEfGhIjKlMnOpQrStUvWxYz012345 401",
      "api key SK0123456789abcdef0123456789abcdef:[redacted] 401",
    ],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it("keeps a SID on its own readable", () => {
    expect(hidden(`AccountSid ${SID} 401`)).toBe(`AccountSid ${SID} 401`);
  });

  it("shows the 401 and never the token", () => {
    const paste = [`status 401 auth=${SID}:${TOKEN}`, `HTTP 401 basic auth ${SID}:${TOKEN}`].join("\n");
    const result = scanText(catalog(), paste);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([
      [401, 1],
      [401, 2],
    ]);
    expect(result.findings.map((f) => f.text)).toEqual([
      "status 401 auth=[redacted]",
      "HTTP 401 basic auth [redacted]",
    ]);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });
});
