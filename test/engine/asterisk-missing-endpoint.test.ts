// A Dial() to a PJSIP endpoint Asterisk has no configuration for fails inside Asterisk with cause 3:
// nothing reached a carrier, so the endpoint's configuration is blamed and its checks lead.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const ast = (level: string, text: string) => `[2024-03-05 03:20:01.102] ${level}[4121][C-00000030]: ${text}`;

describe("a Dial() to a PJSIP endpoint that does not exist", () => {
  const lines = [
    ast(
      "VERBOSE",
      'pbx.c: Executing [02079460958@from-internal:1] Dial("PJSIP/1001-00000040", "PJSIP/+442079460958@carier-trunk,60") in new stack',
    ),
    ast(
      "ERROR",
      "chan_pjsip.c:2794 request: Unable to create PJSIP channel - endpoint 'carier-trunk' was not found",
    ),
    ast(
      "WARNING",
      "app_dial.c:2574 dial_exec_full: Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)",
    ),
    ast("VERBOSE", "app_dial.c: Everyone is busy/congested at this time (1:0/0/1)"),
  ];

  it("blames this Asterisk's endpoint configuration, not a carrier's route", () => {
    const a = run(lines);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 3, line: 2 });
    expect(a.failingComponent).toContain("PJSIP endpoint configuration");
    expect(a.failingComponent).toContain("'carier-trunk'");
    expect(a.failingComponent).toContain("before anything was sent to any carrier");
  });

  it("leads the checks with the endpoint and the Dial() target, and drops the carrier's", () => {
    const a = run(lines);
    expect(a.checklist[0]).toContain("pjsip show endpoint carier-trunk");
    expect(a.checklist[1]).toContain("Dial() target");
    expect(a.checklist.some((c) => /carrier whether|call you receive/i.test(c))).toBe(false);
  });

  it("keeps the catalog's reading of a cause 3 with no endpoint line", () => {
    const a = run([lines[0] as string, lines[2] as string]);
    expect(a.failingComponent).not.toContain("PJSIP endpoint configuration");
  });
});
