// A call that ends within a few seconds of answer was ended by a BYE, not by a timer: the answer
// names the usual causes (an SDP answer the caller refused, an ACK or 200 OK that went astray, an
// application hang-up) and what to capture, never an RTP timeout. Later times keep their timers.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("a call that drops within a few seconds of answer", () => {
  const early = [
    "call drops after 0 seconds",
    "call drops after 1 second",
    "calls drop after 2 s",
    "call disconnects after 5 seconds",
  ];

  it("is a BYE right after answer, not a media timeout", () => {
    for (const q of early) {
      const r = explain(catalog(), q);
      expect(
        r.results.map((e) => e.id),
        q,
      ).toEqual(["q850/16", "symptom/call-drops-after-32-seconds"]);
      expect(r.note, q).not.toMatch(/media timeout/);
      expect(r.note, q).toMatch(/BYE, not a timer/);
    }
  });

  it("puts a codec mismatch first only when the words name the codec", () => {
    const ids = explain(catalog(), "call drops after 2 seconds codec").results.map((e) => e.id);
    expect(ids[0]).toBe("symptom/codec-mismatch");
    expect(ids).toContain("q850/16");
    const plain = explain(catalog(), "call drops after 1.5 seconds");
    expect(plain.results.map((e) => e.id)).not.toContain("symptom/codec-mismatch");
    expect(plain.note).toMatch(/ends 1\.5 s after answer/);
  });

  it("says what to capture: the BYE's Reason header, the SDP answer and the ACK", () => {
    const note = explain(catalog(), "call drops after 1 second").note ?? "";
    expect(note).toMatch(/Reason header/);
    expect(note).toMatch(/SDP answer/);
    expect(note).toMatch(/whether the ACK arrived/);
  });

  it("keeps later times on their timers", () => {
    const first = (q: string) => explain(catalog(), q).results[0]?.id;
    expect(first("call drops after 6 seconds")).toBe("q850/16");
    expect(first("call drops after 20 seconds")).toBe("symptom/audio-drops-after-answer");
    expect(first("call drops after 32 seconds")).toBe("symptom/call-drops-after-32-seconds");
    expect(first("call drops after 60 seconds")).toBe("symptom/audio-drops-after-answer");
    expect(first("call drops after 30 min")).toBe("symptom/call-drops-at-session-refresh");
  });
});
