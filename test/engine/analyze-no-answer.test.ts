// A 408 after the call rang, or from the very host the INVITE went to: that host's no-answer
// timer (fr_inv_timer, Timer C) ended the call, not Timer B on this side; and the CANCEL such a
// proxy sends toward the callee is its own, not the caller's.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const packet = (time: string, from: string, to: string, first: string, headers: string[]) =>
  ngrepPacket({
    date: "2025/03/14",
    time,
    from: `${from}:5060`,
    to: `${to}:5060`,
    lines: [first, ...headers, "Content-Length: 0"],
  });
const call = [
  "Via: SIP/2.0/UDP 10.0.0.60:5060;branch=z9hG4bK-u1",
  "Call-ID: noans-77@10.0.0.60",
  "CSeq: 10 INVITE",
];
const invite = packet(
  "20:00:00.000000",
  "10.0.0.60",
  "10.0.0.1",
  "INVITE sip:3002@corp.example SIP/2.0",
  call,
);
const ringing = packet("20:00:00.121000", "10.0.0.1", "10.0.0.60", "SIP/2.0 180 Ringing", call);
const timeout = packet("20:02:00.013000", "10.0.0.1", "10.0.0.60", "SIP/2.0 408 Request Timeout", [
  ...call,
  "Server: kamailio (5.7.4 (x86_64/linux))",
]);

describe("a 408 from the next hop after the call rang", () => {
  it("blames that host's no-answer timer, not Timer B", () => {
    const a = run([invite, ringing, timeout].join("\n"));
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/c"]);
    expect(a.summary).not.toContain("Timer B most likely fired");
    expect(a.summary).not.toContain("never answered");
    expect(a.failingComponent).toBe(
      "10.0.0.1:5060 (kamailio) — it sent the 408 after the call rang with no answer: its no-answer timer (fr_inv_timer in Kamailio and OpenSIPS) or Timer C",
    );
  });

  it("is no Timer B either when the 408 came from the host the INVITE went to", () => {
    const a = run([invite, timeout].join("\n"));
    expect(a.summary).not.toContain("Timer B most likely fired");
    expect(a.failingComponent).toMatch(
      /^10\.0\.0\.1:5060 \(kamailio\) — it sent the 408 for the INVITE sent to it/,
    );
  });

  it("still reads Timer B when nothing answered before the 408 the log's own side made", () => {
    const local = "2025/03/14 20:00:32.010 WARN call abc: request timeout, replying 408 Request Timeout";
    const sent = packet("20:00:00.000000", "10.0.0.60", "10.0.0.1", "INVITE sip:3002@corp.example SIP/2.0", [
      "Call-ID: abc",
      "CSeq: 10 INVITE",
    ]);
    const a = run([sent, local].join("\n"));
    expect(a.timers.map((t) => t.timer)).not.toContain("timer/c");
  });
});

describe("the CANCEL a proxy sends when its no-answer timer fires", () => {
  it("is no caller's CANCEL", () => {
    const a = run(
      readFileSync("test/fixtures/logs/sngrep/constructed-408-from-proxy-after-ringing.log", "utf8"),
    );
    expect(a.timers[0]?.timer).toBe("timer/c");
    const log = [
      invite,
      ringing,
      packet("20:02:00.005000", "10.0.0.1", "10.0.0.77", "CANCEL sip:3002@10.0.0.77:5060 SIP/2.0", [
        "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-p1",
        "Call-ID: noans-77@10.0.0.60",
        "CSeq: 10 CANCEL",
      ]),
      packet("20:02:00.012000", "10.0.0.77", "10.0.0.1", "SIP/2.0 487 Request Terminated", [
        "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-p1",
        "Call-ID: noans-77@10.0.0.60",
        "CSeq: 10 INVITE",
      ]),
      timeout,
    ].join("\n");
    const notes = run(log).normal.join(" ");
    expect(notes).toContain("cancelled by the proxy after no answer (CANCEL on line");
    expect(notes).not.toContain("cancelled by the caller");
  });
});

describe("an unanswered INVITE whose copies show a T1 other than 500 ms", () => {
  /** ngrep-style copies of one INVITE sent at the given seconds past 03:20:00. */
  const copies = (seconds: number[]) =>
    seconds
      .map((s) => {
        const t = `2024-03-05 03:20:${String(s).padStart(2, "0")}.000`;
        return `${t} U 10.0.0.5:5060 -> 203.0.113.10:5060\nINVITE sip:1001@203.0.113.10 SIP/2.0\nVia: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKabc1\nCall-ID: abc123@10.0.0.5\nCSeq: 1 INVITE\n`;
      })
      .join("\n");

  it("gives Timer B as 64 × the T1 the gaps show (1 s → 64 s)", () => {
    const a = run(copies([1, 2, 4, 8, 16]));
    expect(a.summary).toContain("Timer B ends the transaction 64×T1 (64 s)");
    expect(a.summary).toContain("so T1 is 1 s, not the default 500 ms");
  });

  it("keeps 32 s when the gaps are not a clean doubling", () => {
    const a = run(copies([1, 2, 3, 15]));
    expect(a.summary).toContain("64×T1 (32 s)");
    expect(a.summary).not.toContain("so T1 is");
  });
});
