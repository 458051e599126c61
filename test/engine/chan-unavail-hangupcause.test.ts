// A HANGUPCAUSE the dialplan prints for a call just after its Dial() ended CHANUNAVAIL is that
// call's cause: the CHANUNAVAIL finding kept for the call takes it, and the cause line restates it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { DIAL_STATUS, DialOutcomes } from "../../src/engine/scan/dial-outcomes.js";
import type { Finding } from "../../src/engine/scan/finding.js";
import { hit } from "../../src/engine/scan/hit.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const SUMMARY =
  "[2024-03-05 03:20:01.140] VERBOSE[23101][C-00000012] app_dial.c: Everyone is busy/congested at this time (1:0/0/1)";
const cause = (call: string, ms: string) =>
  `[2024-03-05 03:20:01.${ms}] VERBOSE[23101][${call}] pbx.c: Executing [h@from-internal:1] NoOp("PJSIP/1000-00000021", "HANGUPCAUSE=34") in new stack`;

const unavail = () => hit("q850", 20, null, 0.7, DIAL_STATUS, true, { entryId: "q850/20" });
const congestion = () => hit("q850", 34, null, 0.85, "cause-number", true);

function kept(line: number): Finding {
  return { namespace: "q850", code: 20, subcode: null, id: "q850/20", line, confidence: 0.7 } as Finding;
}
function causeFinding(line: number): Finding {
  return { namespace: "q850", code: 34, subcode: null, id: "q850/34", line, confidence: 0.85 } as Finding;
}

describe("a CHANUNAVAIL followed by its call's HANGUPCAUSE", () => {
  it("becomes the cause the call's HANGUPCAUSE gives, and the cause line restates it", () => {
    const d = new DialOutcomes();
    expect(d.repeats(unavail(), SUMMARY, 2, true)).toBe(false);
    const f = kept(2);
    d.see(f);
    expect(d.noteCause(congestion(), cause("C-00000012", "144"), 6, () => causeFinding(6))).toBe(true);
    expect(f.code).toBe(34);
    expect(f.id).toBe("q850/34");
    expect(f.reason).toContain("HANGUPCAUSE=34");
  });

  it("leaves another call's CHANUNAVAIL alone", () => {
    const d = new DialOutcomes();
    d.repeats(unavail(), SUMMARY, 2, true);
    const f = kept(2);
    d.see(f);
    expect(d.noteCause(congestion(), cause("C-00000013", "144"), 6, () => causeFinding(6))).toBe(false);
    expect(f.code).toBe(20);
  });

  it("keeps the CHANUNAVAIL reading when the cause comes long after", () => {
    const d = new DialOutcomes();
    d.repeats(unavail(), SUMMARY, 2, true);
    const f = kept(2);
    d.see(f);
    expect(d.noteCause(congestion(), cause("C-00000012", "900"), 60, () => causeFinding(60))).toBe(false);
    expect(f.code).toBe(20);
  });
});

describe("a pasted Dial() that ended CHANUNAVAIL and printed its HANGUPCAUSE", () => {
  const line = (ms: string, text: string) => `[2024-03-05 03:20:01.${ms}] VERBOSE[23101][C-00000012] ${text}`;
  const dial = line(
    "101",
    'pbx.c: Executing [+14155550123@from-internal:1] Dial("PJSIP/1000-00000021", "PJSIP/+14155550123@carrier-trunk,30") in new stack',
  );
  const summary = line("140", "app_dial.c: Everyone is busy/congested at this time (1:0/0/1)");
  const noop = (ms: string, ext: string, text: string) =>
    line(ms, `pbx.c: Executing [${ext}] NoOp("PJSIP/1000-00000021", "${text}") in new stack`);
  const analyse = (...lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));

  it.each([
    [
      "beside the status",
      [noop("141", "+14155550123@from-internal:2", "DIALSTATUS=CHANUNAVAIL HANGUPCAUSE=34")],
    ],
    [
      "on the h extension",
      [
        noop("141", "+14155550123@from-internal:2", "DIALSTATUS=CHANUNAVAIL"),
        noop("144", "h@from-internal:1", "HANGUPCAUSE=34 DIALSTATUS=CHANUNAVAIL"),
      ],
    ],
  ])("is one failure with that cause when it is %s", (_where, after) => {
    const a = analyse(dial, summary, ...after);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 34, line: 2 });
    expect(a.firstFailureLabel).not.toMatch(/no cause logged/);
    expect(a.timeline.filter((t) => t.failure).map((t) => [t.label, t.count])).toEqual([
      [a.firstFailureLabel, 1],
    ]);
  });
});
