// The merge rule for checklist ticks: a stale copy (stored or shown) adds ticks but never drops one,
// and only an untick recorded later than a tick removes it.
import { describe, expect, it } from "vitest";
import { applyMarks, mergeMarks } from "../../src/store/tick-merge.js";

type Mark = { by: string; at: number };
const at = (m: Mark) => m.at;
const copy = (marks: Record<string, Mark>, cleared: Record<string, number> = {}) => ({ marks, cleared });

describe("merging two copies of a checklist's ticks", () => {
  it("keeps the ticks of both copies", () => {
    const stored = copy({ "0": { by: "alice", at: 10 } });
    const shown = copy({ "0": { by: "alice", at: 10 }, "1": { by: "bob", at: 20 } });
    expect(mergeMarks(stored, shown, at).marks).toEqual(shown.marks);
  });

  it("lets a stored untick beat an older tick in a stale copy, but not a newer one", () => {
    const stored = copy({}, { "0": 30, "1": 30 });
    const shown = copy({ "0": { by: "alice", at: 10 }, "1": { by: "bob", at: 40 } });
    expect(mergeMarks(stored, shown, at)).toEqual(copy({ "1": { by: "bob", at: 40 } }, { "0": 30 }));
  });

  it("keeps the first copy's tick when both ticked an item", () => {
    const merged = mergeMarks(
      copy({ "0": { by: "alice", at: 10 } }),
      copy({ "0": { by: "bob", at: 5 } }),
      at,
    );
    expect(merged.marks["0"]?.by).toBe("alice");
  });

  it("records an untick with its time and forgets it when the item is ticked again", () => {
    const unticked = applyMarks(
      copy({ "0": { by: "alice", at: 10 } }),
      { ticked: [], unticked: ["0"] },
      { by: "x", at: 50 },
      50,
    );
    expect(unticked).toEqual(copy({}, { "0": 50 }));
    const again = applyMarks(unticked, { ticked: ["0"], unticked: [] }, { by: "bob", at: 60 }, 60);
    expect(again).toEqual(copy({ "0": { by: "bob", at: 60 } }));
  });
});
