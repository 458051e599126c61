// A stated drop time answers the question even when symptom words follow it ("call drops after
// 60 seconds, no audio"): the words only add weight, never swap in the 32-second missing-ACK entry.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("a drop time with symptom words after it", () => {
  it("60 seconds with no audio is the media (no-RTP) timeout", () => {
    const r = explain(catalog(), "call drops after 60 seconds, no audio");
    expect(r.results[0]?.id).toBe("symptom/audio-drops-after-answer");
  });

  it("2 seconds with no audio is a BYE right after answer, the codec first", () => {
    const r = explain(catalog(), "call drops after 2 seconds with no audio");
    expect(r.results[0]?.id).toBe("symptom/codec-mismatch");
    expect(r.results.map((e) => e.id)).toContain("q850/16");
    expect(r.note).toContain("ended by a BYE");
  });

  it("media named as what stops is still the media symptom", () => {
    const r = explain(catalog(), "call audio cuts out after 20 seconds");
    expect(r.results[0]?.id).not.toBe("symptom/call-drops-after-32-seconds");
  });
});
