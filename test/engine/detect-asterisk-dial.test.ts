// Asterisk app_dial's own words for a failed dial (a busy leg, the dial summary, the dialplan's
// fall-through status) and the AMI DialEnd event's DialStatus.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

const at = "[2024-03-05 02:20:14] VERBOSE[24200][C-0000001b]";

describe("app_dial outcomes", () => {
  it("reads a busy leg, the dial summary and the fall-through status as user busy", () => {
    const log = [
      `${at} app_dial.c: PJSIP/carrier-out-0000003e is making progress passing it to PJSIP/1002-0000003d`,
      `${at} app_dial.c: PJSIP/carrier-out-0000003e is busy`,
      `${at} app_dial.c: Everyone is busy/congested at this time (1:1/0/0)`,
      `${at} pbx.c: Auto fallthrough, channel 'PJSIP/1002-0000003d' status is 'BUSY'`,
    ].join("\n");
    // One busy dial, logged three times: counted once (dial-outcomes.test.ts).
    expect(found(log)).toEqual(["q850 17 @2"]);
    expect(analyze(catalog(), scanText(catalog(), log)).firstFailure?.line).toBe(2);
  });

  it("tells busy from congestion by the summary's counters, and unavailable legs alone as cause 20", () => {
    expect(found(`${at} app_dial.c: Everyone is busy/congested at this time (1:0/1/0)`)).toEqual([
      "q850 34 @1",
    ]);
    expect(found(`${at} app_dial.c: Everyone is busy/congested at this time (2:0/0/2)`)).toEqual([
      "q850 20 @1",
    ]);
    expect(found(`${at} app_dial.c: Everyone is busy/congested at this time (2:1/1/0)`)).toEqual([]);
  });

  it("reads a congestion fall-through as cause 34 and an unavailable one as cause 20", () => {
    expect(found(`${at} pbx.c: Auto fallthrough, channel 'SIP/100-00000001' status is 'CONGESTION'`)).toEqual(
      ["q850 34 @1"],
    );
    expect(
      found(`${at} pbx.c: Auto fallthrough, channel 'SIP/100-00000001' status is 'CHANUNAVAIL'`),
    ).toEqual(["q850 20 @1"]);
  });

  it("does not take prose about a busy line for a dial outcome", () => {
    expect(found("the agent is busy\nline 2 is busy right now, SIP/trunk is busy today")).toEqual([]);
  });

  it("reads the AMI DialEnd event's DialStatus", () => {
    const event = [
      "Event: DialEnd",
      "Channel: PJSIP/1002-0000003d",
      "DestChannel: PJSIP/carrier-out-0000003e",
      "DialStatus: CONGESTION",
      "",
      "Event: DialEnd",
      "DialStatus: BUSY",
      "",
      "Event: DialEnd",
      "DialStatus: ANSWER",
    ].join("\n");
    expect(found(event)).toEqual(["q850 34 @4", "q850 17 @7"]);
  });
});
