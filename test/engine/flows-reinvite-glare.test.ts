// Re-INVITE glare: both sides' re-INVITEs cross, each gets 491, and the Call-ID owner's retry after
// its back-off (RFC 3261 §14.1) is answered. One event, resolved: no side is failing.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const PBX = "10.1.2.3:5060";
const TRUNK = "198.51.100.40:5060";
const packet = capture("2024/07/01", ["Call-ID: glare-7@10.1.2.3"]);
const invite = (time: string, from: string, to: string, cseq: number, reinvite = true) =>
  packet(time, from, to, `INVITE sip:${reinvite ? "" : "+13125550147@"}${to} SIP/2.0`, [
    `Via: SIP/2.0/UDP ${from};branch=z9hG4bK-g${cseq}`,
    `CSeq: ${cseq} INVITE`,
  ]);
const answer = (time: string, from: string, to: string, cseq: number, status: string) =>
  packet(time, from, to, `SIP/2.0 ${status}`, [
    `Via: SIP/2.0/UDP ${to};branch=z9hG4bK-g${cseq}`,
    `CSeq: ${cseq} INVITE`,
  ]);
const ack = (time: string, cseq: number) =>
  packet(time, PBX, TRUNK, `ACK sip:${TRUNK} SIP/2.0`, [
    `Via: SIP/2.0/UDP ${PBX};branch=z9hG4bK-a${cseq}`,
    `CSeq: ${cseq} ACK`,
  ]);

const log = [
  invite("11:00:00.000000", PBX, TRUNK, 1, false),
  answer("11:00:00.400000", TRUNK, PBX, 1, "200 OK"),
  ack("11:00:00.410000", 1),
  invite("11:04:10.000000", PBX, TRUNK, 2),
  invite("11:04:10.002000", TRUNK, PBX, 501),
  answer("11:04:10.060000", TRUNK, PBX, 2, "491 Request Pending"),
  answer("11:04:10.061000", PBX, TRUNK, 501, "491 Request Pending"),
  invite("11:04:13.100000", PBX, TRUNK, 3),
  answer("11:04:13.200000", TRUNK, PBX, 3, "200 OK"),
  ack("11:04:13.210000", 3),
].join("\n");

describe("re-INVITEs that crossed and were settled by one side's retry", () => {
  it("is no failure, and no side is named failing", () => {
    const a = run(log);
    expect(a.firstFailure).toBeNull();
    expect(a.failingComponent).toBeNull();
  });

  it("is told as one glare, resolved, noting the side that did not retry", () => {
    const note = run(log).normal.find((n) => n.startsWith("Re-INVITE glare"));
    expect(note).toContain("each got SIP 491 Request Pending");
    expect(note).toContain(`${PBX}'s re-INVITE was sent again after its back-off and answered SIP 200 OK`);
    expect(note).toContain(`${TRUNK} did not send its own re-INVITE again in this log.`);
  });

  it("still fails a 491 no one's retry settled", () => {
    const unsettled = log
      .split("\n")
      .slice(
        0,
        log.split("\n").findIndex((l) => l.includes("11:04:13.100000")),
      )
      .join("\n");
    expect(run(unsettled).firstFailure?.code).toBe(491);
  });
});
