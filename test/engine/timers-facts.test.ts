// Timer facts that do not follow T1 or that belong to one vendor: Timer D stays at its RFC 3261
// floor whatever T1 is, and the 3/4-of-Expires refresh is stated as Webex Calling's, not SIP's.
import { describe, expect, it } from "vitest";
import { computeTimers } from "../../src/engine/timers.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const card = (args: string) => respond(catalog(), `timers ${args}`.trim(), "cli").text;
const line = (text: string, title: string) =>
  text.split("\n").find((l) => l.trimStart().startsWith(`• ${title}:`)) ?? "";
const numbers = (args: string) => computeTimers(catalog(), args.split(" ")).calculations.join("\n");

describe("Timer D (RFC 3261 §17.1.1.2: at least 32 s on UDP, not 64×T1)", () => {
  it.each(["t1=1s", "t1=2s", "t1=4s"])("stays at 32 s with %s", (args) => {
    expect(line(card(args), "Timer D")).toContain("Timer D: UDP 32 s, TCP 0 s [> 32 s for UDP, 0 for TCP]");
    const d = computeTimers(catalog(), [args]).transaction.find((r) => r.entry.id === "timer/d");
    expect([d?.udpMs, d?.tcpMs]).toEqual([32_000, 0]);
  });

  it("is 128 s in the IMS profile (3GPP TS 24.229 Table 7.7.1), whatever T1 is", () => {
    expect(line(card("ims"), "Timer D")).toContain(
      "Timer D: UDP 128 s, TCP 0 s [> 128 s for UDP (3GPP TS 24.229), 0 for TCP]",
    );
    expect(line(card("ims t1=1s"), "Timer D")).toContain("UDP 128 s, TCP 0 s");
  });

  it("is not named among the timers 64×T1 gives for another T1", () => {
    expect(numbers("64s")).toBe(
      "No standard timer fires at about 64 s with T1 = 500 ms. With T1 = 1 s: Timer B, Timer F, Timer H, Timer J, Timer L, Timer M at 64 s (64×T1).",
    );
    expect(numbers("t1=1s 32s")).toContain("At about 32 s: Timer D.");
  });
});

describe("registration refresh for an Expires value", () => {
  it("gives 3/4 of Expires as Webex Calling's point, not as a SIP rule", () => {
    const text = numbers("expires=3600");
    expect(text).toBe(
      "Expires 3600 s: Webex Calling (Mobius's SIP app toward the SSE) refreshes the registration at 3/4 of it, 2700 s after the REGISTER; other SIP stacks refresh at their own point, before the Expires the registrar's 200 OK returned. The binding lapses at that Expires (3600 s if the 200 OK kept it) unless a refresh succeeds.",
    );
    expect(text).not.toMatch(/^Expires 3600 s: the registration is refreshed at 3\/4/);
  });

  it("keeps the reminder at the Webex refresh point", () => {
    expect(computeTimers(catalog(), ["expires=3600"]).due).toEqual([
      { label: "registration refresh", afterSeconds: 2700 },
    ]);
  });

  it("does not tell every device to refresh at 3/4 of Expires in the flapping checklist", () => {
    const checks = catalog().byId.get("symptom/registration-flapping")?.checks ?? [];
    for (const c of checks.filter((c) => c.includes("3/4"))) expect(c).toMatch(/^Webex Calling:/);
    expect(checks.some((c) => /before the Expires granted in the last 200 OK/.test(c))).toBe(true);
  });
});
