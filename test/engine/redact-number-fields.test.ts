// Both parties of a call in the number fields SBCs and switches print (AudioCodes, Cisco,
// FreeSWITCH): each number is masked, codes, ports, counters and ids stay.
import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/scan/redact.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("calling and called number fields", () => {
  it.each([
    // AudioCodes CDR and syslog fields, the number before and after manipulation.
    [
      "CALL_RELEASED: Cause=17 SrcPhoneNum=4155550123 DstPhoneNum=02079460958",
      "CALL_RELEASED: Cause=17 SrcPhoneNum=415•••••23 DstPhoneNum=020••••••58",
    ],
    ["SrcNum=4155550123 DstNum=02079460958", "SrcNum=415•••••23 DstNum=020••••••58"],
    [
      "SrcNumBeforeMap=4155550123 DstNumBeforeMap=02079460958",
      "SrcNumBeforeMap=415•••••23 DstNumBeforeMap=020••••••58",
    ],
    ["calling=4155550123 called=02079460958", "calling=415•••••23 called=020••••••58"],
    ['"calling": "4155550123", "called": "02079460958"', '"calling": "415•••••23", "called": "020••••••58"'],
    // Cisco debug wording and FreeSWITCH channel variables.
    [
      "calling number 4155550123 called number 02079460958",
      "calling number 415•••••23 called number 020••••••58",
    ],
    [
      "caller_id_number=4155550123 destination_number=02079460958",
      "caller_id_number=415•••••23 destination_number=020••••••58",
    ],
    [
      "effective_caller_id_number=4155550123 origination_caller_id_number=4155550188",
      "effective_caller_id_number=415•••••23 origination_caller_id_number=415•••••88",
    ],
  ])("%s", (text, want) => {
    expect(redact(text)).toBe(want);
  });

  it.each([
    "SrcPort=5060 DstPort=5060 SrcNumPlan=1 DstNumType=0",
    "SrcIp=10.1.1.5 DstIp=203.0.113.9 SessionId=12345678901",
    "SID=d4a2b8:12:98771 (N 71234610) Cause=17",
    "callid=12345678901 calls=12345678 dst_port=40000",
  ])("leaves %s alone", (text) => {
    expect(redact(text)).toBe(text);
  });

  it("masks both parties of an AudioCodes release line", () => {
    const log =
      "Mar  5 03:20:03 10.1.1.5 local0.notice  [S=2345710] [SID=d4a2b8:12:98771] (N 71234610) CALL_RELEASED: Cause=17 SrcPhoneNum=4155550123 DstPhoneNum=02079460958";
    const texts = scanText(catalog(), log).findings.map((f) => f.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toContain("4155550123");
      expect(t).not.toContain("02079460958");
    }
  });
});
