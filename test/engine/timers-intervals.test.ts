// INVITE retransmissions over UDP double with no cap until Timer B (RFC 3261 §17.1.1.2): with the
// default T1 they stand 0.5, 1, 2, 4, 8 and 16 s apart. Timers E and G stop doubling at T2 = 4 s.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { computeTimers } from "../../src/engine/timers.js";
import { catalog } from "../helpers/catalog.js";

const lookup = (args: string) => computeTimers(catalog(), args.split(" ")).calculations.join("\n");

describe("retransmission intervals past T2", () => {
  it("8 s and 16 s are Timer A's 5th and 6th intervals, not timers nobody has", () => {
    expect(lookup("8s")).toBe(
      "At about 8 s with T1 = 500 ms: the 5th retransmission interval of Timer A (INVITE copies over UDP: 0.5, 1, 2, 4, 8, 16 s apart, then Timer B); Timer E and Timer G stop doubling at T2 = 4 s.",
    );
    expect(lookup("16s")).toMatch(
      /^At about 16 s with T1 = 500 ms: the 6th retransmission interval of Timer A .* With IMS T1 = 2 s \(timers ims\): T2 at 16 s\./,
    );
  });

  it("4 s is T2, and also Timer A's 4th interval and the longest one of Timer E and G", () => {
    expect(lookup("4s")).toBe(
      "At about 4 s: T2. It is also the 4th retransmission interval of Timer A (INVITE copies over UDP: 0.5, 1, 2, 4, 8, 16 s apart, then Timer B), and the longest of Timer E and Timer G, which stop doubling at T2.",
    );
  });

  it("follows the IMS T1 of 2 s", () => {
    expect(lookup("ims 8s")).toMatch(
      /^At about 8 s with IMS T1 = 2 s: the 3rd retransmission interval of Timer A, Timer E and Timer G \(2, 4, 8, 16 s…\)\.$/,
    );
    expect(lookup("ims 16s")).toMatch(
      /^At about 16 s: T2\. It is also the 4th retransmission interval of Timer A/,
    );
  });

  it("names 32 s as Timer B's timeout, not a 7th interval", () => {
    expect(lookup("32s")).not.toMatch(/retransmission interval/);
  });

  it("never claims to have checked the IMS profile when its intervals would match", () => {
    // With RFC 3261 values nothing runs 6 s; with IMS ones neither (2, 4, 8, 16 s…).
    expect(lookup("6s")).toMatch(/^No standard timer fires at about 6 s \(checked with/);
    // A retransmission interval only the other profile has is named, under that profile.
    expect(lookup("t1=300ms 8s")).toMatch(
      /With IMS T1 = 2 s \(timers ims\): the 3rd retransmission interval of Timer A, Timer E and Timer G/,
    );
    expect(lookup("t1=300ms 8s")).not.toMatch(/checked with/);
  });

  it("a bare duration asked in the shell names the interval too", () => {
    const r = explain(catalog(), "8s");
    expect(r.note).toMatch(/5th retransmission interval of Timer A/);
    expect(r.note).not.toMatch(/No standard timer/);
  });
});
