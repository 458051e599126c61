// One call pasted twice: the PBX's log (stamps to the second) above the SBC's trace (stamps to the
// millisecond). The PBX's dial result reports the answer the SBC relayed, so the carrier's answer
// on the wire leads and the two are one failure; the answer's Retry-After is said in words.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const CARRIER = "198.51.100.77:5060";

const pbx = [
  "[2024-06-11 14:05:09] VERBOSE[2201][C-00000042] app_dial.c: Called PJSIP/+13125550147@carrier-out",
  "[2024-06-11 14:05:09] VERBOSE[2201][C-00000042] app_dial.c: PJSIP/carrier-out-00000108 is circuit-busy",
  "[2024-06-11 14:05:09] VERBOSE[2201][C-00000042] pbx.c: Auto fallthrough, channel 'PJSIP/2001-00000107' status is 'CONGESTION'",
];
const sbc = (retryAfter: string[]) => [
  "Jun 11 14:05:09.420 On [0:0]192.0.2.40:5060 sent to 198.51.100.77:5060",
  "INVITE sip:+13125550147@198.51.100.77:5060 SIP/2.0",
  "Via: SIP/2.0/UDP 192.0.2.40:5060;branch=z9hG4bK-out-1",
  "Call-ID: mixed-call-1@192.0.2.40",
  "CSeq: 1 INVITE",
  "Content-Length: 0",
  "",
  "Jun 11 14:05:09.510 On [0:0]192.0.2.40:5060 received from 198.51.100.77:5060",
  "SIP/2.0 503 Service Unavailable",
  "Via: SIP/2.0/UDP 192.0.2.40:5060;branch=z9hG4bK-out-1",
  "Call-ID: mixed-call-1@192.0.2.40",
  "CSeq: 1 INVITE",
  ...retryAfter,
  "Content-Length: 0",
  "",
];

describe("a PBX log pasted above the SBC trace of the same call", () => {
  it("leads with the carrier's answer, not the PBX's dial result of the same second", () => {
    const a = run([...pbx, ...sbc([])].join("\n"));
    expect(a.firstFailure?.namespace).toBe("sip");
    expect(a.firstFailure?.code).toBe(503);
    expect(a.firstFailure?.host).toBe(CARRIER);
  });

  it("links the PBX's congestion to the carrier's 503 as one failure", () => {
    const a = run([...pbx, ...sbc([])].join("\n"));
    expect(a.correlations.join(" ")).toMatch(/Q\.850 cause 34 .* and SIP 503 .* point at the same failure/);
  });
});

describe("a carrier's answer with Retry-After", () => {
  it("says how long the carrier asked to be left alone, and states the check", () => {
    const a = run(sbc(["Retry-After: 300"]).join("\n"));
    expect(a.summary).toContain(
      `The 503 carries Retry-After: 300, so ${CARRIER} asked to be left alone for 300 s (5 min)`,
    );
    expect(
      a.checklist.some((c) =>
        c.startsWith("Retry-After is 300 s (5 min): check whether your proxy/SBC took"),
      ),
    ).toBe(true);
    expect(a.checklist.join(" ")).not.toContain("Retry-After if present");
  });

  it("says nothing of it when the answer has none", () => {
    expect(run(sbc([]).join("\n")).summary).not.toContain("Retry-After");
  });
});
