// `timers <duration>` checks the duration against the session and registration values the user
// gave, the session section shows those values, and Min-SE is described as the floor it is.
import { describe, expect, it } from "vitest";
import { computeTimers } from "../../src/engine/timers.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const timers = (args: string) => computeTimers(catalog(), args.split(" "));
/** The "Your numbers" line about a duration ("At about …", "No standard timer …"). */
const lookup = (args: string) =>
  timers(args).calculations.find((c) => /^(?:At about|No standard timer)/.test(c)) ?? "";
const card = (args: string) => respond(catalog(), `timers ${args}`, "cli").text;

describe("a duration checked with the Session-Expires and Expires given", () => {
  it("names the BYE of an unrefreshed session when the drop matches the given Session-Expires", () => {
    expect(lookup("60s session-expires=90")).toBe(
      "At about 60 s: the BYE of a session nobody refreshed, at 60 s (Session-Expires 90 s − 30 s).",
    );
    expect(lookup("45s session-expires=90")).toBe(
      "At about 45 s: the session refresh at 45 s (half of Session-Expires 90 s).",
    );
    expect(lookup("568s session-expires=600")).toMatch(/at 568 s \(Session-Expires 600 s − 32 s\)/);
  });

  it("does not name the default session interval when another was given", () => {
    expect(lookup("1800s session-expires=600")).toMatch(/^No standard timer fires at about 1800 s/);
  });

  it("names Webex Calling's registration refresh at 3/4 of the Expires given, and the Expires itself", () => {
    expect(lookup("2700s expires=3600")).toBe(
      "At about 2700 s: Webex Calling's registration refresh at 2700 s (3/4 of Expires 3600 s).",
    );
    expect(lookup("3600s expires=3600")).toMatch(
      /the end of a registration nobody refreshed, at Expires 3600 s/,
    );
  });

  it("with nothing given, a drop at 1768 s is the BYE before the default 1800 s interval ends", () => {
    expect(lookup("1768s")).toMatch(
      /^At about 1768 s: the BYE of a session nobody refreshed, at 1768 s \(the default Session-Expires 1800 s − 32 s\)/,
    );
    expect(lookup("900s")).toMatch(
      /the session refresh at 900 s \(half of the default Session-Expires 1800 s\)/,
    );
  });
});

describe("Min-SE is a floor, not a timer", () => {
  it("90 s names a session at the floor: refresh at 45 s, BYE at about 60 s, dead at 90 s", () => {
    const said = lookup("90");
    expect(said).not.toMatch(/: Min-SE\./);
    expect(said).toContain("With Session-Expires 90 s, the smallest RFC 4028 allows");
    expect(said).toContain(
      "refreshed at 45 s; without the refresh, BYE comes at about 60 s and the session is dead at 90 s",
    );
    expect(said).toContain("Min-SE 90 s is that floor, carried in headers; it never fires.");
  });

  it("60 s with nothing given points at a session negotiated at 90 s", () => {
    expect(lookup("60s")).toMatch(
      /With Session-Expires 90 s, .*the BYE of a session nobody refreshed, at 60 s/,
    );
  });

  it("a higher Min-SE given rules the 90 s session out", () => {
    expect(lookup("60s min-se=120")).not.toMatch(/Session-Expires 90 s/);
  });
});

describe("the session timers section follows the values given", () => {
  it("recomputes Session-Expires, Min-SE and the refresh, and says they are the user's", () => {
    const t = timers("session-expires=600 min-se=120");
    expect(t.session.map((e) => [e.id, e.timer?.defaultMs])).toEqual([
      ["timer/session-expires", 600_000],
      ["timer/min-se", 120_000],
      ["timer/session-refresh", 300_000],
    ]);
    const text = card("session-expires=600 min-se=120");
    expect(text).toContain(
      "Session timers (RFC 4028, with your values: Session-Expires 10 min (600 s), Min-SE 2 min (120 s))",
    );
    expect(text).toMatch(
      /Session refresh: 5 min \(300 s\) — A re-INVITE or UPDATE from the refresher at 300 s; without it, a BYE at about 568 s/,
    );
    expect(text).not.toContain("Session refresh: 15 min");
  });

  it("labels the section as defaults when nothing was given", () => {
    expect(card("32s")).toContain("Session timers (RFC 4028 defaults)");
    expect(timers("32s").session.map((e) => e.timer?.defaultMs)).toEqual([1_800_000, 90_000, 900_000]);
  });

  it("a Min-SE above the default interval raises the interval in use", () => {
    expect(timers("min-se=3600").sessionValues.sessionExpiresMs).toBe(3_600_000);
  });
});

describe("forms close to the documented ones", () => {
  it("takes refresher=uac or uas as Session-Expires's parameter, before or after it", () => {
    expect(timers("session-expires=1800 refresher=uas").calculations[0]).toMatch(
      /^Session-Expires 1800 s: the callee \(refresher=uas\) sends a re-INVITE or UPDATE at 900 s; if none arrives, the caller sends BYE/,
    );
    expect(timers("refresher=uac session-expires=1800").calculations[0]).toMatch(
      /the caller \(refresher=uac\)/,
    );
    expect(timers("session-expires=1800 refresher=uas").errors).toEqual([]);
  });

  it("says what refresher needs or takes when it cannot be used", () => {
    expect(timers("refresher=uas").errors[0]).toBe(
      "refresher=uas goes with a Session-Expires; try session-expires=1800 refresher=uas.",
    );
    expect(timers("session-expires=90 refresher=both").errors[0]).toMatch(
      /uac \(the caller\) or uas \(the callee\)/,
    );
  });

  it("reads a header name and its value with only a space between", () => {
    expect(timers("expires 3600").calculations[0]).toMatch(
      /^Expires 3600 s: Webex Calling .* 2700 s after the REGISTER/,
    );
    expect(timers("session-expires 90").calculations[0]).toMatch(
      /^Session-Expires 90 s: .*BYE at about 60 s/,
    );
    expect(timers("expires 3600").errors).toEqual([]);
  });
});

describe("implausible base timers", () => {
  it("refuses a T1, T2 or T4 above a minute instead of working out a 74-day Timer B", () => {
    const t = timers("t1=99999999");
    expect(t.errors[0]).toMatch(/^T1: "99999999" is more than a minute; T1 is the round-trip time estimate/);
    expect(t.calculations.join(" ")).not.toMatch(/6399999/);
    expect(timers("t4=2m").errors[0]).toMatch(/^T4: "2m" is more than a minute/);
  });

  it("still takes a large T1 up to a minute", () => {
    const t = timers("t1=60s");
    expect(t.errors).toEqual([]);
    expect(t.calculations).toContain(
      "With T1 = 60 s: Timer B, F, H, J, L and M = 64×T1 = 3840 s; Timer A, E and G start at 60 s.",
    );
  });
});
