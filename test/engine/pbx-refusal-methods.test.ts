// When this PBX refused an INVITE and a REGISTER with the same 401 (an unknown carrier or scanner,
// and a phone with a wrong password), the checks of both requests are offered.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));

describe("one 401 this PBX sent for a refused INVITE and a refused REGISTER", () => {
  const refused = (t: number, method: string, from: string, why: string) =>
    `[2024-03-05 03:20:0${t}.102] NOTICE[4130]: res_pjsip/pjsip_distributor.c:673 log_failed_request: Request '${method}' from '<sip:1001@pbx.example.com>' failed for '${from}' (callid: abc${t}) - ${why}`;

  it("offers the checks of both requests, the first failure's first", () => {
    const a = run([
      refused(1, "INVITE", "198.51.100.99:5071", "No matching endpoint found"),
      refused(2, "REGISTER", "198.51.100.77:5062", "Failed to authenticate"),
    ]);
    expect(a.checklist[0]).toContain("No matching endpoint found");
    expect(a.checklist.some((c) => c.startsWith("Count the refused REGISTERs"))).toBe(true);
    expect(a.checklist.some((c) => c.includes("verify username, auth ID, password"))).toBe(true);
    expect(new Set(a.checklist).size).toBe(a.checklist.length);
  });

  it("leads with the REGISTER's checks when the REGISTER was refused first", () => {
    const a = run([
      refused(1, "REGISTER", "198.51.100.77:5062", "Failed to authenticate"),
      refused(2, "INVITE", "198.51.100.99:5071", "No matching endpoint found"),
    ]);
    expect(a.checklist[0]).toContain("Authorization header");
    expect(a.checklist.some((c) => c.includes("pjsip show identifies"))).toBe(true);
  });
});
