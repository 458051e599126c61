// A session torn down by its session timer with no refresh since the call's INVITE: the side that
// does not refresh sends the BYE (RFC 4028 §10), so the refresher is on the side the BYE went to.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const FS = "10.0.0.20:5080";
const CARRIER = "198.51.100.10:5060";
const packet = capture("2024/03/05", ["Call-ID: st-1@10.0.0.20"]);
const invite = (time: string, cseq: number) =>
  packet(time, FS, CARRIER, "INVITE sip:4155550123@198.51.100.10 SIP/2.0", [
    `Via: SIP/2.0/UDP 10.0.0.20:5080;branch=z9hG4bK-i${cseq}`,
    `CSeq: ${cseq} INVITE`,
    "Session-Expires: 1800;refresher=uas",
  ]);
const ok = (time: string, cseq: number) =>
  packet(time, CARRIER, FS, "SIP/2.0 200 OK", [
    `Via: SIP/2.0/UDP 10.0.0.20:5080;branch=z9hG4bK-i${cseq}`,
    `CSeq: ${cseq} INVITE`,
    "Session-Expires: 1800;refresher=uas",
    "Server: CarrierSBC/4.2",
  ]);
const bye = packet("03:00:06.300000", FS, CARRIER, "BYE sip:4155550123@198.51.100.10:5060 SIP/2.0", [
  "Via: SIP/2.0/UDP 10.0.0.20:5080;branch=z9hG4bK-b1",
  "CSeq: 1002 BYE",
  'Reason: SIP;cause=408;text="Session timer expired"',
]);

describe("a session timer that expired with no refresh at all", () => {
  it("names the side the BYE went to as the refresher that never refreshed", () => {
    const a = run([invite("02:30:00.000000", 1001), ok("02:30:06.200000", 1001), bye].join("\n"));
    const note = a.timers.find((t) => t.timer === "timer/session-refresh");
    expect(note?.refresher).toBe(CARRIER);
    expect(note?.text).toContain("the refresher is on the side the BYE went to (198.51.100.10:5060)");
    expect(a.failingComponent).toMatch(/^198\.51\.100\.10:5060, the session refresher/);
  });

  it("names none when a refresh was sent and answered before", () => {
    const log = [
      invite("02:00:00.000000", 1001),
      ok("02:00:00.200000", 1001),
      invite("02:15:00.000000", 1002),
      ok("02:15:00.100000", 1002),
      bye,
    ];
    const note = run(log.join("\n")).timers.find((t) => t.timer === "timer/session-refresh");
    expect(note?.refresher).toBeUndefined();
  });
});

describe("a session refresh refused by the far end", () => {
  const refused = (time: string, cseq: number, method: string) =>
    packet(time, CARRIER, FS, "SIP/2.0 481 Call/Transaction Does Not Exist", [
      `Via: SIP/2.0/UDP 10.0.0.20:5080;branch=z9hG4bK-i${cseq}`,
      `CSeq: ${cseq} ${method}`,
    ]);
  const log = [
    invite("02:45:00.000000", 1001),
    ok("02:45:00.200000", 1001),
    invite("03:00:06.000000", 1002),
    refused("03:00:06.080000", 1002, "INVITE"),
    bye,
  ].join("\n");

  it("says the refresh arrived and who refused it with 481, not that it never arrived", () => {
    const note = run(log).timers.find((t) => t.timer === "timer/session-refresh");
    expect(note?.title).toBe("Session refresh refused");
    expect(note?.text).toContain("the refresh did arrive");
    expect(note?.text).toContain(`was refused by ${CARRIER} with SIP 481`);
    expect(note?.text).toContain("the far end no longer knows the dialog");
    expect(note?.text).not.toContain("did not arrive");
    expect(note?.refresher).toBeUndefined();
  });
});
