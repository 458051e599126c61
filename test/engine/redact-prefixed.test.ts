// Cisco configuration commands as a syslog or a terminal echoes them, behind a configuration
// prompt or a CFGLOG "logged command:" prefix, and server keys that hold spaces.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const hidden = (text: string) => redact(text, { maskPhoneNumbers: false });

describe("Cisco commands behind a prompt or a syslog prefix", () => {
  const CFGLOG = "Mar  5 03:20:01.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:";

  it.each([
    [
      `${CFGLOG}username bob secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0`,
      `${CFGLOG}username bob secret [redacted]`,
    ],
    [`${CFGLOG}username bob password 0 S3cret`, `${CFGLOG}username bob password [redacted]`],
    [`${CFGLOG}enable secret S3cret`, `${CFGLOG}enable secret [redacted]`],
    [`${CFGLOG}radius-server key my shared secret`, `${CFGLOG}radius-server key [redacted]`],
    ["router(config)#username bob password 0 S3cret", "router(config)#username bob password [redacted]"],
    ["router(config)# enable secret S3cret", "router(config)# enable secret [redacted]"],
    ["router(config-line)#password cisco", "router(config-line)#password [redacted]"],
    ["router(config-radius-server)#key S3cret", "router(config-radius-server)#key [redacted]"],
    [
      "cube(config-sip-ua)#authentication username 4155550100 password 0 S3cret realm example.com",
      "cube(config-sip-ua)#authentication username 4155550100 password [redacted] realm example.com",
    ],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each(["router#show running-config | include username", "router# username", "Password incorrect"])(
    "leaves %s alone",
    (text) => {
      expect(hidden(text)).toBe(text);
    },
  );
});

describe("a RADIUS or TACACS+ key that holds spaces", () => {
  it.each([
    ["radius-server key my shared secret", "radius-server key [redacted]"],
    ["radius-server key 0 my shared secret", "radius-server key [redacted]"],
    [
      "radius-server host 10.0.0.1 auth-port 1812 acct-port 1813 key my shared secret",
      "radius-server host 10.0.0.1 auth-port 1812 acct-port 1813 key [redacted]",
    ],
    ["tacacs-server key S3 cret", "tacacs-server key [redacted]"],
    // In a JSON string the key ends at the closing quote, which stays.
    [
      '{"cmd":"radius-server key my shared secret","code":503}',
      '{"cmd":"radius-server key [redacted]","code":503}',
    ],
    // An encrypted key is one word: what follows it stays readable.
    [
      "radius-server key 7 0822455D0A16 SIP/2.0 503 Service Unavailable",
      "radius-server key [redacted] SIP/2.0 503 Service Unavailable",
    ],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it("hides the whole key in a pasted session's findings", () => {
    const paste = [
      "Mar  5 03:20:01.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:radius-server key my shared secret",
      "router(config)#username bob password 0 S3cretPw",
      "SIP/2.0 503 Service Unavailable",
    ].join("\n");
    const result = scanText(catalog(), paste);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([[503, 3]]);
    expect(JSON.stringify(result)).not.toMatch(/shared|S3cretPw/);
  });
});
