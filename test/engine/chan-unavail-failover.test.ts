// An Asterisk call whose first Dial() ended CHANUNAVAIL on one trunk and which then failed over to
// a second Dial(): the cause Asterisk prints after the second Dial() is that Dial()'s, never the
// first's, so the first trunk stays named and each Dial() counts as its own failure.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const line = (ms: string, text: string) => `[2024-03-05 03:20:01.${ms}] VERBOSE[23101][C-00000012] ${text}`;
const dial = (ms: string, prio: number, trunk: string) =>
  line(
    ms,
    `pbx.c: Executing [914155550123@from-internal:${prio}] Dial("PJSIP/1000-00000021", "PJSIP/14155550123@${trunk},30") in new stack`,
  );
const noop = (ms: string, ext: string, text: string) =>
  line(ms, `pbx.c: Executing [${ext}] NoOp("PJSIP/1000-00000021", "${text}") in new stack`);
const everyone = (ms: string, counts: string) =>
  line(ms, `app_dial.c: Everyone is busy/congested at this time (${counts})`);
const analyse = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const failures = (a: ReturnType<typeof analyse>) =>
  a.timeline.filter((t) => t.failure).map((t) => [t.label.replace(/ \(.*\)$/, ""), t.count]);

/** The first Dial()'s CHANUNAVAIL on carrier-a leads, and the failover Dial()'s own cause counts apart. */
function expectFailover(a: ReturnType<typeof analyse>, second: string): void {
  expect(a.firstFailure).toMatchObject({ code: 20, line: 2, trunk: "PJSIP/carrier-a" });
  expect(failures(a)).toEqual([
    ["Q.850 cause 20 Subscriber absent", 1],
    [second, 1],
  ]);
}

describe("a CHANUNAVAIL Dial() that failed over to a second trunk", () => {
  const first = [dial("101", 1, "carrier-a"), everyone("140", "1:0/0/1")];
  const busySecond = [
    dial("141", 2, "carrier-b"),
    line("150", "app_dial.c: Called PJSIP/14155550123@carrier-b"),
    line("900", "app_dial.c: PJSIP/carrier-b-00000022 is busy"),
    everyone("901", "1:1/0/0"),
  ];

  it.each([
    ["on the next priority", [noop("902", "914155550123@from-internal:3", "HANGUPCAUSE=17 DIALSTATUS=BUSY")]],
    ["on the h extension", [noop("903", "h@from-internal:1", "HANGUPCAUSE=17")]],
  ])("keeps the first trunk's failure and gives the busy to the second Dial() (cause %s)", (_w, after) => {
    const a = analyse([...first, ...busySecond, ...after]);
    expectFailover(a, "Q.850 cause 17 User busy");
    expect(a.failingComponent).toMatch(/PJSIP trunk carrier-a/);
    expect(a.checklist[0]).toMatch(/pjsip show endpoint carrier-a/);
  });

  it("stops waiting for a cause once the dialplan printed the status and the next trunk was congested", () => {
    const a = analyse([
      ...first,
      noop("141", "914155550123@from-internal:2", "carrier-a failed: DIALSTATUS=CHANUNAVAIL"),
      dial("142", 3, "carrier-b"),
      line("900", "app_dial.c: PJSIP/carrier-b-00000022 is circuit-busy"),
      everyone("901", "1:0/1/0"),
      noop("902", "914155550123@from-internal:4", "DIALSTATUS=CONGESTION HANGUPCAUSE=34"),
    ]);
    expectFailover(a, "Q.850 cause 34 No circuit/channel available");
  });

  it("still takes the HANGUPCAUSE printed for the same Dial() after its status", () => {
    const a = analyse([
      ...first,
      noop("141", "914155550123@from-internal:2", "DIALSTATUS=CHANUNAVAIL"),
      noop("144", "h@from-internal:1", "HANGUPCAUSE=34"),
    ]);
    expect(a.firstFailure).toMatchObject({ code: 34, line: 2 });
    expect(failures(a)).toHaveLength(1);
  });
});

describe("a CHANUNAVAIL Dial() that failed over to a trunk that rang unanswered", () => {
  it("leaves the second Dial()'s no-answer cause, printed 30 s later, to that Dial()", () => {
    const at = (time: string, text: string) =>
      `[2024-03-05 03:20:${time}] VERBOSE[23101][C-00000012] ${text}`;
    const a = analyse([
      dial("101", 1, "carrier-a"),
      everyone("140", "1:0/0/1"),
      dial("141", 2, "carrier-b"),
      at("02.300", "app_dial.c: PJSIP/carrier-b-00000022 is ringing"),
      at("31.150", "app_dial.c: Nobody picked up in 30000 ms"),
      at(
        "31.152",
        'pbx.c: Executing [h@from-internal:1] NoOp("PJSIP/1000-00000021", "HANGUPCAUSE=19") in new stack',
      ),
    ]);
    expectFailover(a, "Q.850 cause 19 No answer from user");
  });

  it("leaves it to the second Dial() also when that one gave up within a second", () => {
    const a = analyse([
      dial("101", 1, "carrier-a"),
      everyone("140", "1:0/0/1"),
      dial("141", 2, "carrier-b"),
      line("900", "app_dial.c: Nobody picked up in 700 ms"),
      noop("902", "h@from-internal:1", "HANGUPCAUSE=19"),
    ]);
    expectFailover(a, "Q.850 cause 19 No answer from user");
  });
});

describe("a busy Dial() whose HANGUPCAUSE the dialplan prints", () => {
  it("counts the busy once", () => {
    const a = analyse([
      dial("101", 1, "carrier-b"),
      line("900", "app_dial.c: PJSIP/carrier-b-00000022 is busy"),
      everyone("901", "1:1/0/0"),
      noop("903", "h@from-internal:1", "HANGUPCAUSE=17"),
    ]);
    expect(failures(a)).toEqual([["Q.850 cause 17 User busy", 1]]);
  });
});
