// SIPp aborting a test call on a message its scenario did not expect: an ordinary answer blames the
// scenario and leads with its checks; a refusal stays the system under test's.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const abort = (
  expecting: string,
  status: string,
) => `2024-03-05\t02:14:11.402817\t1709604851.402817: Aborting call on unexpected message for Call-Id '42-31845@10.0.0.5': while expecting '${expecting}' (index 3), received 'SIP/2.0 ${status}
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-31845-42-0;received=10.0.0.5
Call-ID: 42-31845@10.0.0.5
CSeq: 1 INVITE
Server: FPBX-16.0.40(18.20.0)
Content-Length: 0

'.
`;

describe("SIPp aborts on an unexpected message", () => {
  it("blames the scenario, not the system under test, for an unexpected 183", () => {
    const a = run(abort("200", "183 Session Progress"));
    expect(a.firstFailureLabel).toContain("which the SIPp scenario did not expect");
    expect(a.failingComponent).toMatch(/^the SIPp scenario, not the system under test \(FPBX-16\.0\.40/);
    expect(a.failingComponent).toContain("step index 3 waited for '200'");
    expect(a.failingComponent).not.toContain("called UA");
  });

  it("leads the checklist with the scenario's checks and drops the 183's early-media checks", () => {
    const a = run(abort("200", "183 Session Progress"));
    expect(a.checklist[0]).toContain('<recv response="183" optional="true"/>');
    expect(a.checklist.some((c) => c.includes("-trace_err") && c.includes("-trace_msg"))).toBe(true);
    expect(a.checklist.join("\n")).not.toMatch(/early media|PRACK/i);
  });

  it("keeps a refusal the system under test's, with the scenario's checks after the refusal's", () => {
    const a = run(abort("180", "486 Busy Here"));
    expect(a.failingComponent).not.toContain("SIPp scenario");
    const scenario = a.checklist.findIndex((c) => c.includes('optional="true"'));
    expect(scenario).toBeGreaterThan(0);
  });

  it("reads older SIPp's wording without a step index", () => {
    const a = run(abort("200", "180 Ringing").replace(" (index 3)", " response"));
    expect(a.failingComponent).toContain("the step the call had reached waited for '200'");
  });
});
