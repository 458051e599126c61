// ACSCallSummary rows (CSV export, Log Analytics grid, JSON) read as ACS call-end pairs.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (text: string) => scanText(catalog(), text).findings;
const ids = (text: string) => scan(text).map((f) => `${f.namespace} ${f.code}/${f.subcode} @${f.line}`);

const CSV = [
  "TimeGenerated,CorrelationId,CallType,ParticipantId,EndpointType,ParticipantStartTime,ParticipantDuration,ParticipantEndReason,ParticipantEndSubCode,SdkVersion",
  "2024-05-14T09:05:00Z,3f1b0d5a-2c1e-4b3a-9d8f-0e1a2b3c4d5e,P2P,8f3a2b1c-1111,VoIP,2024-05-14T09:02:10Z,3,410,3112,1.23.1",
  "2024-05-14T09:06:00Z,3f1b0d5a-2c1e-4b3a-9d8f-0e1a2b3c4d5e,P2P,9e4b3c2d-1111,PSTN,2024-05-14T09:02:10Z,0,0,0,",
].join("\n");

describe("ACSCallSummary exports", () => {
  it("reads a CSV export's end reason and subcode as the ACS pair, with the call and time", () => {
    const f = scan(CSV);
    expect(f.map((x) => `${x.namespace} ${x.code}/${x.subcode}`)).toEqual(["acs 410/3112", "acs 0/0"]);
    expect(f[0]?.callId).toBe("3f1b0d5a-2c1e-4b3a-9d8f-0e1a2b3c4d5e");
    expect(f[0]?.timestamp).toBe("2024-05-14T09:05:00Z");
  });

  it("makes 410/3112 the first failure and 0/0 normal traffic", () => {
    const a = analyze(catalog(), scanText(catalog(), CSV));
    expect(a.firstFailure).toMatchObject({ namespace: "acs", code: 410, subcode: 3112 });
    expect(a.counts.failures).toBe(1);
  });

  it("reads rows copied from the Log Analytics grid, zone-tagged header and US times", () => {
    const tsv = [
      "TimeGenerated [UTC]\tCorrelationId\tParticipantId\tEndpointType\tParticipantEndReason\tParticipantEndSubCode\tParticipantDuration",
      "5/14/2024, 9:05:00.000 AM\t3f1b0d5a-2c1e\t8f3a2b1c-1111\tVoIP\t410\t3112\t3",
      "5/14/2024, 1:07:00.000 PM\t3f1b0d5a-2c1e\t9e4b3c2d-1111\tPSTN\t487\t560487\t0",
    ].join("\n");
    const f = scan(tsv);
    expect(f.map((x) => `${x.code}/${x.subcode}`)).toEqual(["410/3112", "487/560487"]);
    expect(f[1]?.tsMs).toBe(Date.UTC(2024, 4, 14, 13, 7, 0));
  });

  it("reads a JSON export, one record per line or pretty-printed", () => {
    const line =
      '{"TimeGenerated":"2024-05-14T09:05:00Z","CorrelationId":"3f1b","ParticipantEndReason":"480","ParticipantEndSubCode":10037}';
    expect(ids(line)).toEqual(["acs 480/10037 @1"]);
    const pretty = [
      "[",
      "  {",
      '    "CorrelationId": "3f1b",',
      '    "ParticipantEndReason": "410",',
      '    "ParticipantEndSubCode": 3112,',
      '    "SdkVersion": "1.23.1"',
      "  }",
      "]",
    ].join("\n");
    expect(ids(pretty)).toEqual(["acs 410/3112 @5"]);
  });
});
