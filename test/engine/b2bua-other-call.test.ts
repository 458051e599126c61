// An SBC passes each caller's INVITE to a carrier as a copy with its own Call-ID. A carrier that
// stayed silent on one caller's copy is a failure of that call: it is not the cause of the 408 the
// SBC sent another caller whose own carrier was ringing.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const block = (stamp: string, where: string, first: string, callId: string) =>
  [
    `Mar  5 03:${stamp} On ${where}`,
    first,
    "Via: SIP/2.0/UDP 198.51.100.5:5060;branch=z9hG4bK-1",
    "From: <sip:2001@pbx.example.net>;tag=a1",
    "To: <sip:2002@carrier.example.net>",
    `Call-ID: ${callId}`,
    "CSeq: 1 INVITE",
    "Content-Length: 0",
    "",
    "----------------------------------------",
  ].join("\n");

const FROM_CALLER = (caller: string) => `[1:0]198.51.100.5:5060 received from ${caller}:5060`;
const TO_CALLER = (caller: string) => `[1:0]198.51.100.5:5060 sent to ${caller}:5060`;
const TO_CARRIER = (carrier: string) => `[0:0]203.0.113.50:5060 sent to ${carrier}:5060`;
const FROM_CARRIER = (carrier: string) => `[0:0]203.0.113.50:5060 received from ${carrier}:5060`;

/** Copies of one INVITE at T1 doubling from `start` (seconds past 03:20:00). */
function copies(start: number, count: number, carrier: string, callId: string): string[] {
  const out: string[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    out.push(block(stamp(at), TO_CARRIER(carrier), `INVITE sip:2002@${carrier}:5060 SIP/2.0`, callId));
    at += 0.5 * 2 ** i;
  }
  return out;
}

const stamp = (s: number) => `20:${s.toFixed(3).padStart(6, "0")}`;

describe("a 408 on a ringing call while another call's carrier stayed silent", () => {
  const log = [
    block(stamp(1.1), FROM_CALLER("10.20.30.40"), "INVITE sip:2002@198.51.100.5:5060 SIP/2.0", "in-A"),
    ...copies(1.11, 5, "203.0.113.77", "out-A").slice(0, 1),
    block(stamp(1.3), FROM_CALLER("10.20.30.41"), "INVITE sip:2003@198.51.100.5:5060 SIP/2.0", "in-B"),
    block(stamp(1.32), TO_CARRIER("203.0.113.99"), "INVITE sip:2003@203.0.113.99:5060 SIP/2.0", "out-B"),
    block(stamp(1.5), FROM_CARRIER("203.0.113.99"), "SIP/2.0 180 Ringing", "out-B"),
    block(stamp(1.505), TO_CALLER("10.20.30.41"), "SIP/2.0 180 Ringing", "in-B"),
    ...copies(1.11, 5, "203.0.113.77", "out-A").slice(1),
    block(stamp(9), TO_CALLER("10.20.30.41"), "SIP/2.0 408 Request Timeout", "in-B"),
  ].join("\n");

  it("does not give the other carrier's silence as the earlier failure", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 408 });
    expect(a.failingComponent).not.toContain("203.0.113.77");
    expect(a.summary).not.toContain("earlier failure");
    // The silence itself is still reported, as its own note.
    expect(a.timers.some((t) => t.text.includes("to 203.0.113.77:5060 was sent 5 times"))).toBe(true);
  });
});
