// A call answered and then torn down 32 s later because no ACK came for its 200 OK: every code in
// the log is normal traffic, but the call dropped, and the verdict says so.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const CARRIER = "198.51.100.10:5060";
const PBX = "10.0.0.30:5060";
const dialog = ["Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK-c1", "Call-ID: noack-1@198.51.100.10"];
/** A packet at `s` seconds past 04:00:00. */
const packet = (s: number, from: string, to: string, first: string, headers: string[]) =>
  ngrepPacket({
    date: "2024/03/05",
    time: `04:00:${s.toFixed(6).padStart(9, "0")}`,
    from,
    to,
    lines: [first, ...headers, "Content-Length: 0"],
  });
const invite = packet(0, CARRIER, PBX, "INVITE sip:2125550100@203.0.113.20 SIP/2.0", [
  ...dialog,
  "CSeq: 1 INVITE",
]);
const ok = (s: number) =>
  packet(s, PBX, CARRIER, "SIP/2.0 200 OK", [
    ...dialog,
    "CSeq: 1 INVITE",
    "Contact: <sip:10.0.0.30:5060>",
    "Server: Asterisk PBX 20.5.2",
  ]);
const okCopies = [3, 3.5, 4.5, 6.5, 10.5, 14.5, 18.5, 22.5, 26.5, 30.5, 34.5].map(ok);
const bye = packet(35, PBX, CARRIER, "BYE sip:2125550100@198.51.100.10:5060 SIP/2.0", [
  "Via: SIP/2.0/UDP 10.0.0.30:5060;branch=z9hG4bK-b1",
  "Call-ID: noack-1@198.51.100.10",
  "CSeq: 102 BYE",
  "Reason: Q.850;cause=16",
]);

describe("a call dropped because its 200 OK was never acknowledged", () => {
  it("is the verdict, not 'no failures'", () => {
    const a = run([invite, ...okCopies, bye].join("\n"));
    expect(a.firstFailure).toBeNull();
    expect(a.firstFailureLabel).toBe("Call dropped: no ACK for the 200 OK (64×T1)");
    expect(a.summary).toContain("The call was answered and then dropped: nothing acknowledged the 200 OK");
    expect(a.summary).not.toContain("No failure");
    expect(a.failingComponent).toMatch(
      /^the ACK's path from 198\.51\.100\.10:5060 \(the caller, in its top Via\) to 10\.0\.0\.30:5060 \(Asterisk PBX 20\.5\.2\)/,
    );
  });

  it("leaves a call whose ACK arrived alone", () => {
    const ack = packet(3.05, CARRIER, PBX, "ACK sip:10.0.0.30:5060 SIP/2.0", [...dialog, "CSeq: 1 ACK"]);
    const a = run([invite, ok(3), ack, bye].join("\n"));
    expect(a.firstFailureLabel).toBeNull();
    expect(a.summary).toContain("No failure");
  });
});
