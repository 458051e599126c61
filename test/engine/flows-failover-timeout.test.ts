// A proxy that fails over after a 408: the first server never answered (the 408 is a timeout, most
// often the proxy's own Timer B), so it is not said to have answered, and no Retry-After is looked
// for on a 408 (RFC 3261 §20.33 does not list it).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const line = (time: string, text: string) =>
  `Jul 14 09:12:${time} edge1 /usr/sbin/kamailio[811]: INFO: <script>: ${text} callid=fo-408@10.9.0.4`;
const log = [
  line("00", "[DISPATCH] relaying INVITE to sip:198.51.100.31:5060 (set 2)"),
  line("32", "[FAILURE] 408 Request Timeout from 198.51.100.31"),
  line("32", "[DISPATCH] failover: relaying INVITE to sip:198.51.100.32:5060 (set 2)"),
  line("33", "[REPLY] 180 Ringing from 198.51.100.32"),
  line("35", "[REPLY] 200 OK from 198.51.100.32"),
].join("\n");

describe("a dispatcher failover after a 408", () => {
  it("says the first server never answered, with Timer B, and asks for no Retry-After", () => {
    const a = run(log);
    expect(a.firstFailure?.code).toBe(408);
    expect(a.summary).toContain("198.51.100.31 never answered in time");
    expect(a.summary).toContain("Timer B");
    expect(a.summary).not.toContain("Retry-After");
    expect(a.normal.join(" ")).toContain("Failover: 198.51.100.31 did not answer in time (SIP 408");
    expect(a.checklist[0]).toMatch(/^Check why 198\.51\.100\.31 does not answer/);
  });
});
