// A 401 with stale=true to a REGISTER sent with credentials: the server accepted the credentials and
// only the nonce had expired (RFC 3261 §22.4), so it is never called a refusal of the password.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function message(stamp: string, from: string, to: string, first: string, cseq: number, extra: string[] = []) {
  return [
    `U 2024/03/05 ${stamp} ${from} -> ${to}`,
    first,
    `Via: SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bKaa0${cseq}`,
    "From: <sip:1001@pbx.example.com>;tag=f1",
    "To: <sip:1001@pbx.example.com>",
    "Call-ID: reg-1001-abc@10.0.0.5",
    `CSeq: ${cseq} REGISTER`,
    ...extra,
    "Content-Length: 0",
    "",
  ];
}
const PHONE = "10.0.0.5:5060";
const REGISTRAR = "203.0.113.5:5060";
const REGISTER = "REGISTER sip:pbx.example.com SIP/2.0";
const auth =
  'Authorization: Digest username="1001", realm="pbx.example.com", nonce="abc123", response="0123"';
const stale = (n: string, extra = "") =>
  `WWW-Authenticate: Digest realm="pbx.example.com", nonce="${n}", algorithm=MD5${extra}`;

const upToStale = [
  ...message("03:20:01.100000", PHONE, REGISTRAR, REGISTER, 1),
  ...message("03:20:01.150000", REGISTRAR, PHONE, "SIP/2.0 401 Unauthorized", 1, [stale("abc123")]),
  ...message("03:20:01.200000", PHONE, REGISTRAR, REGISTER, 2, [auth]),
  ...message("03:20:01.250000", REGISTRAR, PHONE, "SIP/2.0 401 Unauthorized", 2, [
    stale("def456", ", stale=true"),
  ]),
];
const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));

describe("a 401 with stale=true after credentials were sent", () => {
  it("is not headlined as refused credentials when no retry is answered", () => {
    const a = run(upToStale);
    expect(a.firstFailureLabel).not.toMatch(/refused|wrong password/);
    expect(a.firstFailureLabel).toMatch(
      /stale=true: the credentials were accepted but the nonce had expired/,
    );
    expect(a.failingComponent ?? "").not.toMatch(/credentials configured/);
  });

  it("names the client that did not resend, and checks the resend rather than the password", () => {
    const a = run(upToStale);
    expect(a.failingComponent).toMatch(/^the client, which did not resend its request/);
    expect(a.checklist[0]).toMatch(/^Look for the request resent with the new nonce/);
    expect(a.checklist.join("\n")).not.toMatch(/password and realm|fail2ban/);
  });

  it("is normal, with no refusal note, when the retry with the new nonce succeeds", () => {
    const a = run([
      ...upToStale,
      ...message("03:20:01.300000", PHONE, REGISTRAR, REGISTER, 3, [auth]),
      ...message("03:20:01.350000", REGISTRAR, PHONE, "SIP/2.0 200 OK", 3),
    ]);
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).not.toMatch(/refused the credentials/);
    expect(a.normal.join(" ")).toMatch(/stale=true: the server accepted the credentials/);
  });

  it("still calls a second challenge without stale=true a refusal", () => {
    const a = run(upToStale.map((l) => l.replace(", stale=true", "")));
    expect(a.firstFailureLabel).toMatch(/refused them \(wrong password/);
  });
});
