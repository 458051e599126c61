// Every number on the timers card against its source, and the calculators' arithmetic.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { parseQuery } from "../../src/engine/query.js";
import { computeTimers, parseDuration } from "../../src/engine/timers.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const timer = (id: string) => catalog().byId.get(id)?.timer;
const sources = (id: string) => catalog().byId.get(id)?.sources.join(" ") ?? "";

describe("timer values match their sources", () => {
  it.each([
    ["timer/t1", 500, 2000, "RFC 3261"],
    ["timer/t2", 4000, 16_000, "RFC 3261"],
    ["timer/t4", 5000, 17_000, "RFC 3261"],
    ["timer/b", 32_000, 128_000, "RFC 3261"],
    ["timer/f", 32_000, 128_000, "RFC 3261"],
    ["timer/h", 32_000, 128_000, "RFC 3261"],
    ["timer/d", 32_000, 128_000, "RFC 3261"],
  ])("%s is %i ms (IMS %i ms) per %s and 3GPP TS 24.229", (id, ms, ims, src) => {
    expect(timer(id)?.defaultMs).toBe(ms);
    expect(timer(id)?.imsMs).toBe(ims);
    expect(sources(id)).toContain(src);
    expect(sources(id)).toContain("24.229");
  });

  it("has the RFC 6026 timers L and M at 64×T1", () => {
    for (const id of ["timer/l", "timer/m"]) {
      expect(timer(id)?.defaultMs).toBe(32_000);
      expect(sources(id)).toContain("RFC 6026");
    }
  });

  it("has the 2 AM guide values from the Mobius reference", () => {
    expect(timer("timer/mobius-registration-keepalive")?.defaultMs).toBe(30_000);
    expect(timer("timer/mobius-unregister-after-missed-keepalives")?.defaultMs).toBe(150_000);
    expect(timer("timer/mobius-call-keepalive")?.defaultMs).toBe(15 * 60_000);
    expect(timer("timer/sip-options-ping")?.defaultMs).toBe(35_000);
    expect(timer("timer/sip-registration-refresh")?.formula).toBe("0.75*Expires");
    for (const id of ["timer/mobius-registration-keepalive", "timer/sip-options-ping"]) {
      expect(sources(id)).toContain("000_955d0d4cb48bc2ba.txt");
    }
  });

  it("has the RFC 4028 session timer values", () => {
    expect(timer("timer/session-expires")?.defaultMs).toBe(1_800_000);
    expect(timer("timer/min-se")?.defaultMs).toBe(90_000);
    expect(sources("timer/min-se")).toContain("RFC 4028");
  });
});

describe("the timers card", () => {
  it("names its sources and shows UDP and TCP values", () => {
    const text = respond(catalog(), "timers", "cli").text;
    expect(text).toMatch(/Timer B: UDP 32 s, TCP 32 s/);
    expect(text).toMatch(/Timer D: UDP 32 s, TCP 0 s/);
    expect(text).toMatch(/registration keepalive: 30 s/);
    expect(text).toMatch(
      /Sources: .*RFC 3261.*Webex Calling \(Mobius\) error reference|Sources: .*Webex Calling \(Mobius\) error reference.*RFC 3261/,
    );
    expect(text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });

  it("switches to the IMS profile", () => {
    const t = computeTimers(catalog(), ["ims"]);
    expect(t.base).toEqual({ t1: 2000, t2: 16_000, t4: 17_000 });
    expect(t.transaction.find((r) => r.entry.id === "timer/b")?.udpMs).toBe(128_000);
  });
});

describe("calculators", () => {
  it("expires=3600 → refresh at 2700 s", () => {
    expect(computeTimers(catalog(), ["expires=3600"]).calculations.join(" ")).toMatch(/2700 s/);
  });

  it("t1=1s recomputes every derived timer", () => {
    const t = computeTimers(catalog(), ["t1=1s"]);
    const b = t.transaction.find((r) => r.entry.id === "timer/b");
    const e = t.transaction.find((r) => r.entry.id === "timer/e");
    expect(b?.udpMs).toBe(64_000);
    expect(e?.udpMs).toBe(1000);
    expect(t.calculations.join(" ")).toMatch(/64×T1 = 64 s/);
  });

  it("session-expires=1800 → refresh at 900 s and the BYE before it dies", () => {
    const c = computeTimers(catalog(), ["session-expires=1800"]).calculations.join(" ");
    expect(c).toMatch(/900 s/);
    expect(c).toMatch(/BYE at about 1768 s/);
  });

  it("keepalive → the unregistration window", () => {
    expect(computeTimers(catalog(), ["keepalive"]).calculations.join(" ")).toMatch(/150 s/);
  });

  it("32s → the timers that fire at about 32 seconds", () => {
    const c = computeTimers(catalog(), ["32s"]).calculations.join(" ");
    for (const name of ["Timer B", "Timer F", "Timer H"]) expect(c).toContain(name);
  });

  it("refuses bad values with a clear message", () => {
    expect(computeTimers(catalog(), ["t1=abc"]).errors[0]).toMatch(/not a duration/);
    expect(computeTimers(catalog(), ["t1=-5"]).errors[0]).toMatch(/greater than zero/);
    expect(computeTimers(catalog(), ["expires=99999999"]).errors[0]).toMatch(/more than a week/);
    expect(computeTimers(catalog(), ["frobnicate"]).errors[0]).toMatch(/don't understand/);
    expect(parseDuration("0", "s")).toMatch(/greater than zero/);
    // Zero and negative durations say what is wrong with them, not "I don't understand".
    expect(computeTimers(catalog(), ["0s"]).errors).toEqual(['"0s" must be greater than zero.']);
    expect(computeTimers(catalog(), ["-5s"]).errors).toEqual(['"-5s" must be greater than zero.']);
    // Expires takes plain seconds, and the hint says so.
    expect(computeTimers(catalog(), ["expires=abc"]).errors[0]).toMatch(/like 3600, 90s/);
  });

  it("answers a Session-Expires below Min-SE with the 422 it gets, as a result and not an error", () => {
    const floor = computeTimers(catalog(), ["session-expires=10"]);
    expect(floor.errors).toEqual([]);
    expect(floor.calculations).toEqual([
      "Session-Expires 10 s is below the 90 s Min-SE floor; expect 422 Session Interval Too Small with Min-SE: 90 or more, after which the request may be retried with a Session-Expires at least that large.",
    ]);
    const own = computeTimers(catalog(), ["min-se=120", "session-expires=100"]);
    expect(own.errors).toEqual([]);
    expect(own.calculations[1]).toBe(
      "Session-Expires 100 s is below Min-SE 120 s; expect 422 Session Interval Too Small with Min-SE: 120, after which the request may be retried with a Session-Expires of at least 120 s.",
    );
    expect(respond(catalog(), "timers session-expires=10", "cli").text).not.toMatch(/Couldn't use/);
    // A value that cannot be used at all is still refused.
    expect(computeTimers(catalog(), ["min-se=60"]).errors[0]).toMatch(/Min-SE 60 s is below the 90 s/);
    expect(computeTimers(catalog(), ["session-expires=soon"]).errors[0]).toMatch(/not a duration/);
  });

  it("shows a fractional T1 to one decimal and computes with that value", () => {
    const c = computeTimers(catalog(), ["t1=10.5"]).calculations;
    expect(c).toEqual([
      "T1=10.5 read as 10.5 ms; write 10.5s to mean seconds.",
      "With T1 = 10.5 ms: Timer B, F, H, J, L and M = 64×T1 = 672 ms; Timer A, E and G start at 10.5 ms.",
    ]);
  });

  it("reads a small bare T1 as seconds and says so", () => {
    const r = computeTimers(catalog(), ["t1=2"]);
    expect(r.base.t1).toBe(2000);
    expect(r.calculations.join(" ")).toMatch(/T1=2 read as 2 s; write 2ms to mean milliseconds/);
    expect(computeTimers(catalog(), ["t1=500"]).base.t1).toBe(500);
    expect(computeTimers(catalog(), ["t1=250ms"]).calculations.join(" ")).toMatch(
      /64×T1 = 16 s.*start at 250 ms/,
    );
  });

  it("raises T2 to a larger T1, and refuses an explicit T2 below T1 without using either", () => {
    const raised = computeTimers(catalog(), ["t1=5s"]);
    expect(raised.errors).toEqual([]);
    expect(raised.base).toMatchObject({ t1: 5000, t2: 5000 });
    expect(raised.calculations.join(" ")).toMatch(/T2 taken as 5 s/);
    const refused = computeTimers(catalog(), ["t1=5s", "t2=1s"]);
    expect(refused.errors[0]).toMatch(/T2 \(1 s\) should not be smaller than T1 \(5 s\)/);
    expect(refused.base).toMatchObject({ t1: 500, t2: 4000 });
  });

  it("labels the transaction timers with the user's own values when they differ from the profile", () => {
    const own = respond(catalog(), "timers t1=1s", "cli").cards[0];
    expect(JSON.stringify(own)).toMatch(/RFC 3261, with your values: T1 1 s/);
    const plain = respond(catalog(), "timers", "cli").cards[0];
    expect(JSON.stringify(plain)).toMatch(/RFC 3261 defaults: T1 500 ms/);
  });
});

describe("which timers fire at a second or two", () => {
  const lookup = (args: string) => computeTimers(catalog(), args.split(" ")).calculations.join("\n");

  it("names Timer A, E and G's retransmission intervals the card lists (0.5, 1, 2, 4 s)", () => {
    expect(lookup("2s")).toBe(
      "At about 2 s with T1 = 500 ms: the 3rd retransmission interval of Timer A, Timer E and Timer G (0.5, 1, 2, 4 s…). With IMS T1 = 2 s (timers ims): T1, Timer A, Timer E, Timer G at 2 s.",
    );
    expect(lookup("ims 4s")).toMatch(
      /^At about 4 s with IMS T1 = 2 s: the 2nd retransmission interval of Timer A, Timer E and Timer G \(2, 4, 8, 16 s…\)\./,
    );
    // Timer E and G stop doubling at T2; Timer A does not.
    expect(lookup("t2=1s 2s")).toMatch(
      /^At about 2 s with T1 = 500 ms: the 3rd retransmission interval of Timer A \(/,
    );
  });

  it("points at T1 = 1 s for 1 s, as it does at 64 s", () => {
    expect(lookup("1s")).toBe(
      "At about 1 s with T1 = 500 ms: the 2nd retransmission interval of Timer A, Timer E and Timer G (0.5, 1, 2, 4 s…). With T1 = 1 s: T1, Timer A, Timer E, Timer G at 1 s.",
    );
    expect(lookup("3s")).toBe(
      "No standard timer fires at about 3 s with T1 = 500 ms. With T1 = 3 s: T1, Timer A, Timer E, Timer G at 3 s.",
    );
    expect(lookup("64s")).toMatch(/With T1 = 1 s: Timer B, .* at 64 s \(64×T1\)\.$/);
  });
});

describe("Timer C", () => {
  it("is restarted by provisional responses other than 100 Trying (RFC 3261 §16.7 step 2)", () => {
    const c = catalog().byId.get("timer/c");
    expect(c?.meaning).toMatch(/every provisional response other than 100 Trying/);
    expect(c?.meaning).toMatch(/a 100 Trying does not restart it/);
    expect(c?.checks.join(" ")).toMatch(/other than 100 Trying .*a 100 Trying does not/);
    expect(c?.timer?.firesWhen).toMatch(/last provisional response other than 100 Trying/);
    expect(c?.sources).toContain("RFC 3261 §16.7");
    const text = respond(catalog(), "timer c", "cli").text;
    expect(text).toMatch(/a 100 Trying does not restart it/);
    expect(text).not.toMatch(/starts again with every provisional response[,.]/);
  });
});

describe("questions about one timer by name", () => {
  it.each([
    ["what is timer b", "timer/b"],
    ["what's timer h", "timer/h"],
    ["What’s Timer H?", "timer/h"],
    ["how long is timer f", "timer/f"],
    ["what is T1", "timer/t1"],
    ["what is the T2 timer", "timer/t2"],
    ["sip timer b", "timer/b"],
    ["timer B fired", "timer/b"],
    ["Timer F expired", "timer/f"],
    ["timer-c", "timer/c"],
  ])("%s → %s first", (q, id) => {
    const r = explain(catalog(), q);
    expect(r.results[0]?.id).toBe(id);
  });

  it.each([
    ["what is timer b", "Timer: Timer B"],
    ["what's timer h", "Timer: Timer H"],
    ["how long is timer f", "Timer: Timer F"],
    ["what is T1", "Timer: T1"],
    ["sip timer b", "Timer: Timer B"],
  ])("%s in chat answers with that timer's card", (q, heading) => {
    expect(respond(catalog(), q, "slack").text.split("\n")[0]).toBe(heading);
  });

  it("leaves other questions to the search", () => {
    expect(parseQuery("t1 line")).toEqual({ type: "text", namespace: null, text: "t1 line" });
    expect(parseQuery("timer x").type).toBe("text");
    expect(parseQuery("timer c fired after 3 minutes").type).toBe("text");
  });
});
