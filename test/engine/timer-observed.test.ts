// The T1 a request's own retransmissions show (RFC 3261 §17.1.1.2: the first copy again after T1,
// then doubling) and the no-response note that gives Timer B/F from it instead of the default 32 s.
import { describe, expect, it } from "vitest";
import type { Finding, TimingEvent } from "../../src/engine/scan/scanner.js";
import { isDefaultT1, observedT1 } from "../../src/engine/timer-observed.js";
import { unansweredRequests } from "../../src/engine/unanswered.js";

const at = (...s: number[]) => s.map((x) => x * 1000);

describe("observedT1", () => {
  it("reads T1 from an INVITE's doubling gaps", () => {
    expect(observedT1(at(0, 1, 3, 7, 15), true)).toBe(1000);
    expect(observedT1(at(0, 0.5, 1.5, 3.5), true)).toBe(500);
    expect(observedT1(at(0, 2, 6, 14, 30), true)).toBe(2000);
  });

  it("allows 15 % jitter on each gap", () => {
    expect(observedT1(at(0, 1.05, 3.0, 7.1, 14.9), true)).toBe(1000);
    // The second gap is 2.6 s where 2 s is due: 30 % off, no pattern.
    expect(observedT1(at(0, 1, 3.6, 7.6), true)).toBeUndefined();
  });

  it("needs two gaps, each twice the one before", () => {
    expect(observedT1(at(0, 1), true)).toBeUndefined();
    // A copy missing from the log (0, 1, 3, 15): the third gap is 12 s, not 4 s.
    expect(observedT1(at(0, 1, 3, 15), true)).toBeUndefined();
    // Evenly spaced copies are no RFC 3261 retransmission.
    expect(observedT1(at(0, 2, 4, 6), true)).toBeUndefined();
  });

  it("lets a non-INVITE's interval stop at T2, but not an INVITE's", () => {
    expect(observedT1(at(0, 1, 3, 7, 11, 15), false)).toBe(1000);
    expect(observedT1(at(0, 1, 3, 7, 11, 15), true)).toBeUndefined();
    // The interval cannot stop growing before it has doubled once.
    expect(observedT1(at(0, 1, 2, 3), false)).toBeUndefined();
  });

  it("counts 500 ms ± 15 % as the default", () => {
    expect(isDefaultT1(500)).toBe(true);
    expect(isDefaultT1(550)).toBe(true);
    expect(isDefaultT1(1000)).toBe(false);
  });
});

describe("the no-response note", () => {
  const request = (sentAt: number[], method = "INVITE"): TimingEvent & { sentAtMs?: number[] } => ({
    kind: "request",
    method,
    line: 2,
    tsMs: sentAt[0] as number,
    lastTsMs: sentAt[sentAt.length - 1] as number,
    copies: sentAt.length,
    to: "203.0.113.10:5060",
    callId: "abc123@10.0.0.5",
    cseq: 1,
    sentAtMs: sentAt,
  });
  const none: Finding[] = [];

  it("gives Timer B as 64 s when the copies show T1 = 1 s", () => {
    const [note] = unansweredRequests(none, [request(at(0, 1, 3, 7, 15))]);
    expect(note?.text).toBe(
      "No response: the INVITE on line 2 to 203.0.113.10:5060 was sent 5 times over 15.0 s and nothing answered it in the log, so 203.0.113.10:5060 did not answer. Unless a response arrives, Timer B ends the transaction 64×T1 (64 s) after the first copy and the sender's stack reports 408; the copies here went 1 s apart at first, then twice as far each time, so T1 is 1 s, not the default 500 ms.",
    );
  });

  it("gives Timer F from the T1 a REGISTER's copies show", () => {
    const [note] = unansweredRequests(none, [request(at(0, 2, 6, 14), "REGISTER")]);
    expect(note?.text).toContain(
      "Timer F ends the transaction 64×T1 (128 s) after the first copy and the sender's stack reports 408; the copies here went 2 s apart at first",
    );
  });

  it("keeps the default 32 s when the copies show T1 = 500 ms, or no clear pattern", () => {
    for (const sent of [at(0, 0.5, 1.5, 3.5), at(0, 1, 3, 15), at(0, 2, 4, 6)]) {
      const [note] = unansweredRequests(none, [request(sent)]);
      expect(note?.text).toContain("Timer B ends the transaction 64×T1 (32 s) after the first copy");
      expect(note?.text).not.toContain("T1 is");
    }
  });

  it("keeps the default 32 s when the scan did not record when each copy went", () => {
    const { sentAtMs: _, ...bare } = request(at(0, 1, 3, 7, 15));
    const [note] = unansweredRequests(none, [bare]);
    expect(note?.text).toContain("Timer B ends the transaction 64×T1 (32 s) after the first copy");
  });
});
