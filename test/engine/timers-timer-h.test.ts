// Timer H waits for the ACK to a 3xx–6xx final response (RFC 3261 §17.2.1); the 32 s drop after
// an unacknowledged 200 OK is the UA core's 2xx retransmission window (§13.3.1.4). The timers card
// and the "call drops after 32 seconds" card say the same.
import { describe, expect, it } from "vitest";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const line = (text: string, title: string) =>
  text.split("\n").find((l) => l.trimStart().startsWith(`• ${title}:`)) ?? "";

describe("Timer H on the timers card", () => {
  it("is the ACK to a 3xx–6xx response, and puts the 200 OK case on the UA core", () => {
    const text = respond(catalog(), "timers", "cli").text;
    expect(line(text, "Timer H")).toBe(
      "  • Timer H: UDP 32 s, TCP 32 s [64*T1] — The ACK to a 3xx–6xx final response never came: the server gives up on it ~32 s after sending the response. A 2xx left without ACK drops the call after the same ~32 s, through the UA core (RFC 3261 §13.3.1.4), not Timer H",
    );
    expect(line(text, "Timer H")).not.toMatch(/200 OK/);
  });

  it("agrees with the symptom card's note", () => {
    const symptom = respond(catalog(), "symptom/call-drops-after-32-seconds", "cli").text;
    expect(symptom).toContain("Strictly, Timer H covers the ACK to 3xx–6xx responses");
    expect(symptom).toContain("for a 200 OK the UAS core retransmits for the same 64*T1 window");
  });
});
