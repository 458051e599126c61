// Asterisk logs one busy Dial() three times (the leg, app_dial's summary, pbx.c's fall-through):
// one busy outcome of one call, counted once; a second call's busy outcome is counted again.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

const busyCall = (stamp: string, call: string, thread: string, leg: string, caller: string) => [
  `[${stamp}] VERBOSE[${thread}]${call} app_dial.c: PJSIP/${leg} is busy`,
  `[${stamp}] VERBOSE[${thread}]${call} app_dial.c: Everyone is busy/congested at this time (1:1/0/0)`,
  `[${stamp}] VERBOSE[${thread}]${call} pbx.c: Auto fallthrough, channel 'PJSIP/${caller}' status is 'BUSY'`,
];

describe("one dial result logged several times", () => {
  it("counts a busy call's leg, summary and fall-through once", () => {
    const log = busyCall("Mar  5 03:10:12", "[C-00000012]", "4521", "trunk-0000002a", "1001-00000029");
    const a = analyze(catalog(), scanText(catalog(), log.join("\n")));
    expect(a.counts.findings).toBe(1);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 17, line: 1 });
  });

  it("counts two busy calls twice, by their call ids", () => {
    const log = [
      ...busyCall("Mar  5 03:10:12", "[C-00000012]", "4521", "trunk-0000002a", "1001-00000029"),
      ...busyCall("Mar  5 03:10:12", "[C-00000013]", "4522", "trunk-0000002c", "1002-0000002b"),
    ];
    expect(found(log.join("\n"))).toEqual(["q850 17 @1", "q850 17 @4"]);
  });

  it("tells two calls apart when their lines interleave", () => {
    const a = busyCall("Mar  5 03:10:12", "[C-00000012]", "4521", "trunk-0000002a", "1001-00000029");
    const b = busyCall("Mar  5 03:10:12", "[C-00000013]", "4522", "trunk-0000002c", "1002-0000002b");
    const log = [a[0], b[0], a[1], b[1], a[2], b[2]] as string[];
    expect(found(log.join("\n"))).toEqual(["q850 17 @1", "q850 17 @2"]);
  });

  it("reads older logs without call ids by thread and second", () => {
    const one = busyCall("Mar  5 03:10:12", "", "4521", "trunk-0000002a", "1001-00000029");
    const other = busyCall("Mar  5 03:10:12", "", "4530", "trunk-0000002c", "1002-0000002b");
    const later = busyCall("Mar  5 03:10:40", "", "4521", "trunk-0000002e", "1001-0000002d");
    expect(found(one.join("\n"))).toEqual(["q850 17 @1"]);
    expect(found([...one, ...other].join("\n"))).toEqual(["q850 17 @1", "q850 17 @4"]);
    expect(found([...one, ...later].join("\n"))).toEqual(["q850 17 @1", "q850 17 @4"]);
  });

  it("counts a second Dial() of the same call that was busy too", () => {
    const call = "[C-00000012]";
    const log = [
      ...busyCall("Mar  5 03:10:12", call, "4521", "trunk1-0000002a", "1001-00000029").slice(0, 2),
      ...busyCall("Mar  5 03:10:14", call, "4521", "trunk2-0000002b", "1001-00000029"),
    ];
    expect(found(log.join("\n"))).toEqual(["q850 17 @1", "q850 17 @3"]);
  });

  it("counts congestion and busy of one call apart", () => {
    const s = "[Mar  5 03:10:12] VERBOSE[4521][C-00000012]";
    const log = [
      `${s} app_dial.c: PJSIP/trunk-0000002a is circuit-busy`,
      `${s} app_dial.c: Everyone is busy/congested at this time (1:0/1/0)`,
      `${s} pbx.c: Auto fallthrough, channel 'PJSIP/1001-00000029' status is 'CONGESTION'`,
    ];
    expect(found(log.join("\n"))).toEqual(["q850 34 @1"]);
  });

  it("keeps two AMI DialEnd events apart", () => {
    const event = ["Event: DialEnd", "DialStatus: BUSY", "", "Event: DialEnd", "DialStatus: BUSY"];
    expect(found(event.join("\n"))).toEqual(["q850 17 @2", "q850 17 @5"]);
  });
});
