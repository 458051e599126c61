// An ACS code/subcode pair that opens the general entry for its code: named as logged, with what
// its subcode means. A 560 prefix says the outbound SBC or carrier answered, not ACS's infrastructure.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const summary = (text: string) => analyze(catalog(), scanText(catalog(), text));

describe("an ACS pair that opens its code's general entry", () => {
  const sbcThenAcs = [
    "2024-06-03 02:14:40.801 sbc1 kamailio[3120]: INFO: <script>: INVITE from 52.114.148.0 ci=a1b2c3d4e5f6@sip.pstnhub.microsoft.com ru=sip:+14155550123@sbc1.contoso.com:5061",
    "2024-06-03 02:14:40.950 sbc1 kamailio[3120]: INFO: <script>: reply 503 Service Unavailable for INVITE ci=a1b2c3d4e5f6@sip.pstnhub.microsoft.com from 198.51.100.7",
    '2024-06-03 02:14:41.003 [ERROR] callEndReason: {"code":503,"subCode":560503}',
  ].join("\n");

  it("says the outbound SBC or carrier answered a 560503 linked to the SBC's 503", () => {
    const a = summary(sbcThenAcs);
    const linked = a.correlations.join(" ");
    expect(linked).toMatch(/ACS 503\/560503 \(the outbound SBC or carrier answered 503; line 3\)/);
    expect(linked).not.toMatch(/infrastructure/);
    expect(
      a.timeline.some((r) => /ACS 503\/560503 \(the outbound SBC or carrier answered 503\)/.test(r.label)),
    ).toBe(true);
  });

  it("gives a pair outside the PSTN prefixes its entry's title in the timeline", () => {
    const a = summary('2024-06-03 02:14:41.003 [INFO] callEndReason: {"code":500,"subCode":0}');
    expect(a.timeline.map((r) => r.label)).toContain("ACS 500/0 ACS infrastructure error (500)");
  });
});
