// A mistyped `timers` command opens the timers calculator rather than whatever catalog entry the
// typo happens to resemble; real words one letter away stay questions.
import { describe, expect, it } from "vitest";
import { route } from "../../src/engine/route.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

describe("a one-letter typo of timers", () => {
  it.each(["timrs", "timres", "timerz", "timesr", "timmers", "tiemrs", "tmers", "Timrs"])(
    "%s opens the timers card",
    (typo) => {
      expect(route(typo)).toEqual({ type: "timers", args: [] });
      expect(respond(catalog(), typo, "cli").text).toMatch(/^SIP and Webex Calling timers/);
    },
  );

  it("keeps the calculator's arguments", () => {
    expect(route("timmers 32s")).toEqual({ type: "timers", args: ["32s"] });
    expect(route("timrs t1=1s")).toEqual({ type: "timers", args: ["t1=1s"] });
  });

  it("leaves real words and questions alone", () => {
    expect(route("times")).toEqual({ type: "explain", query: "times" });
    expect(route("tiers")).toEqual({ type: "explain", query: "tiers" });
    expect(route("timrs keep dropping after answer").type).toBe("explain");
  });
});
