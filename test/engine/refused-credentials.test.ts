// A challenge answered with credentials and challenged again: the headline says the credentials were
// refused, and the failing component is the credentials (or their account), not the challenger.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

/** A 401 as a client receives it ("RX … from") or as the registrar sends it ("TX … to"). */
const reply = (way: "RX" | "TX", at: string, cseq: number, code: number, auth = "WWW") =>
  `02:14:07.${at}    pjsua_core.c  .${way} 498 bytes Response msg ${code}/REGISTER/cseq=${cseq} (rdata0x7f3c) ${way === "RX" ? "from" : "to"} UDP 203.0.113.10:5060:
SIP/2.0 ${code} ${code === 407 ? "Proxy Authentication Required" : "Unauthorized"}
Via: SIP/2.0/UDP 192.168.1.20:5060;rport=5060;branch=z9hG4bKPj${cseq}
Call-ID: 4f3e2d1c0b9a8f7e
CSeq: ${cseq} REGISTER
Server: Asterisk PBX 18.20.0
${auth}-Authenticate: Digest algorithm=MD5, realm="asterisk", nonce="6b2c${cseq}"
Content-Length: 0

--end msg--
`;

describe("credentials refused after a challenge", () => {
  it("says the registrar refused the credentials the REGISTER was sent again with", () => {
    const a = run(reply("RX", "180", 23401, 401) + reply("RX", "260", 23402, 401));
    expect(a.firstFailure?.line).toBe(12);
    expect(a.firstFailureLabel).toContain("REGISTER sent again with credentials");
    expect(a.firstFailureLabel).toContain("the registrar refused them (wrong password, username or realm)");
    expect(a.summary).toContain("so the registrar refused them");
  });

  it("points at the client's credentials or their account, not at the server for challenging", () => {
    const a = run(reply("RX", "180", 23401, 401) + reply("RX", "260", 23402, 401));
    expect(a.failingComponent).toMatch(
      /^the credentials configured on this client \(username, auth ID, password/,
    );
    expect(a.failingComponent).toContain("the account for them on the registrar 203.0.113.10:5060");
    expect(a.failingComponent).not.toMatch(/proxies use 407/);
  });

  it("names the client's address when the registrar's own log shows the 401s it sent", () => {
    const a = run(reply("TX", "180", 23401, 401) + reply("TX", "260", 23402, 401));
    expect(a.failingComponent).toContain("the credentials configured on the client at 203.0.113.10:5060");
    expect(a.failingComponent).toContain("its account on this registrar, the system that wrote this log");
  });

  it("keeps a single challenge that was answered with success out of it", () => {
    const ok = reply("RX", "260", 23402, 200).replace("200 Unauthorized", "200 OK");
    const a = run(reply("RX", "180", 23401, 401) + ok);
    expect(a.firstFailure).toBeNull();
    expect(a.failingComponent ?? "").not.toContain("credentials");
  });
});
