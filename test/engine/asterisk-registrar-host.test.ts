// chan_sip's own REGISTER results name the registrar only as the host of "user@host": that host
// is the side the finding is about, whether it refused the REGISTER or never answered it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const at = "[Mar  5 02:31:00] WARNING[3098] chan_sip.c: ";
const scanned = (line: string) =>
  scanText(catalog(), line).findings.map((f) => [f.code, f.host, f.direction]);

describe("the registrar of chan_sip's REGISTER results", () => {
  it("is the host that answered a 404, 423 or 479", () => {
    expect(
      scanned(`${at}Got 404 Not found on SIP register to service acct8812@sip.carrier.example, giving up`),
    ).toEqual([[404, "sip.carrier.example", "in"]]);
    expect(
      scanned(`${at}Got 423 Interval too brief for service acct8812@sip.carrier.example:5060, giving up`),
    ).toEqual([[423, "sip.carrier.example:5060", "in"]]);
    expect(
      scanned(`${at}Got error 479 on register to acct8812@203.0.113.7, giving up (check config)`),
    ).toEqual([[479, "203.0.113.7", "in"]]);
  });

  it("is the host that never answered a REGISTER that timed out; the 408 is Asterisk's own", () => {
    const log = [
      "[Mar  5 02:30:00] NOTICE[3098] chan_sip.c:    -- Registration for 'acct8812@sip.carrier.example' timed out, trying again (Attempt #2)",
      "[Mar  5 02:30:20] NOTICE[3098] chan_sip.c:    -- Last Registration Attempt #3 failed, Giving up forever trying to register 'acct8812@sip.carrier.example'",
    ].join("\n");
    const scan = scanText(catalog(), log);
    expect(scan.findings.map((f) => [f.code, f.host, f.direction])).toEqual([
      [408, "sip.carrier.example", "local"],
      [408, "sip.carrier.example", "local"],
    ]);
    expect(analyze(catalog(), scan).failingComponent).toMatch(/^sip\.carrier\.example, which never answered/);
  });
});
