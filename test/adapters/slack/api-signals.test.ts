// A Web API call listens to the shutdown deadline only while it runs: a signal that lives as long
// as the process must not collect one listener (or one combined signal) per call.
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { withSignals } from "../../../src/adapters/slack/app.js";

describe("a Web API call and the shutdown deadline", () => {
  it("leaves no listener on the shutdown signal once calls settle", async () => {
    const shutdown = new AbortController();
    for (let i = 0; i < 200; i++) {
      await withSignals(AbortSignal.timeout(10_000), shutdown.signal, async () => i);
      await withSignals(AbortSignal.timeout(10_000), shutdown.signal, async () => {
        throw new Error("refused");
      }).catch(() => undefined);
    }
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("aborts a running call when the shutdown deadline passes", async () => {
    const shutdown = new AbortController();
    const call = withSignals(
      AbortSignal.timeout(10_000),
      shutdown.signal,
      (signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    );
    shutdown.abort(new DOMException("stopping", "TimeoutError"));
    await expect(call).rejects.toMatchObject({ name: "TimeoutError" });
  });

  it("aborts a call whose own timeout passes", async () => {
    const shutdown = new AbortController();
    const call = withSignals(
      AbortSignal.timeout(20),
      shutdown.signal,
      (signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    );
    await expect(call).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
