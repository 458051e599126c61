// A drop time typed with a decimal, in words or in several parts is answered by the timer that
// time points at, and the time is said back as typed; the first card of a short drop is the one
// the note names first.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ask = (q: string) => explain(catalog(), q);
const ids = (q: string) => ask(q).results.map((e) => e.id);

describe("drop times as typed", () => {
  it("keeps a decimal time's whole part", () => {
    const r = ask("calls drop after 31.5 seconds");
    expect(r.results[0]?.id).toBe("symptom/call-drops-after-32-seconds");
    expect(r.note).toMatch(/31\.5 s after answer/);
    expect(ask("call drops after 2.5 minutes").note).toMatch(/same 2\.5 minutes \(150 s\) each time/);
    expect(ask("call drops after 1.5 hours").note).toMatch(/same 1\.5 hours \(5400 s\) each time/);
    expect(ask("call drops after 0.5 s").note).toMatch(/ends 0\.5 s after answer was ended by a BYE/);
  });

  it("reads times in words", () => {
    expect(ids("calls drop after thirty seconds")[0]).toBe("symptom/call-drops-after-32-seconds");
    expect(ids("calls drop after fifteen minutes")[0]).toBe("symptom/call-drops-at-session-refresh");
    expect(ids("calls drop after two hours")[0]).toBe("symptom/call-drops-at-session-refresh");
    expect(ask("call drops after ten seconds").note).toMatch(/ends ten seconds \(10 s\) after answer/);
    expect(ask("call drops after a minute").note).toMatch(/ends a minute \(60 s\) after answer/);
    expect(ask("call drops after one minute").note).toMatch(/ends one minute \(60 s\) after answer/);
  });

  it("adds up a time of several parts", () => {
    for (const [q, said] of [
      ["call drops after 1 min 30 sec", "same 1 min 30 sec (90 s) each time"],
      ["call drops after 1m30s", "same 1m30s (90 s) each time"],
    ] as const) {
      const r = ask(q);
      expect(r.results[0]?.id, q).toBe("symptom/call-drops-at-session-refresh");
      expect(r.note, q).toContain(said);
    }
  });

  it("says plain seconds once, and minutes after a whole number of them", () => {
    expect(ask("call drops after 180 seconds").note).toContain("same 180 s (3 min) each time");
    expect(ask("call drops after 32 seconds").note).toContain("ends 32 s after answer");
    expect(ask("call drops after half an hour").note).toContain("same half an hour (1800 s) each time");
    expect(ask("call drops after 1,5 minutes").note).toContain("same 1.5 minutes (90 s) each time");
  });

  it("shows first the card the note ranks first", () => {
    expect(ids("call drops after 10 seconds").slice(0, 2)).toEqual([
      "q850/16",
      "symptom/audio-drops-after-answer",
    ]);
    expect(ids("call drops after 25 seconds").slice(0, 2)).toEqual([
      "symptom/audio-drops-after-answer",
      "q850/16",
    ]);
    expect(ids("call drops after 3 seconds")[0]).toBe("q850/16");
  });
});
