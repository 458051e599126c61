// An SBC (a B2BUA) answers its caller with its own 100 Trying and passes a copy of the INVITE, with a
// new Call-ID, to a carrier. That 100 Trying is hop by hop: when the copy is never answered, the
// copy's Timer B explains the 408, with no "no-answer timer, not Timer B" note from the caller's leg.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { block, copies, FROM_CALLER, FROM_CARRIER, stamp, TO_CALLER } from "../helpers/sbc-trace.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("an SBC's 408 after the copy it passed on went unanswered", () => {
  const log = [
    block(stamp(1.1), FROM_CALLER("10.20.30.41"), "INVITE sip:2002@198.51.100.5:5060 SIP/2.0", "in-1"),
    block(stamp(1.102), TO_CALLER("10.20.30.41"), "SIP/2.0 100 Trying", "in-1"),
    ...copies(1.11, 7, "203.0.113.99", "out-1"),
    block(stamp(33.11), TO_CALLER("10.20.30.41"), "SIP/2.0 408 Request Timeout", "in-1"),
  ].join("\n");

  it("explains it by the copy's Timer B, not by the SBC's own 100 Trying", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 408 });
    expect(a.failingComponent).toMatch(/^203\.0\.113\.99:5060, which never answered the INVITE/);
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/b"]);
    const words = a.timers.map((t) => t.text).join(" ");
    expect(words).not.toContain("Not Timer B");
    expect(words).not.toContain("Timer C");
    expect(a.summary).not.toContain("earlier failure");
  });

  it("keeps the no-answer note when the carrier itself answered the copy with 100 Trying", () => {
    const answered = [
      block(stamp(1.1), FROM_CALLER("10.20.30.41"), "INVITE sip:2002@198.51.100.5:5060 SIP/2.0", "in-1"),
      block(stamp(1.102), TO_CALLER("10.20.30.41"), "SIP/2.0 100 Trying", "in-1"),
      ...copies(1.11, 1, "203.0.113.99", "out-1"),
      block(stamp(1.2), FROM_CARRIER("203.0.113.99"), "SIP/2.0 100 Trying", "out-1"),
      block(stamp(33.11), TO_CALLER("10.20.30.41"), "SIP/2.0 408 Request Timeout", "in-1"),
    ].join("\n");
    const a = run(answered);
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/c"]);
    expect(a.timers[0]?.text).toContain("Not Timer B");
  });
});
