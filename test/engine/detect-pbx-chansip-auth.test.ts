// chan_sip's own word that a registrar kept refusing our credentials: a refused login, not a
// challenge.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("a registrar that refused our credentials", () => {
  it("is chan_sip's refused login: a 401 to the REGISTER, not a challenge", () => {
    const line =
      "[Mar  5 02:31:00] NOTICE[3098] chan_sip.c: Failed to authenticate on REGISTER to 'acct8812@sip.carrier.example' (Tries 3)";
    const scan = scanText(catalog(), line);
    expect(scan.findings.map((f) => [f.code, f.method])).toEqual([[401, "REGISTER"]]);
    const a = analyze(catalog(), scan);
    expect(a.firstFailure?.code).toBe(401);
    // Our own credentials towards the registrar, not a normal challenge.
    expect(a.checklist[0]).toMatch(/^The carrier challenged every REGISTER and refused the credentials/);
  });
});
