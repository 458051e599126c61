// How the timers card reads what people type or paste: header parameters with spaces around ";"
// (RFC 3261 §25.1 SEMI = SWS ";" SWS), the word "timer" before a timer's letter, and a space
// before a unit.
import { describe, expect, it } from "vitest";
import { computeTimers } from "../../src/engine/timers.js";
import { catalog } from "../helpers/catalog.js";

const timers = (text: string) => computeTimers(catalog(), text.split(" "));

describe("pasted Session-Expires headers", () => {
  const callee =
    "Session-Expires 1800 s: the callee (refresher=uas) sends a re-INVITE or UPDATE at 900 s; if none arrives, the caller sends BYE at about 1768 s and the session is dead at 1800 s.";

  it.each([
    "Session-Expires: 1800;refresher=uas",
    "Session-Expires: 1800; refresher=uas",
    "Session-Expires: 1800 ;refresher=uas",
    "Session-Expires: 1800 ; refresher = uas",
    "Session-Expires:1800;REFRESHER=UAS",
  ])("%s reads the refresher", (header) => {
    const t = timers(header);
    expect(t.errors).toEqual([]);
    expect(t.calculations).toEqual([callee]);
  });

  it("keeps a setting that follows a ';' as a setting of its own", () => {
    const t = timers("session-expires=1800; t1=1s");
    expect(t.errors).toEqual([]);
    expect(t.base.t1).toBe(1000);
    expect(t.calculations.join(" ")).toMatch(/the refresher sends a re-INVITE or UPDATE at 900 s/);
  });

  it("reads the refresher and Min-SE pasted together with spaces", () => {
    const t = timers("Session-Expires: 1800 ; refresher=uac Min-SE: 90");
    expect(t.errors).toEqual([]);
    expect(t.calculations[0]).toMatch(/^Session-Expires 1800 s: the caller \(refresher=uac\)/);
    expect(t.calculations[1]).toMatch(/^Min-SE 90 s:/);
  });
});

describe("natural phrasings", () => {
  it.each(["timer h", "Timer H fired", "timer-h", "h"])("%s shows Timer H's line", (q) => {
    const t = timers(q);
    expect(t.errors).toEqual([]);
    expect(t.calculations[0]).toMatch(/^Timer H: UDP 32 s, TCP 32 s/);
  });

  it("reads 'timer t1' as T1", () => {
    const t = timers("timer t1");
    expect(t.errors).toEqual([]);
    expect(t.calculations[0]).toMatch(/^T1: UDP 500 ms/);
  });

  it.each(["32 seconds", "32 s", "32 sec", "32 secs", "32seconds", "32s"])("%s looks up 32 s", (q) => {
    const t = timers(q);
    expect(t.errors).toEqual([]);
    expect(t.calculations).toEqual([
      "At about 32 s: Timer B, Timer D, Timer F, Timer H, Timer J, Timer L, Timer M.",
    ]);
  });

  it.each(["2 min", "2 minutes", "2mins", "2m"])("%s looks up 120 s", (q) => {
    const t = timers(q);
    expect(t.errors).toEqual([]);
    expect(t.calculations[0]).toMatch(/about 120 s/);
  });

  it("reads a spaced unit in a setting", () => {
    expect(timers("t1 = 2 s").base.t1).toBe(2000);
    expect(timers("t1=250 ms").base.t1).toBe(250);
    expect(timers("expires: 1 hour").calculations[0]).toMatch(/^Expires 3600 s:/);
  });

  it("takes a lone m or h after a number as Timer M or H, not minutes or hours", () => {
    const t = timers("32 h");
    expect(t.errors).toEqual([]);
    expect(t.calculations[0]).toMatch(/^Timer H:/);
    expect(t.calculations[1]).toMatch(/^At about 32 s:/);
  });

  it("still refuses words it does not know", () => {
    expect(timers("32 parsecs").errors[0]).toMatch(/I don't understand "parsecs"/);
    expect(timers("timer").errors[0]).toMatch(/I don't understand "timer"/);
  });
});
