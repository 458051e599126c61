// An SBC passes each caller's INVITE to a carrier as a copy with its own Call-ID. A carrier that
// stayed silent on one caller's copy is a failure of that call: it is not the cause of the 408 the
// SBC sent another caller whose own carrier was ringing.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import {
  block,
  copies,
  FROM_CALLER,
  FROM_CARRIER,
  stamp,
  TO_CALLER,
  TO_CARRIER,
} from "../helpers/sbc-trace.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("a 408 on a ringing call while another call's carrier stayed silent", () => {
  const log = [
    block(stamp(1.1), FROM_CALLER("10.20.30.40"), "INVITE sip:2002@198.51.100.5:5060 SIP/2.0", "in-A"),
    ...copies(1.11, 5, "203.0.113.77", "out-A").slice(0, 1),
    block(stamp(1.3), FROM_CALLER("10.20.30.41"), "INVITE sip:2003@198.51.100.5:5060 SIP/2.0", "in-B"),
    block(stamp(1.32), TO_CARRIER("203.0.113.99"), "INVITE sip:2003@203.0.113.99:5060 SIP/2.0", "out-B"),
    block(stamp(1.5), FROM_CARRIER("203.0.113.99"), "SIP/2.0 180 Ringing", "out-B"),
    block(stamp(1.505), TO_CALLER("10.20.30.41"), "SIP/2.0 180 Ringing", "in-B"),
    ...copies(1.11, 5, "203.0.113.77", "out-A").slice(1),
    block(stamp(9), TO_CALLER("10.20.30.41"), "SIP/2.0 408 Request Timeout", "in-B"),
  ].join("\n");

  it("does not give the other carrier's silence as the earlier failure", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 408 });
    expect(a.failingComponent).not.toContain("203.0.113.77");
    expect(a.summary).not.toContain("earlier failure");
    // The silence itself is still reported, as its own note.
    expect(a.timers.some((t) => t.text.includes("to 203.0.113.77:5060 was sent 5 times"))).toBe(true);
  });
});
