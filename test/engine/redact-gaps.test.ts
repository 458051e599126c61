// Secrets in pasted shell sessions (mysql -p, httpie -a) and in Cisco IOS / IOS XE configuration:
// the keyword stays readable, the value never shows, and the codes around them are still found.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const hidden = (text: string) => redact(text, { maskPhoneNumbers: false });

describe("shell commands", () => {
  it.each([
    ["$ mysql -u kamailio -pS3cretPw kamailio", "$ mysql -u kamailio -p[redacted] kamailio"],
    ["$ mysql -u root --password=S3cretPw", "$ mysql -u root --password=[redacted]"],
    ['mysqldump -uroot -p"S3 cret" kamailio > k.sql', 'mysqldump -uroot -p"[redacted]" kamailio > k.sql'],
    ["mariadb -h db -u root -pS3cretPw asterisk", "mariadb -h db -u root -p[redacted] asterisk"],
    [
      "$ http -a admin:S3cretPw POST https://api.example.com/v1/calls",
      "$ http -a [redacted] POST https://api.example.com/v1/calls",
    ],
    [
      "$ http --auth admin:S3cretPw POST https://api.example.com/v1/calls",
      "$ http --auth [redacted] POST https://api.example.com/v1/calls",
    ],
    ["http -A bearer -a Tok123abc GET https://x", "http -A bearer -a [redacted] GET https://x"],
    ["https --auth=admin:pw GET https://x", "https --auth=[redacted] GET https://x"],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each([
    // Without a glued password, -p prompts and the next word is the database; -P is the port.
    "mysql -h db -P 3306 -u root -p kamailio",
    "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
    "sudo ls -a /etc && http GET https://x",
    "http --auth-type=digest GET https://x",
  ])("leaves %s alone", (text) => {
    expect(hidden(text)).toBe(text);
  });
});

describe("Cisco IOS and IOS XE configuration", () => {
  it.each([
    ["radius-server key 7 0822455D0A16", "radius-server key [redacted]"],
    ["radius-server key S3cret", "radius-server key [redacted]"],
    [
      "radius-server host 10.0.0.1 auth-port 1812 acct-port 1813 key 7 0822455D0A16",
      "radius-server host 10.0.0.1 auth-port 1812 acct-port 1813 key [redacted]",
    ],
    [" key 7 0822455D0A16", " key [redacted]"],
    ["tacacs-server key S3cret", "tacacs-server key [redacted]"],
    ["username admin password 7 02050D480809", "username admin password [redacted]"],
    ["username admin secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "username admin secret [redacted]"],
    [
      "username admin privilege 15 algorithm-type scrypt secret 9 $9$nhEmQVczB7dqsO$X.Hs",
      "username admin privilege 15 algorithm-type scrypt secret [redacted]",
    ],
    ["enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQY", "enable secret [redacted]"],
    [" password 7 02050D480809", " password [redacted]"],
    [" password cisco", " password [redacted]"],
    ["snmp-server community S3cret RO", "snmp-server community [redacted] RO"],
    ["snmp-server host 10.0.0.9 version 2c S3cret", "snmp-server host 10.0.0.9 version 2c [redacted]"],
    [
      "snmp-server user U1 G1 v3 auth sha AuthPw123 priv aes 128 PrivPw123",
      "snmp-server user U1 G1 v3 auth sha [redacted] priv aes 128 [redacted]",
    ],
    [
      " credentials number 4155550100 username 4155550100 password 7 0822455D0A16 realm example.com",
      " credentials number 4155550100 username 4155550100 password [redacted] realm example.com",
    ],
    [
      " authentication username 4155550100 password 0 S3cret realm example.com",
      " authentication username 4155550100 password [redacted] realm example.com",
    ],
  ])("%s", (text, want) => {
    expect(hidden(text)).toBe(want);
  });

  it.each(["Password incorrect", "password 7 characters at minimum", "the key 7 is missing"])(
    "leaves %s alone",
    (text) => {
      expect(hidden(text)).toBe(text);
    },
  );
});

describe("a pasted session's findings", () => {
  const SECRETS = /S3cretPw|0822455D0A16|02050D480809|mERr|S3cret\b/;

  it("finds the codes after the commands and shows none of the secrets", () => {
    const paste = [
      "$ mysql -u kamailio -pS3cretPw kamailio",
      "SIP/2.0 503 Service Unavailable",
      "$ http -a admin:S3cretPw POST https://api.example.com/v1/calls",
      "HTTP/1.1 401 Unauthorized",
    ].join("\n");
    const result = scanText(catalog(), paste);
    expect(result.findings.map((f) => [f.code, f.line])).toEqual([
      [503, 2],
      [401, 4],
    ]);
    expect(JSON.stringify(result)).not.toMatch(SECRETS);
  });

  it("shows the keyword and hides the value on a line that holds a code", () => {
    const paste = [
      "$ http -a admin:S3cretPw POST https://api.example.com/v1/calls -> 503 Service Unavailable",
      "radius-server key 7 0822455D0A16 SIP/2.0 503 Service Unavailable",
      "username admin secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0 SIP/2.0 503 Service Unavailable",
      "snmp-server community S3cret RO SIP/2.0 503 Service Unavailable",
    ].join("\n");
    const result = scanText(catalog(), paste);
    const texts = result.findings.map((f) => f.text);
    expect(texts).toEqual([
      "$ http -a [redacted] POST https://api.example.com/v1/calls -> 503 Service Unavailable",
      "radius-server key [redacted] SIP/2.0 503 Service Unavailable",
      "username admin secret [redacted] SIP/2.0 503 Service Unavailable",
      "snmp-server community [redacted] RO SIP/2.0 503 Service Unavailable",
    ]);
    expect(JSON.stringify(result)).not.toMatch(SECRETS);
  });
});
