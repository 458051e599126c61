// A number with a time unit is a duration: it names the timers of that value, never a code.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

const ids = (q: string) => explain(catalog(), q).results.map((e) => e.id);

describe("a duration asked on its own names the timers of that value", () => {
  it.each([
    ["486 ms", ["timer/t1"]],
    ["500ms", ["timer/t1"]],
    ["500 ms", ["timer/t1"]],
    ["4 s", ["timer/t2"]],
    ["4 seconds", ["timer/t2"]],
    ["4000 ms", ["timer/t2"]],
    ["3 minutes", ["timer/c"]],
    ["180 seconds", ["timer/c"]],
  ])("%s", (q, want) => {
    expect(ids(q)).toEqual(want);
    expect(explain(catalog(), q).note).toMatch(/is a duration .*not a code/);
  });

  it("32000 ms and 32s are the 64×T1 timers", () => {
    for (const q of ["32000 ms", "32s"]) expect(ids(q).slice(0, 1)).toEqual(["timer/b"]);
    expect(ids("32000 ms")).toContain("timer/f");
  });

  it("15 min is the Mobius call keepalive", () => {
    expect(ids("15 min")[0]).toBe("timer/mobius-call-keepalive");
  });

  it("a duration no timer has says so, with the retransmission interval it may be", () => {
    const r = explain(catalog(), "1000 ms");
    expect(r.results).toEqual([]);
    expect(r.note).toMatch(/duration \(1 s\), not a code/);
    expect(r.note).toMatch(/retransmission interval of Timer A/);
    expect(r.note).toContain("`timers 1s`");
  });
});

describe("a duration or a stats count among words is no code", () => {
  it("a retransmission time", () => {
    expect(ids("INVITE retransmitted after 486 ms")[0]).toBe("timer/t1");
  });
  it("an RTP loss count", () => {
    expect(ids("RTP stats: packets lost 486 jitter 12 ms")).not.toContain("sip/486");
  });
  it("a code with a time after it stays the code", () => {
    expect(ids("got 486 after 2 s")[0]).toBe("sip/486");
  });
  it("a plural is still a code", () => {
    expect(ids("getting 503s")[0]).toBe("sip/503");
    expect(ids("503s")[0]).toBe("sip/503");
  });
});
