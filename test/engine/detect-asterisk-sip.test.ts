// SIP results Asterisk logs in its own words: chan_sip's REGISTER results and the 404 its
// dialplan answers an inbound call with when no extension matches the number.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("chan_sip registrations", () => {
  it("reads a refused REGISTER as a 403 from the registrar", () => {
    const scan = scanText(
      catalog(),
      "[Mar  5 02:31:00] WARNING[3098] chan_sip.c: Forbidden - wrong password on authentication for REGISTER for 'acct8812' to 'sip.carrier.example'",
    );
    expect(scan.findings.map((f) => [f.code, f.method, f.host])).toEqual([
      [403, "REGISTER", "sip.carrier.example"],
    ]);
  });

  it("reads a REGISTER that timed out as a 408 to the REGISTER, each attempt counted", () => {
    const log = [
      "[Mar  5 02:30:00] NOTICE[3098] chan_sip.c:    -- Registration for 'acct8812@sip.carrier.example' timed out, trying again (Attempt #2)",
      "[Mar  5 02:30:20] NOTICE[3098] chan_sip.c:    -- Last Registration Attempt #3 failed, Giving up forever trying to register 'acct8812@sip.carrier.example'",
    ].join("\n");
    const scan = scanText(catalog(), log);
    expect(scan.findings.map((f) => `${f.code} ${f.method} @${f.line}`)).toEqual([
      "408 REGISTER @1",
      "408 REGISTER @2",
    ]);
  });

  it("gives the REGISTER its method when the registrar answers 404", () => {
    const scan = scanText(
      catalog(),
      "[Mar  5 02:31:00] WARNING[3098] chan_sip.c: Got 404 Not found on SIP register to service acct8812@sip.carrier.example, giving up",
    );
    expect(scan.findings.map((f) => `${f.code} ${f.method}`)).toEqual(["404 REGISTER"]);
  });
});

describe("an inbound call to an extension the dialplan lacks", () => {
  it("is a 404 the PBX answered itself, naming the context", () => {
    for (const line of [
      "[2024-03-05 03:55:00] NOTICE[1433][C-00000080] res_pjsip_session.c: Call from 'carrier-in' (UDP:198.51.100.20:5060) to extension '18005559876' rejected because extension not found in context 'from-pstn'.",
      "[Mar  5 03:55:00] NOTICE[3098][C-00000090] chan_sip.c: Call from 'trunk-a' (198.51.100.20:5060) to extension '18005559876' rejected because extension not found in context 'from-pstn'.",
    ]) {
      const scan = scanText(catalog(), line);
      expect(scan.findings.map((f) => [f.code, f.method, f.direction, f.reason])).toEqual([
        [404, "INVITE", "local", "extension not found in context 'from-pstn'"],
      ]);
      // This Asterisk's own dialplan, by context: nothing downstream refused the call.
      expect(analyze(catalog(), scan).failingComponent).toMatch(
        /^This Asterisk's own dialplan: the call on endpoint '[\w-]+' .* matched no extension in its dialplan context 'from-pstn', so Asterisk answered the 404 itself/,
      );
    }
  });
});
