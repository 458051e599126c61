// A B2BUA answers its caller with a failure of its own when its outbound leg fails: Cisco CUBE turns
// a carrier's 488 into a 503 with Reason: Q.850;cause=65 on the caller's leg, under another Call-ID.
// The two responses are one failure, and the carrier's refusal of the offer is what to check.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { CARRIER_LEG, CUBE_488_RELAYED, CUCM_LEG, cubeMessage } from "../helpers/cube-trace.js";
import { block, FROM_CALLER, FROM_CARRIER, stamp, TO_CALLER, TO_CARRIER } from "../helpers/sbc-trace.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("a carrier's 488 that CUBE relays to CUCM as a 503 with cause 65", () => {
  it("is one failure that started with the carrier's 488", () => {
    const a = run(CUBE_488_RELAYED);
    expect(a.firstFailure).toMatchObject({ code: 488, callId: CARRIER_LEG });
    expect(a.failingComponent).toMatch(/^sip\.telnyx\.com/);
    expect(a.correlations[0]).toContain("SIP 488 Not Acceptable Here (line");
    expect(a.correlations[0]).toContain(
      "answered its caller 10.10.10.5:5060 with SIP 503 Service Unavailable",
    );
    expect(a.correlations[0]).toContain("Q.850 cause 65");
    expect(a.correlations[0]).toContain("one failure, relayed across its legs");
    expect(a.summary).toContain("which started with the 488 on the outbound leg");
  });

  it("checks the offer sent to the carrier, not CUBE's availability", () => {
    const a = run(CUBE_488_RELAYED);
    expect(a.checklist[0]).toMatch(/m= lines and codecs/);
    const checks = a.checklist.join("\n");
    expect(checks).not.toMatch(/Retry-After|overload|channel limits|fails over/);
    expect(checks).not.toContain("ISDN");
  });

  it("does not link a 503 CUBE sent seconds after the carrier's 488", () => {
    const late = CUBE_488_RELAYED.replace("Mar  5 03:01:13.880", "Mar  5 03:01:16.880");
    const a = run(late);
    expect(a.correlations.join(" ")).not.toContain("relayed across");
    expect(a.checklist.join("\n")).toMatch(/Retry-After|overload|channel limits|fails over/);
  });

  it("does not link a 503 CUBE received rather than sent", () => {
    const log = [
      cubeMessage("13.870", "Received:", "SIP/2.0 488 Not Acceptable Here", CARRIER_LEG, "198.51.100.10"),
      cubeMessage("13.880", "Received:", "SIP/2.0 503 Service Unavailable", CUCM_LEG, "198.51.100.10"),
    ].join("\n");
    expect(run(log).correlations.join(" ")).not.toContain("relayed across");
  });

  it("does not guess when two outbound calls failed after the caller's INVITE, just before the 503", () => {
    // The other call's 486 lands between CUBE's outbound INVITE and the carrier's 488.
    const parts = CUBE_488_RELAYED.split("\n");
    const at = parts.findIndex((l) => l.includes("SIP/2.0 488"));
    const cut = parts.lastIndexOf("", at) > 0 ? parts.lastIndexOf("", at) : at - 3;
    const other = cubeMessage(
      "13.860",
      "Received:",
      "SIP/2.0 486 Busy Here",
      "OTHER-CALL@198.51.100.10",
      "198.51.100.10",
    );
    const log = [...parts.slice(0, cut), other, ...parts.slice(cut)].join("\n");
    expect(run(log).correlations.join(" ")).not.toContain("relayed across");
  });

  it("links the carrier's 488 when the other call failed before this caller's INVITE arrived", () => {
    const log = [
      cubeMessage(
        "13.600",
        "Received:",
        "SIP/2.0 486 Busy Here",
        "OTHER-CALL@198.51.100.10",
        "198.51.100.10",
      ),
      CUBE_488_RELAYED,
    ].join("\n");
    expect(run(log).correlations.join(" ")).toContain("relayed across");
  });
});

describe("an SBC relaying a carrier's failure to its caller", () => {
  const log = [
    block(stamp(1.1), FROM_CALLER("10.20.30.41"), "INVITE sip:2002@198.51.100.5:5060 SIP/2.0", "in-1"),
    block(stamp(1.11), TO_CARRIER("203.0.113.99"), "INVITE sip:2002@203.0.113.99:5060 SIP/2.0", "out-1"),
    block(stamp(1.3), FROM_CARRIER("203.0.113.99"), "SIP/2.0 486 Busy Here", "out-1"),
    block(stamp(1.31), TO_CALLER("10.20.30.41"), "SIP/2.0 480 Temporarily Unavailable", "in-1"),
  ].join("\n");

  it("names the carrier's response as where the failure started", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 486, callId: "out-1" });
    expect(a.correlations[0]).toMatch(
      /^203\.0\.113\.99:5060 answered the INVITE on the outbound leg with SIP 486/,
    );
    expect(a.correlations[0]).toContain("answered its caller 10.20.30.41:5060 with SIP 480");
  });

  it("does not name the SBC's relayed answers as the most frequent failure", () => {
    // Three calls, each refused by another carrier and relayed to the same caller as a 480.
    const calls = [97, 98, 99].map((host, n) =>
      [
        block(
          stamp(n + 1),
          FROM_CALLER("10.20.30.41"),
          "INVITE sip:2002@198.51.100.5:5060 SIP/2.0",
          `in-${n}`,
        ),
        block(
          stamp(n + 1.01),
          TO_CARRIER(`203.0.113.${host}`),
          "INVITE sip:2002@carrier SIP/2.0",
          `out-${n}`,
        ),
        block(stamp(n + 1.2), FROM_CARRIER(`203.0.113.${host}`), "SIP/2.0 486 Busy Here", `out-${n}`),
        block(stamp(n + 1.21), TO_CALLER("10.20.30.41"), "SIP/2.0 480 Temporarily Unavailable", `in-${n}`),
      ].join("\n"),
    );
    const a = run(calls.join("\n"));
    expect(a.firstFailure).toMatchObject({ code: 486, callId: "out-0" });
    expect(a.summary).not.toContain("Most frequent");
    expect(a.correlations.filter((c) => c.includes("relayed across its legs"))).toHaveLength(2);
  });
});
