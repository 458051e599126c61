// Everyday sentences about calls dropping ("calls are dropping", "our calls are dropped", "my
// calls keep getting dropped") get the answer "call dropped" gets: the call-drop symptoms first,
// the vendor's entry last. Words around the name (our, my, are, keep, getting) never decide it,
// while registration that keeps dropping is still registration flapping.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { searchText } from "../../src/engine/search.js";
import { catalog } from "../helpers/catalog.js";

const answered = (q: string) => explain(catalog(), q).results.map((e) => e.id);
const listed = (q: string, n = 4) => searchText(catalog(), q, null, n).map((r) => r.entry.id);
const VENDOR = /^(?:acs|mobius|exotel)\//;

describe("sentences about calls dropping", () => {
  const sentences = [
    "calls are dropping",
    "calls keep dropping",
    "our calls are dropped",
    "calls drop randomly",
    "my calls keep getting dropped",
    "call dropped after answer",
    "why do my calls keep dropping",
    "calls dropped mid call",
  ];

  it("answers them as call dropped: drop symptoms first, the vendor's entry last", () => {
    const expected = answered("call dropped");
    expect(expected[0]).toBe("symptom/call-drops-at-session-refresh");
    for (const q of sentences) {
      const ids = answered(q);
      expect(ids, q).toEqual(expected);
      expect(ids, q).not.toContain("symptom/registration-flapping");
      const firstVendor = ids.findIndex((id) => VENDOR.test(id));
      expect(
        ids.slice(firstVendor).every((id) => VENDOR.test(id)),
        q,
      ).toBe(true);
      expect(explain(catalog(), q).note, q).toMatch(/standard ones first/);
    }
  });

  it("lists them in search as call dropped is listed", () => {
    const expected = listed("call dropped");
    for (const q of sentences) expect(listed(q), q).toEqual(expected);
  });

  it("still answers registration that keeps dropping with registration flapping", () => {
    for (const q of [
      "registration keeps dropping",
      "phones keep unregistering",
      "phone keeps unregistering",
    ]) {
      expect(answered(q)[0], q).toBe("symptom/registration-flapping");
    }
  });

  it("keeps what the words say beyond the drop", () => {
    // A stated time still names its timer; the media symptoms keep their own answer.
    expect(answered("our calls keep dropping after 30 seconds")[0]).toBe(
      "symptom/call-drops-after-32-seconds",
    );
    expect(answered("audio drops after answer")[0]).toBe("symptom/audio-drops-after-answer");
    expect(answered("calls randomly rejected")[0]).toBe("sip/603");
  });
});
