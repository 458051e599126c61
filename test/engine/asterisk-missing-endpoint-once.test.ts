// chan_pjsip's "endpoint '…' was not found" and app_dial's "(cause 3 - No route to destination)"
// right under it are one failed leg: counted once, on chan_pjsip's line.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (lines: string[]) => scanText(catalog(), lines.join("\n"));
const ast = (thread: string, call: string, text: string) =>
  `[2024-03-05 03:20:01.102] ERROR[${thread}]${call}: ${text}`;
const NOT_FOUND =
  "chan_pjsip.c:2794 request: Unable to create PJSIP channel - endpoint 'carier-trunk' was not found";
const CAUSE =
  "app_dial.c:2574 dial_exec_full: Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)";

describe("app_dial's cause line under a missing PJSIP endpoint", () => {
  it("restates that failure for the same call id", () => {
    const r = scan([ast("4121", "[C-00000030]", NOT_FOUND), ast("4121", "[C-00000030]", CAUSE)]);
    expect(r.findings.map((f) => [f.id, f.line])).toEqual([["q850/3", 1]]);
    const a = analyze(catalog(), r);
    expect(a.summary).toContain("Found 1 code");
    expect(a.failingComponent).toContain("'carier-trunk'");
  });

  it("restates it by thread when the log has no call ids", () => {
    const r = scan([ast("2004", "", NOT_FOUND), ast("2004", "", CAUSE)]);
    expect(r.findings).toHaveLength(1);
  });

  it("still counts another call's cause line", () => {
    const r = scan([ast("4121", "[C-00000030]", NOT_FOUND), ast("4133", "[C-00000031]", CAUSE)]);
    expect(r.findings.map((f) => f.line)).toEqual([1, 2]);
  });

  it("still counts the cause line alone", () => {
    expect(scan([ast("4121", "[C-00000030]", CAUSE)]).findings).toHaveLength(1);
  });
});
