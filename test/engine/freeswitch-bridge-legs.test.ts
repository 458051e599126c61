// The two legs of one FreeSWITCH bridge dumped one after the other (`info` on each leg) state the
// same hang-up cause twice. One names the other (bridge_uuid, signal_bond, Other-Leg-Unique-ID,
// originating_leg_uuid): that is one call failing once, and the answer says both legs ended with it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const codes = (a: ReturnType<typeof run>) => a.timeline.map((t) => `${t.id}×${t.count}`);

const A = "6c1f0a52-3b8e-4f7a-9d2c-1a2b3c4d5e6f";
const B = "9a8b7c6d-5e4f-4a3b-8c2d-0e1f2a3b4c5d";

function dump(second: string, uuid: string, links: string[]): string[] {
  return [
    `2024-03-05 03:40:${second} [INFO] mod_dptools.c:1743 CHANNEL_DATA:`,
    "Channel-State: [CS_EXECUTE]",
    `Unique-ID: [${uuid}]`,
    ...links,
    "variable_sip_term_cause: [102]",
    "variable_bridge_hangup_cause: [RECOVERY_ON_TIMER_EXPIRE]",
    "variable_read_codec: [PCMU]",
  ];
}

describe("FreeSWITCH dumps of both legs of one bridge", () => {
  it("count the shared cause once and say both legs ended with it", () => {
    const a = run([
      ...dump("01.100000", A, [`variable_bridge_uuid: [${B}]`, `variable_signal_bond: [${B}]`]),
      ...dump("01.200000", B, [`Other-Leg-Unique-ID: [${A}]`]),
    ]);
    expect(codes(a)).toEqual(["q850/102×1"]);
    expect(a.firstFailure).toMatchObject({ code: 102, line: 6, legs: "both legs of the bridge" });
    expect(a.correlations.join("\n")).toMatch(/line 6 ended both legs of the bridge/);
  });

  it("link a B-leg dumped first by the A-leg's bridge_uuid (uuid_dump's plain form)", () => {
    const a = run([
      ...dump("01.100000", B, []).map((l) => l.replace(/\[(.*)\]$/, "$1")),
      ...dump("01.200000", A, [`variable_last_bridge_to: ${B}`]).map((l) => l.replace(/\[(.*)\]$/, "$1")),
    ]);
    expect(codes(a)).toEqual(["q850/102×1"]);
  });

  it("keep two unrelated calls with the same cause apart", () => {
    const a = run([
      ...dump("01.100000", A, ["variable_bridge_uuid: [11111111-2222-4333-8444-555555555555]"]),
      ...dump("09.200000", B, ["Other-Leg-Unique-ID: [66666666-7777-4888-9999-000000000000]"]),
    ]);
    expect(codes(a)).toEqual(["q850/102×2"]);
    expect(a.correlations.join("\n")).not.toMatch(/both legs/);
  });

  it("count a cause only one leg gave on its own", () => {
    const b = dump("01.200000", B, [`Other-Leg-Unique-ID: [${A}]`]).map((l) =>
      l.replace("[102]", "[41]").replace("RECOVERY_ON_TIMER_EXPIRE", "NORMAL_TEMPORARY_FAILURE"),
    );
    const a = run([...dump("01.100000", A, [`variable_bridge_uuid: [${B}]`]), ...b]);
    expect(codes(a)).toEqual(["q850/102×1", "q850/41×1"]);
  });
  it("link the legs when the second dump names the first only below its causes", () => {
    // uuid_dump of a hung-up B-leg: its Hangup-Cause and variables come before Other-Leg-Unique-ID.
    const b = [
      "2024-03-05 03:40:01.200000 [INFO] mod_dptools.c:1743 CHANNEL_DATA:",
      "Channel-State: [CS_HANGUP]",
      `Unique-ID: [${B}]`,
      "Hangup-Cause: [RECOVERY_ON_TIMER_EXPIRE]",
      "variable_sip_term_cause: [102]",
      `Other-Leg-Unique-ID: [${A}]`,
    ];
    const a = run([...dump("01.100000", A, []), ...b]);
    expect(codes(a)).toEqual(["q850/102×1"]);
    expect(a.firstFailure).toMatchObject({ code: 102, legs: "both legs of the bridge" });
  });
});
