// The limiter behind Slack thread replies: never more than `max` jobs at once, arrival order kept,
// failures free their slot, and room() holds callers back while the backlog is long.
import { describe, expect, it } from "vitest";
import { Limiter } from "../src/limiter.js";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("Limiter", () => {
  it("runs at most max jobs at once, in arrival order", async () => {
    const l = new Limiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const jobs = gates.map((g, i) =>
      l.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1]);
    expect(l.load).toBe(4);
    gates[1]?.resolve();
    await jobs[1];
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.resolve();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3]);
    expect(l.load).toBe(0);
  });

  it("frees the slot of a job that failed", async () => {
    const l = new Limiter(1);
    await expect(l.run(async () => Promise.reject(new Error("post failed")))).rejects.toThrow("post failed");
    expect(await l.run(async () => "next")).toBe("next");
  });

  it("holds room() callers until the backlog drops below the bound", async () => {
    const l = new Limiter(1);
    const gate = deferred();
    const a = l.run(() => gate.promise);
    const b = l.run(async () => {});
    let admitted = false;
    const waiting = l.room(2).then(() => {
      admitted = true;
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(admitted).toBe(false);
    gate.resolve();
    await Promise.all([a, b, waiting]);
    expect(admitted).toBe(true);
    await expect(l.room(1)).resolves.toBeUndefined();
  });
});
