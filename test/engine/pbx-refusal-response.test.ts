// A request Asterisk's PJSIP distributor refused, logged in its words and then shown by the pjsip
// logger as the 401 it sent: one event, with the refusal's checks rather than a normal challenge's;
// and a Kamailio dispatcher probe that timed out, named as the destination that never answered.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const rows = (log: string) => scanCard(run(log)).sections.find((s) => s.heading === "Timeline")?.items ?? [];

const refused = (reason: string, transport: string) =>
  [
    `[2024-03-05 10:15:01] NOTICE[2201]: res_pjsip/pjsip_distributor.c:676 log_failed_request: Request 'INVITE' from '"100" <sip:100@198.51.100.23>' failed for '198.51.100.23:5080' (callid: 9c1d2e3f) - ${reason}`,
    `${transport}<--- Transmitting SIP response (561 bytes) to UDP:198.51.100.23:5080 --->`,
    "SIP/2.0 401 Unauthorized",
    "Via: SIP/2.0/UDP 198.51.100.23:5080;rport=5080;received=198.51.100.23;branch=z9hG4bK-2",
    "Call-ID: 9c1d2e3f",
    "CSeq: 1 INVITE",
    'WWW-Authenticate: Digest realm="asterisk",nonce="1709633701/aa",algorithm=md5,qop="auth"',
    "Server: Asterisk PBX 20.5.0",
    "Content-Length:  0",
    "",
  ].join("\n");

describe("the 401 Asterisk sent for a request its distributor refused", () => {
  for (const [name, prefix] of [
    ["bare", ""],
    ["in Asterisk's full log", "[2024-03-05 10:15:01] VERBOSE[2201] res_pjsip_logger.c: "],
  ]) {
    it(`is one failure with the refusal's checks (logger line ${name})`, () => {
      const a = run(refused("No matching endpoint found", prefix as string));
      expect(a.counts.failures).toBe(1);
      expect(a.counts.findings).toBe(1);
      const checks = a.checklist.join("\n");
      expect(checks).toMatch(/identify/);
      expect(checks).toMatch(/fail2ban/);
      expect(checks).not.toMatch(/one 401 followed by success is normal/);
    });
  }

  it("keeps the refused login's checks for a wrong password on a call", () => {
    const checks = run(refused("Failed to authenticate", "")).checklist.join("\n");
    expect(checks).toMatch(/password guessing/);
  });

  it("leaves a plain challenge of a call with the digest checks", () => {
    const plain = refused("No matching endpoint found", "").split("\n").slice(1).join("\n");
    const checks = run(plain).checklist.join("\n");
    expect(checks).toMatch(/one 401 followed by success is normal/);
    expect(checks).not.toMatch(/identify/);
  });
});

describe("a dispatcher probe that timed out", () => {
  const probe = (code: number, host: string) =>
    `Mar  5 02:50:05 proxy1 /usr/sbin/kamailio[4133]: DEBUG: dispatcher [dispatch.c:3226]: ds_options_callback(): OPTIONS-Request was finished with code ${code} (to sip:${host}:5060, group 1)`;

  it("names the silent destination in its row, never as the 408's sender", () => {
    const log = [probe(200, "10.0.0.22"), probe(408, "10.0.0.21")].join("\n");
    const shown = rows(log).join("\n");
    expect(shown).toMatch(
      /✗ SIP 408 Request Timeout \(generated locally: no answer from 10\.0\.0\.21:5060\)/,
    );
    expect(shown).not.toMatch(/408[^\n]*from 10\.0\.0\.21:5060 —/);
    expect(run(log).failingComponent).toMatch(/^10\.0\.0\.21:5060, which never answered the OPTIONS/);
  });
});
