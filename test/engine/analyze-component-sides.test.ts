// The failing side when it is not the one that produced the code (an ACS ring timeout), and the
// checks a REGISTER refused with 403 gets (credentials and account, not dialled numbers).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const REGISTER_403 = `2024-06-03 02:40:00.000 recv 400 bytes from udp/198.51.100.5:5060:
SIP/2.0 403 Forbidden
Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK777
From: <sip:trunkuser@carrier.example>;tag=x1
To: <sip:trunkuser@carrier.example>;tag=y1
Call-ID: r1@203.0.113.5
CSeq: 2 REGISTER
Content-Length: 0

`;

describe("who failed, when not who answered", () => {
  it("blames the callee or its app for an ACS ring timeout, not the call controller", () => {
    const a = run("2024-06-01 11:00:00.000 Call ended with code 487 and subcode 10004\n");
    expect(a.failingComponent).toMatch(/^The callee or its app/);
    expect(a.failingComponent).not.toMatch(/call controller/);
  });

  it("gives a REGISTER refused with 403 credential and account checks", () => {
    const a = run(REGISTER_403);
    const checks = a.checklist.join("\n");
    expect(checks).toMatch(/password and realm/);
    expect(checks).toMatch(/fail2ban/);
    expect(checks).not.toMatch(/dialled destination|calling number presented/);
  });

  it("keeps the INVITE checks for an INVITE refused with 403", () => {
    const a = run(REGISTER_403.replace("CSeq: 2 REGISTER", "CSeq: 2 INVITE"));
    expect(a.checklist.join("\n")).toMatch(/dialled destination/);
  });

  it("names only the log's own system when it sent the 403 itself", () => {
    const a = run(REGISTER_403.replace("recv 400 bytes from", "send 400 bytes to"));
    expect(a.failingComponent).toMatch(/^the system that wrote this log, which sent the 403/);
    expect(a.failingComponent).not.toMatch(/called UA/);
  });
});
