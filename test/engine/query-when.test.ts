// Saying when it happened does not change the answer: "yesterday", "at 10:32", "since
// 2024-05-01", "since 14:00" or "for the last 2 hours" are taken out before the rest is read.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("when it happened", () => {
  it("leaves the answer to the rest of the phrase", () => {
    const failed = ids("calls failed");
    expect(failed.length).toBeGreaterThan(0);
    for (const q of [
      "calls failed yesterday",
      "calls failed at 10:32",
      "calls failed since 2024-05-01",
      "calls failed this morning",
    ])
      expect(ids(q), q).toEqual(failed);
    const dropping = ids("calls dropping");
    expect(ids("calls dropping since 14:00")).toEqual(dropping);
    expect(ids("calls dropping for the last 2 hours")).toEqual(dropping);
  });

  it("keeps the code and a drop time", () => {
    expect(ids("503 since this morning")[0]).toBe("sip/503");
    expect(ids("calls drop after 30 seconds since yesterday")[0]).toBe("symptom/call-drops-after-32-seconds");
  });
});
