// Which codes are normal traffic and which are failures, as the scan answer shows them: the title
// ("First failure: …" or "No failures"), the ✓/✗ timeline rows and the normal-traffic notes.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

describe("Mobius statuses", () => {
  it("calls a Mobius 200 without a mobius-error normal traffic", () => {
    const { a, text } = scanned(
      "[webex-calling] 2024-05-14T17:03:05.000Z LOG registration: Status code: -> 200",
    );
    expect(a.firstFailure).toBeNull();
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain("✓ Mobius 200");
    expect(text).toContain("Normal traffic: Mobius 200");
    expect(text).not.toContain("Check next");
  });

  it("still calls a Mobius 503 after the 200 the first failure", () => {
    const { a, text } = scanned(
      [
        "[webex-calling] 2024-05-14T17:03:05.000Z LOG registration: Status code: -> 200",
        "[webex-calling] 2024-05-14T17:05:05.000Z WARN registration: Status code: -> 503",
      ].join("\n"),
    );
    expect(a.firstFailure?.line).toBe(2);
    expect(text).toMatch(/^First failure: Mobius 503/);
    expect(text).toContain("✓ Mobius 200");
  });
});

describe("FreeSWITCH ORIGINATOR_CANCEL", () => {
  const HANGUP = (cause: string, t: string, ext: string) =>
    `2024-05-14 12:0${t}:00.000000 [NOTICE] switch_core_state_machine.c:846 Hangup sofia/internal/${ext}@10.0.0.5 [CS_EXECUTE] [${cause}]`;

  it("is a call the caller cancelled: normal, with a note, not the first failure", () => {
    const { a, text } = scanned(HANGUP("ORIGINATOR_CANCEL", "7", "1002"));
    expect(a.firstFailure).toBeNull();
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain("✓ SIP 487 Request Terminated");
    expect(text).toContain(
      "SIP 487 Request Terminated on line 1: cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL); not a failure.",
    );
    expect(text).not.toContain("Check next");
  });

  it("leaves the other hangup causes of the log as they are", () => {
    const { a, text } = scanned(
      [HANGUP("ORIGINATOR_CANCEL", "7", "1002"), HANGUP("USER_BUSY", "8", "1003")].join("\n"),
    );
    expect(a.firstFailure?.line).toBe(2);
    expect(text).toMatch(/^First failure: Q\.850 cause 17 User busy/);
    expect(text).toContain("cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL)");
  });
});

describe("an ACS result with SIP and Q.850 details", () => {
  const CREATE_CALL_FAILED = (sip: number, q850: number, text: string) =>
    [
      "{",
      '  "type": "Microsoft.Communication.CreateCallFailed",',
      '  "data": {',
      '    "resultInformation": {',
      '      "code": 486,',
      '      "subCode": 560486,',
      '      "message": "Callee is busy. DiagCode: 486#560486.@",',
      `      "sipDetails": {"code": ${sip}, "message": "${text}"},`,
      `      "q850Details": {"code": ${q850}, "message": "${text}"}`,
      "    }",
      "  }",
      "}",
    ].join("\n");

  it("has one verdict: a busy callee is a failed call attempt, the ACS code included", () => {
    const { a, text } = scanned(CREATE_CALL_FAILED(486, 17, "Busy Here"));
    expect(text).toMatch(/^First failure: ACS 486\/560486 PSTN callee busy/);
    expect(a.firstFailure?.line).toBe(5);
    expect(text).toContain("✗ ACS 486/560486 PSTN callee busy — line 5");
    expect(text).toContain("✗ SIP 486 Busy Here — line 8");
    expect(text).toContain("✗ Q.850 cause 17 User busy — line 9");
    expect(text).not.toContain("Normal traffic");
    expect(text).toContain(
      'ACS 486/560486 PSTN callee busy (line 5) carries SIP 486 Busy Here (line 8) and Q.850 cause 17 User busy (line 9): one failed call attempt, although ACS files the result under "Success".',
    );
    // The one sentence replaces the pairwise "point at the same failure" lines of the same event.
    expect(a.correlations).toHaveLength(1);
    expect(text).toContain("[ ] Retry later if the number was simply busy");
    expect(text).toContain("[ ] Check whether the callee really had another active call");
  });

  it("keeps an ACS success normal when its details are normal too", () => {
    const { a, text } = scanned(
      [
        "{",
        '  "resultInformation": {',
        '    "code": 0,',
        '    "subCode": 0,',
        '    "sipDetails": {"code": 200, "message": "OK"},',
        '    "q850Details": {"code": 16, "message": "Normal call clearing"}',
        "  }",
        "}",
      ].join("\n"),
    );
    expect(a.firstFailure).toBeNull();
    expect(text).toMatch(/^No failures: normal traffic only/);
  });
});

describe("a leg answered elsewhere", () => {
  it("reads Q.850 26 on a losing ring-group leg as normal, leaving the real failure first", () => {
    const log = [
      "Event: Hangup",
      "Channel: PJSIP/1001-000000b1",
      "Cause: 26",
      "Cause-txt: Answered elsewhere",
      "",
      "[2024-03-05 02:20:14] VERBOSE[24200][C-0000001b] app_dial.c: Unable to create channel of type 'PJSIP' (cause 34 - Circuit/channel congestion)",
    ].join("\n");
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailureLabel).toMatch(/^Q\.850 cause 34/);
    expect(a.normal.join(" ")).toMatch(/Q\.850 cause 26/);
  });
});
