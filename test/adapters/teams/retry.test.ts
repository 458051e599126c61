// The connector retry helper with fake errors carrying statusCode: which statuses retry, the try
// count, the jittered backoff, Retry-After, and the total time budget.
import { describe, expect, it } from "vitest";
import { retryAfterMs, statusOf, withRetry } from "../../../src/adapters/teams/retry.js";

class FakeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly response?: { headers: Map<string, string> },
  ) {
    super(`HTTP ${statusCode}`);
  }
}

/** A virtual clock: sleeping advances time instantly, so the tests take no real time. */
function clock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

function failing(statuses: number[], value = "ok") {
  let calls = 0;
  const fn = async () => {
    const s = statuses[calls++];
    if (s !== undefined) throw new FakeError(s);
    return value;
  };
  return { fn, calls: () => calls };
}

describe("withRetry", () => {
  it.each([429, 412, 500, 502, 503, 504])("retries %i and then succeeds", async (status) => {
    const c = clock();
    const f = failing([status]);
    await expect(withRetry(f.fn, { ...c, random: () => 0.5 })).resolves.toBe("ok");
    expect(f.calls()).toBe(2);
    expect(c.sleeps).toEqual([300]);
  });

  it.each([400, 401, 403, 404, 413])("fails at once on %i", async (status) => {
    const c = clock();
    const f = failing([status]);
    await expect(withRetry(f.fn, c)).rejects.toMatchObject({ statusCode: status });
    expect(f.calls()).toBe(1);
  });

  it("fails at once on errors without a status (bugs are not retried)", async () => {
    const f = async () => {
      throw new TypeError("x is undefined");
    };
    await expect(withRetry(f, clock())).rejects.toBeInstanceOf(TypeError);
  });

  it.each(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND"])(
    "retries a call that failed with %s before any answer",
    async (code) => {
      let calls = 0;
      const fn = async () => {
        if (calls++ === 0) throw Object.assign(new Error("socket hang up"), { code });
        return "ok";
      };
      await expect(withRetry(fn, { ...clock(), random: () => 0.5 })).resolves.toBe("ok");
      expect(calls).toBe(2);
    },
  );

  it("stops after three tries and rethrows the last error", async () => {
    const c = clock();
    const f = failing([429, 502, 504, 429]);
    await expect(withRetry(f.fn, { ...c, random: () => 0.5 })).rejects.toMatchObject({ statusCode: 504 });
    expect(f.calls()).toBe(3);
    expect(c.sleeps).toEqual([300, 600]);
  });

  it("jitters the backoff between 50% and 150%", async () => {
    for (const [r, want] of [
      [0, 150],
      [0.999, 450],
    ] as const) {
      const c = clock();
      await withRetry(failing([429]).fn, { ...c, random: () => r });
      expect(c.sleeps[0]).toBeCloseTo(want, -1);
    }
  });

  it("honours Retry-After and gives up rather than overrun the 5 s budget", async () => {
    const c = clock();
    let calls = 0;
    const fn = async () => {
      calls++;
      if (calls === 1) throw new FakeError(429, { headers: new Map([["retry-after", "2"]]) });
      if (calls === 2) throw new FakeError(429, { headers: new Map([["retry-after", "4"]]) });
      return "ok";
    };
    await expect(withRetry(fn, { ...c, random: () => 0.5 })).rejects.toMatchObject({ statusCode: 429 });
    expect(c.sleeps).toEqual([2000]);
    expect(calls).toBe(2);
  });

  it("counts the time the calls themselves take against the budget", async () => {
    const c = clock();
    let calls = 0;
    const slow = async () => {
      calls++;
      await c.sleep(4_900); // a call that hangs almost the whole budget
      throw new FakeError(502);
    };
    await expect(withRetry(slow, { now: c.now, sleep: c.sleep, random: () => 0.5 })).rejects.toMatchObject({
      statusCode: 502,
    });
    expect(calls).toBe(1);
  });

  it("reports each retry", async () => {
    const seen: unknown[] = [];
    await withRetry(failing([502]).fn, { ...clock(), random: () => 0.5, onRetry: (i) => seen.push(i) });
    expect(seen).toEqual([{ attempt: 1, status: 502, delayMs: 300 }]);
  });
});

describe("statusOf / retryAfterMs", () => {
  it("reads the status from the field each SDK uses", () => {
    expect(statusOf({ statusCode: 429 })).toBe(429);
    expect(statusOf({ status: 502 })).toBe(502);
    expect(statusOf({ response: { status: 504 } })).toBe(504);
    expect(statusOf(new Error("x"))).toBeUndefined();
    expect(statusOf(null)).toBeUndefined();
  });

  it("parses seconds and HTTP dates from headers objects or maps", () => {
    expect(retryAfterMs({ response: { headers: { "retry-after": "3" } } })).toBe(3000);
    const now = Date.parse("2025-03-01T00:00:00Z");
    expect(
      retryAfterMs(
        { response: { headers: new Map([["retry-after", "Sat, 01 Mar 2025 00:00:02 GMT"]]) } },
        now,
      ),
    ).toBe(2000);
    expect(retryAfterMs({ response: { headers: {} } })).toBeUndefined();
    expect(retryAfterMs(new Error("x"))).toBeUndefined();
  });
});
