// Logins a PBX refused name the address that tried, and a registrar that kept refusing ours is
// named by the registration message.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("hosts of refused logins", () => {
  it("names the address a PJSIP refusal was sent to", () => {
    const line =
      "[2024-03-05 03:00:01] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'REGISTER' from '<sip:1001@pbx.example.com>' failed for '45.134.144.10:5071' (callid: abc123) - Failed to authenticate";
    const [f] = scanText(catalog(), line).findings;
    expect(f).toMatchObject({
      code: 401,
      method: "REGISTER",
      direction: "local",
      host: "45.134.144.10:5071",
    });
  });

  it("names the registrar chan_sip failed to authenticate to", () => {
    const line =
      "[Mar  5 02:31:00] NOTICE[3098] chan_sip.c: Failed to authenticate on REGISTER to 'acct8812@sip.carrier.example' (Tries 3)";
    const [f] = scanText(catalog(), line).findings;
    expect(f).toMatchObject({ code: 401, method: "REGISTER", host: "sip.carrier.example" });
  });

  it("counts a refusal once when the pjsip logger prints the response right after it", () => {
    const log = [
      "[2024-03-05 03:00:01] NOTICE[1433] res_pjsip/pjsip_distributor.c: Request 'INVITE' from '<sip:100@203.0.113.7>' failed for '203.0.113.7:5060' (callid: x1) - No matching endpoint found",
      "<--- Transmitting SIP response (503 bytes) to UDP:203.0.113.7:5060 --->",
      "SIP/2.0 401 Unauthorized",
      "Call-ID: x1",
      "CSeq: 1 INVITE",
      "",
    ].join("\n");
    expect(scanText(catalog(), log).findings.filter((f) => f.code === 401)).toHaveLength(1);
  });
});
