// A B2BUA's failure toward its caller that only relays its outbound leg's failure is that failure
// told again: its timeline rows say it was relayed, and the counts count one failing code.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { CUBE_488_RELAYED } from "../helpers/cube-trace.js";
import { block, FROM_CALLER, FROM_CARRIER, stamp, TO_CALLER, TO_CARRIER } from "../helpers/sbc-trace.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const rows = (log: string) =>
  run(log).timeline.map((r) => ({ label: r.label, failure: r.failure, relays: r.relays, count: r.count }));

/** One call the SBC passed to a carrier, which refused it; the SBC answered its caller with a 480. */
const relayedCall = (n: number, at: number) =>
  [
    block(stamp(at), FROM_CALLER("10.20.30.41"), "INVITE sip:2002@198.51.100.5:5060 SIP/2.0", `in-${n}`),
    block(stamp(at + 0.01), TO_CARRIER("203.0.113.99"), "INVITE sip:2002@carrier SIP/2.0", `out-${n}`),
    block(stamp(at + 0.2), FROM_CARRIER("203.0.113.99"), "SIP/2.0 486 Busy Here", `out-${n}`),
    block(stamp(at + 0.21), TO_CALLER("10.20.30.41"), "SIP/2.0 480 Temporarily Unavailable", `in-${n}`),
  ].join("\n");

describe("the timeline of a carrier's 488 that CUBE relays as a 503 with cause 65", () => {
  it("marks the 503 and its cause as relayed from the 488's line, not as failures of their own", () => {
    const failing = rows(CUBE_488_RELAYED).filter((r) => r.failure);
    expect(failing).toEqual([
      { label: "SIP 488 Not Acceptable Here", failure: true, relays: undefined, count: 1 },
      { label: "SIP 503 Service Unavailable", failure: true, relays: 33, count: 1 },
      { label: "Q.850 cause 65 Bearer capability not implemented", failure: true, relays: 33, count: 1 },
    ]);
  });

  it("counts one failing code and two relayed ones", () => {
    const a = run(CUBE_488_RELAYED);
    expect(a.counts).toMatchObject({ findings: 4, distinct: 4, failures: 1, relayed: 2 });
    expect(a.normal.join(" ")).not.toContain("503");
  });

  it("keeps a 503 sent seconds later as a failure of its own", () => {
    const late = CUBE_488_RELAYED.replace("Mar  5 03:01:13.880", "Mar  5 03:01:16.880");
    const a = run(late);
    expect(a.timeline.filter((r) => r.relays !== undefined)).toEqual([]);
    expect(a.counts).toMatchObject({ failures: 3, relayed: 0 });
  });
});

describe("an SBC that relays each carrier refusal to its caller", () => {
  it("gathers the relayed 480s in one relayed row and counts the 486 alone as failing", () => {
    const log = [0, 1, 2].map((n) => relayedCall(n, n + 1)).join("\n");
    expect(rows(log).filter((r) => r.failure)).toEqual([
      { label: "SIP 486 Busy Here", failure: true, relays: undefined, count: 3 },
      { label: "SIP 480 Temporarily Unavailable", failure: true, relays: expect.any(Number), count: 3 },
    ]);
    expect(run(log).counts).toMatchObject({ failures: 1, relayed: 1 });
  });

  it("keeps a 480 the SBC sent on its own apart from the relayed one, and counts it as failing", () => {
    const own = block(stamp(9), TO_CALLER("10.20.30.41"), "SIP/2.0 480 Temporarily Unavailable", "in-9");
    const log = [relayedCall(0, 1), own].join("\n");
    const failing = rows(log).filter((r) => r.failure);
    expect(failing.map((r) => [r.label, r.relays === undefined])).toEqual([
      ["SIP 486 Busy Here", true],
      ["SIP 480 Temporarily Unavailable", false],
      ["SIP 480 Temporarily Unavailable", true],
    ]);
    // The 480 failed on its own too: it is a failing code, not also a relayed one.
    expect(run(log).counts).toMatchObject({ failures: 2, relayed: 0 });
  });
});
