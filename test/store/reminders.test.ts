// The reminder loop: due reminders go to their platform's deliverer once; failures are retried
// with backoff and dropped (and counted) after the last attempt; future reminders wait.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { metrics } from "../../src/metrics/index.js";
import { MemoryStore } from "../../src/store/memory.js";
import { PermanentDeliveryError, ReminderLoop } from "../../src/store/reminders.js";
import type { Reminder } from "../../src/store/store.js";

function loop(now: { t: number }, store = new MemoryStore()) {
  return {
    store,
    loop: new ReminderLoop(store, createLogger("silent"), { now: () => now.t, maxAttempts: 3 }),
  };
}

describe("ReminderLoop", () => {
  it("delivers a due reminder once, to its platform, and not before it is due", async () => {
    const now = { t: 1_000 };
    const { loop: l, store } = loop(now);
    const teams: Reminder[] = [];
    const slack: Reminder[] = [];
    l.register("teams", async (r) => void teams.push(r));
    l.register("slack", async (r) => void slack.push(r));
    await l.schedule({ id: "a", platform: "teams", dueAt: 5_000, payload: { label: "refresh" } });
    await l.poll();
    expect(teams).toEqual([]);
    now.t = 5_000;
    await l.poll();
    await l.poll();
    expect(teams.map((r) => r.payload.label)).toEqual(["refresh"]);
    expect(slack).toEqual([]);
    expect(await store.pending()).toBe(0);
  });

  it("retries a failed delivery later and gives up after the last attempt", async () => {
    const now = { t: 0 };
    const { loop: l, store } = loop(now);
    let calls = 0;
    l.register("teams", async () => {
      calls++;
      throw new Error("connector said 502");
    });
    const failedBefore = metrics.reminders.value({ platform: "teams", outcome: "failed" });
    await l.schedule({ id: "b", platform: "teams", dueAt: 0, payload: {} });
    await l.poll();
    expect(calls).toBe(1);
    await l.poll();
    expect(calls).toBe(1); // waiting for the retry time
    now.t = 30_000;
    await l.poll();
    expect(calls).toBe(2);
    now.t = 30_000 + 60_000;
    await l.poll();
    expect(calls).toBe(3);
    expect(await store.pending()).toBe(0);
    expect(metrics.reminders.value({ platform: "teams", outcome: "failed" })).toBe(failedBefore + 1);
  });

  it("says a failed delivery is lost, not retried, when the in-process store stops with the process", async () => {
    const lines: Array<{ msg: string; retryAt?: string }> = [];
    const store = new MemoryStore();
    const l = new ReminderLoop(
      store,
      createLogger("info", {}, (line) => void lines.push(JSON.parse(line))),
      { now: () => 0, maxAttempts: 3 },
    );
    let fail: () => void = () => {};
    l.register("teams", () => new Promise<void>((_, reject) => (fail = () => reject(new Error("cut")))));
    await l.schedule({ id: "c", platform: "teams", dueAt: 0, payload: {} });
    const pass = l.poll();
    await new Promise((r) => setTimeout(r, 10));
    const stopped = l.stop();
    fail();
    await pass;
    await stopped;
    expect(lines.map((x) => x.msg)).toContain(
      "reminder lost: delivery failed while stopping, and the in-process store keeps nothing",
    );
    expect(lines.map((x) => x.msg)).not.toContain("reminder delivery failed; will retry");
  });

  it("names when a failed delivery is tried again while running", async () => {
    const lines: Array<{ msg: string; retryAt?: string }> = [];
    const l = new ReminderLoop(
      new MemoryStore(),
      createLogger("info", {}, (line) => void lines.push(JSON.parse(line))),
      { now: () => 0, maxAttempts: 3 },
    );
    l.register("teams", async () => {
      throw new Error("connector said 502");
    });
    await l.schedule({ id: "d", platform: "teams", dueAt: 0, payload: {} });
    await l.poll();
    const retry = lines.find((x) => x.msg === "reminder delivery failed; will retry");
    expect(retry?.retryAt).toBe(new Date(30_000).toISOString());
  });

  it("keeps polling after the store fails", async () => {
    const store = new MemoryStore();
    store.lease = async () => {
      throw new Error("store down");
    };
    const l = new ReminderLoop(store, createLogger("silent"));
    l.register("teams", async () => {});
    const before = metrics.storeErrors.value({ op: "reminders" });
    await expect(l.poll()).resolves.toBeUndefined();
    expect(metrics.storeErrors.value({ op: "reminders" })).toBe(before + 1);
  });
});

describe("ReminderLoop and permanent failures", () => {
  it("drops a reminder at once when the deliverer says retrying cannot help", async () => {
    const now = { t: 0 };
    const { loop: l, store } = loop(now);
    let calls = 0;
    l.register("teams", async () => {
      calls++;
      throw new PermanentDeliveryError("bot removed from the chat");
    });
    await l.schedule({ id: "c", platform: "teams", dueAt: 0, payload: {} });
    await l.poll();
    now.t = 10 * 60_000;
    await l.poll();
    expect(calls).toBe(1);
    expect(await store.pending()).toBe(0);
  });
});
