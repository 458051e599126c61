// How long a call lasted, typed as people type it in chat: decimals, words, and times of several
// parts are read as the number of seconds they say.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../../src/catalog/text.js";
import { spokenSeconds } from "../../src/engine/explain-spoken-time.js";

const read = (q: string) => spokenSeconds(normalizeText(q));

describe("a call's length as typed", () => {
  it("keeps a decimal's whole part", () => {
    expect(read("calls drop after 31.5 seconds")).toBe(31.5);
    expect(read("call drops after 2.5 minutes")).toBe(150);
    expect(read("call drops after 1.5 hours")).toBe(5400);
    expect(read("call drops after 0.5 s")).toBe(0.5);
    expect(read("call drops after 1,5 min")).toBe(90);
  });

  it("reads numbers in words", () => {
    expect(read("calls drop after thirty seconds")).toBe(30);
    expect(read("calls drop after fifteen minutes")).toBe(900);
    expect(read("calls drop after two hours")).toBe(7200);
    expect(read("call drops after ten seconds")).toBe(10);
    expect(read("call drops after one minute")).toBe(60);
    expect(read("call drops after a minute")).toBe(60);
    expect(read("call drops after twenty five seconds")).toBe(25);
    expect(read("call drops after half an hour")).toBe(1800);
    expect(read("call drops after a quarter of an hour")).toBe(900);
    expect(read("call drops after an hour and a half")).toBe(5400);
    expect(read("call drops after one and a half hours")).toBe(5400);
  });

  it("adds up a time of several parts", () => {
    expect(read("call drops after 1 min 30 sec")).toBe(90);
    expect(read("call drops after 1m30s")).toBe(90);
    expect(read("call drops after 2 minutes and 15 seconds")).toBe(135);
    expect(read("call drops after 1 h 30 min")).toBe(5400);
    expect(read("call drops after 15m")).toBe(900);
  });

  it("reads no time where none is said", () => {
    expect(read("calls drop")).toBeNull();
    expect(read("calls drop with 503s")).toBeNull();
    expect(read("calls drop at 10 a.m.")).toBeNull();
  });
});
