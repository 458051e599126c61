// An ACS result's sipDetails and q850Details belong to the resultInformation that holds them: an
// earlier event of the same call (an action that succeeded) never carries another event's failure.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const CALL =
  '"callConnectionId":"411f0b00-7a1e-4c0c-9d31-8c9c7c3b1a11","correlationId":"3f1b0d5a-2c1e-4b3a-9d8f-0e1a2b3c4d5e"';
const PLAYED = `{"type":"Microsoft.Communication.PlayCompleted","data":{"resultInformation":{"code":200,"subCode":0,"message":"Action completed successfully."},${CALL}},"time":"2024-05-14T09:10:01.123Z"}`;
const FAILED = `{"type":"Microsoft.Communication.CreateCallFailed","data":{"resultInformation":{"code":500,"subCode":560503,"message":"Unavailable. DiagCode: 500#560503.@","sipDetails":{"code":503,"message":"Service Unavailable"},"q850Details":{"code":34,"message":"No circuit/channel available"}},${CALL}},"time":"2024-05-14T09:10:05.123Z"}`;

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("the ACS result that carries SIP and Q.850 details", () => {
  it("keeps an earlier successful action of the same call as normal traffic", () => {
    const a = analysed(`${PLAYED}\n${FAILED}\n`);
    expect(a.firstFailure).toMatchObject({ namespace: "acs", code: 500, subcode: 560503, line: 2 });
    expect(a.firstFailureLabel).toBe("ACS 500/560503 Unavailable (carrying SIP 503 Service Unavailable)");
    expect(a.failingComponent).toMatch(/^The SBC or carrier on the outbound PSTN leg/);
    expect(a.normal[0]).toContain("ACS 200/0");
    expect(a.correlations[0]).toMatch(/^ACS 500\/560503 \(line 2\) carries SIP 503 .* and Q\.850 cause 34/);
    expect(a.correlations.join(" ")).not.toContain("ACS 200/0");
  });

  it("reads a pretty-printed result by the object its details sit in", () => {
    const log = [
      PLAYED,
      "{",
      '  "resultInformation": {',
      '    "code": 500,',
      '    "subCode": 560503,',
      '    "sipDetails": { "code": 503, "message": "Service Unavailable" },',
      '    "q850Details": { "code": 34, "message": "No circuit/channel available" }',
      "  }",
      "}",
    ].join("\n");
    const a = analysed(log);
    expect(a.firstFailure).toMatchObject({ namespace: "acs", code: 500, subcode: 560503 });
    expect(a.normal[0]).toContain("ACS 200/0");
  });
});
