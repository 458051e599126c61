// The timers card as people read it: its sentences agree with its numbers for any T1/T2/T4, and the
// calculators answer in plain, rounded numbers.
import { describe, expect, it } from "vitest";
import { computeTimers, WORDING } from "../../src/engine/timers.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const card = (args: string) => respond(catalog(), `timers ${args}`.trim(), "cli").text;
/** The card's line for one timer ("Timer B: UDP 128 s, …"). */
const line = (text: string, title: string) =>
  text.split("\n").find((l) => l.trimStart().startsWith(`• ${title}:`)) ?? "";
/** The "Your numbers" lines. */
const numbers = (args: string) => computeTimers(catalog(), args.split(" ")).calculations.join("\n");

describe("timer sentences follow the computed values", () => {
  it("reads as the catalog does with the RFC 3261 defaults", () => {
    for (const r of computeTimers(catalog(), []).transaction) {
      expect(r.formula).toBe(r.entry.timer?.formula);
      expect(r.firesWhen).toBe(r.entry.timer?.firesWhen);
    }
    const text = card("");
    expect(line(text, "Timer B")).toBe(
      "  • Timer B: UDP 32 s, TCP 32 s [64*T1] — A locally generated 408 about 32 s after the INVITE",
    );
    expect(line(text, "Timer A")).toContain("(0.5, 1, 2, 4 s…)");
    expect(line(text, "Timer D")).toContain("[> 32 s for UDP, 0 for TCP]");
    expect(line(text, "Timer E")).toContain("at most every 4 s");
  });

  it("finds every number it rewrites in the catalog wording", () => {
    for (const [id, rules] of Object.entries(WORDING)) {
      const timer = catalog().byId.get(id)?.timer;
      for (const rule of rules) expect(timer?.[rule.field], `${id} ${rule.field}`).toContain(rule.text);
    }
  });

  it.each(["t1=2s", "ims"])("timers %s: no sentence keeps the 32 s of the default T1", (args) => {
    const text = card(args);
    expect(line(text, "Timer A")).toContain("(2, 4, 8, 16 s…)");
    expect(line(text, "Timer B")).toContain(
      "UDP 128 s, TCP 128 s [64*T1] — A locally generated 408 about 128 s after",
    );
    // Timer D does not follow T1 (RFC 3261 §17.1.1.2: at least 32 s); only IMS sets it to 128 s.
    expect(line(text, "Timer D")).toContain(
      args === "ims"
        ? "UDP 128 s, TCP 0 s [> 128 s for UDP (3GPP TS 24.229), 0 for TCP]"
        : "UDP 32 s, TCP 0 s [> 32 s for UDP, 0 for TCP]",
    );
    expect(line(text, "Timer F")).toContain("times out about 128 s after it was sent");
    expect(line(text, "Timer H")).toContain("gives up on it ~128 s after sending the response");
    expect(line(text, "Timer H")).toContain("drops the call after the same ~128 s");
    expect(line(text, "Timer L")).toContain("ends 128 s after the 2xx");
    expect(line(text, "Timer M")).toContain("ends 128 s after the first 2xx");
    for (const title of ["Timer A", "Timer B", "Timer F", "Timer H", "Timer J", "Timer L", "Timer M"]) {
      expect(line(text, title)).not.toMatch(/\b32 s|0\.5, 1/);
    }
  });

  it("caps Timer E's interval at the T2 in use", () => {
    expect(line(card("ims"), "Timer E")).toContain("at most every 16 s");
    expect(line(card("t2=8s"), "Timer E")).toContain("at most every 8 s");
    expect(line(card("t1=1s"), "Timer A")).toContain("(1, 2, 4, 8 s…)");
    expect(line(card("t1=1s"), "Timer B")).toContain("about 64 s after the INVITE");
  });
});

describe("which timers fire at N seconds", () => {
  it("lists only the timers really at that value", () => {
    expect(numbers("5s")).toBe("At about 5 s: T4, Timer I, Timer K.");
    expect(numbers("4s")).toMatch(
      /^At about 4 s: T2\. It is also the 4th retransmission interval of Timer A/,
    );
    expect(numbers("32s")).toBe(
      "At about 32 s: Timer B, Timer D, Timer F, Timer H, Timer J, Timer L, Timer M.",
    );
    expect(numbers("30s")).toBe("At about 30 s: Mobius registration keepalive.");
    expect(numbers("35s")).toBe("At about 35 s: SIP OPTIONS ping to SSE.");
  });

  it("says under which setting a value is a timer when the chosen one has none there", () => {
    expect(numbers("2s")).toBe(
      "At about 2 s with T1 = 500 ms: the 3rd retransmission interval of Timer A, Timer E and Timer G (0.5, 1, 2, 4 s…). With IMS T1 = 2 s (timers ims): T1, Timer A, Timer E, Timer G at 2 s.",
    );
    expect(numbers("64s")).toBe(
      "No standard timer fires at about 64 s with T1 = 500 ms. With T1 = 1 s: Timer B, Timer F, Timer H, Timer J, Timer L, Timer M at 64 s (64×T1).",
    );
    expect(numbers("128s")).toBe(
      "No standard timer fires at about 128 s with T1 = 500 ms. With IMS T1 = 2 s (timers ims): Timer B, Timer D, Timer F, Timer H, Timer J, Timer L, Timer M at 128 s.",
    );
    expect(numbers("ims 32s")).toBe(
      "At about 32 s with IMS T1 = 2 s: the 5th retransmission interval of Timer A (INVITE copies over UDP: 2, 4, 8, 16, 32, 64 s apart, then Timer B); Timer E and Timer G stop doubling at T2 = 16 s. With the RFC 3261 defaults (T1 = 500 ms): Timer B, Timer D, Timer F, Timer H, Timer J, Timer L, Timer M at 32 s.",
    );
    expect(numbers("ims 128s")).toMatch(/^At about 128 s: Timer B, Timer D, Timer F/);
    expect(numbers("7s")).toBe(
      "No standard timer fires at about 7 s (checked with T1 = 500 ms, the IMS profile and 64×T1 for T1 up to 4 s).",
    );
  });
});

describe("calculator input", () => {
  it("rounds to one decimal at most", () => {
    expect(numbers("session-expires=91")).toBe(
      "Session-Expires 91 s: the refresher sends a re-INVITE or UPDATE at 45.5 s; if none arrives, the other side sends BYE at about 60.7 s and the session is dead at 91 s.",
    );
  });

  it("reads a bare T1 from 10 up as milliseconds and says so while the other reading is plausible", () => {
    const t = computeTimers(catalog(), ["t1=49"]);
    expect(t.base.t1).toBe(49);
    expect(t.calculations).toContain("T1=49 read as 49 ms; write 49s to mean seconds.");
    expect(computeTimers(catalog(), ["t1=9"]).calculations).toContain(
      "T1=9 read as 9 s; write 9ms to mean milliseconds.",
    );
    expect(computeTimers(catalog(), ["t1=500"]).calculations.join(" ")).not.toMatch(/read as/);
    // T2 and T4 are written in seconds in IMS (16 s, 17 s): a bare 16 is 16 s.
    expect(computeTimers(catalog(), ["t2=16", "t4=17"]).base).toEqual({ t1: 500, t2: 16_000, t4: 17_000 });
  });

  it("uses the last of a repeated setting and says so", () => {
    const t1 = computeTimers(catalog(), ["t1=1s", "t1=2s"]);
    expect(t1.base.t1).toBe(2000);
    expect(t1.calculations[0]).toBe("T1 given more than once; using the last, t1=2s.");
    const expires = numbers("expires=3600 expires=60");
    expect(expires).toBe(
      "Expires given more than once; using the last, expires=60.\nExpires 60 s: Webex Calling (Mobius's SIP app toward the SSE) refreshes the registration at 3/4 of it, 45 s after the REGISTER; other SIP stacks refresh at their own point, before the Expires the registrar's 200 OK returned. The binding lapses at that Expires (60 s if the 200 OK kept it) unless a refresh succeeds.",
    );
  });

  it("reads pasted headers", () => {
    expect(numbers("Expires: 600")).toMatch(
      /^Expires 600 s: Webex Calling \(Mobius's SIP app toward the SSE\) refreshes the registration at 3\/4 of it, 450 s/,
    );
    const t = computeTimers(catalog(), ["Session-Expires:", "1800;refresher=uac", "Min-SE:", "90"]);
    expect(t.errors).toEqual([]);
    expect(t.calculations).toEqual([
      "Session-Expires 1800 s: the caller (refresher=uac) sends a re-INVITE or UPDATE at 900 s; if none arrives, the callee sends BYE at about 1768 s and the session is dead at 1800 s.",
      "Min-SE 90 s: a Session-Expires below it is refused with 422 Session Interval Too Small, which carries Min-SE: 90.",
    ]);
    const small = computeTimers(catalog(), ["Min-SE:", "120", "Session-Expires:", "100"]);
    expect(small.errors).toEqual([]);
    expect(small.calculations[1]).toMatch(
      /^Session-Expires 100 s is below Min-SE 120 s; expect 422 Session Interval Too Small with Min-SE: 120,/,
    );
    expect(computeTimers(catalog(), ["min-se=60"]).errors[0]).toMatch(/Min-SE 60 s is below the 90 s/);
  });
});

describe("the timers card asked about one timer", () => {
  it.each([
    [
      "timers B fired",
      "Timer B: UDP 32 s, TCP 32 s [64*T1] — A locally generated 408 about 32 s after the INVITE",
    ],
    [
      "timers F expired",
      "Timer F: UDP 32 s, TCP 32 s [64*T1] — A REGISTER, OPTIONS or BYE times out about 32 s",
    ],
  ])("%s in chat puts that timer first on the card", (q, first) => {
    const r = respond(catalog(), q, "slack");
    expect(r.kind).toBe("timers");
    if (r.kind !== "timers") return;
    expect(r.timers.errors).toEqual([]);
    expect(r.timers.calculations[0]).toContain(first);
  });
});
