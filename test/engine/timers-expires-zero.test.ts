// Expires 0 pasted into the timers calculator is a de-registration (RFC 3261 §10.2.2): an answer
// that says so, never "must be greater than zero".
import { describe, expect, it } from "vitest";
import { main } from "../../src/adapters/cli/main.js";
import { computeTimers } from "../../src/engine/timers.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";
import { memoryIo } from "../helpers/io.js";

const timers = (text: string) => computeTimers(catalog(), text.split(" "));

describe("Expires 0", () => {
  it.each(["Expires: 0", "expires=0", "Expires:0", "expires=0s", "Expires: 0;q=0.7", "expires=0.0"])(
    "%s is explained as a de-registration",
    (text) => {
      const t = timers(text);
      expect(t.errors).toEqual([]);
      expect(t.due).toEqual([]);
      expect(t.calculations[0]).toMatch(
        /^Expires 0 is a de-registration: a REGISTER with Expires 0 removes that Contact's binding at once/,
      );
      expect(t.calculations.join(" ")).toContain("RFC 3261 §10.2.2, §10.3");
    },
  );

  it("keeps refusing a negative or unreadable Expires", () => {
    expect(timers("expires=-5").errors).toEqual(['Expires: "-5" must be greater than zero.']);
    expect(timers("expires=soon").errors[0]).toMatch(/^Expires: "soon" is not a duration/);
  });

  it("answers in chat and on the command line with exit 0", async () => {
    expect(respond(catalog(), "timers Expires: 0", "cli").text).toContain("Expires 0 is a de-registration");
    const io = memoryIo();
    const code = await main(["--no-color", "timers", "Expires: 0"], io);
    expect(code).toBe(0);
    expect(io.out()).not.toContain("Couldn't use");
    expect(io.out()).toContain("• Expires 0 is a de-registration");
    expect(io.out()).toContain("In a SUBSCRIBE, Expires 0 ends the subscription (RFC 6665 §4.1.2.3).");
  });
});
