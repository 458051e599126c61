// A re-INVITE refused inside an answered call leaves the call on its earlier media (RFC 3261
// §14.1): when the call goes on and ends with a normal BYE, the summary says the call survived.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const PBX = "10.0.0.30:5060";
const FAR = "203.0.113.40:5060";
const CALL = "5c0ffee1d2@10.0.0.30";

const packet = (time: string, from: string, to: string, lines: string[]) =>
  ngrepPacket({
    date: "2024/03/05",
    time,
    from,
    to,
    lines: [...lines, `Call-ID: ${CALL}`, "Content-Length: 0", ""],
  });

const reply = (time: string, status: string, cseq: string, from = FAR, to = PBX) =>
  packet(time, from, to, [
    `SIP/2.0 ${status}`,
    `Via: SIP/2.0/UDP ${to};branch=z9hG4bK${cseq.replace(" ", "")}`,
    `CSeq: ${cseq}`,
  ]);

const bye = (time: string, reason: string) =>
  packet(time, FAR, PBX, [
    `BYE sip:asterisk@${PBX} SIP/2.0`,
    `Via: SIP/2.0/UDP ${FAR};branch=z9hG4bKbye`,
    "CSeq: 3 BYE",
    `Reason: ${reason}`,
  ]);

const call = (reason: string) =>
  [
    reply("02:40:03.000000", "200 OK", "10 INVITE"),
    reply("02:41:00.040000", "488 Not Acceptable Here", "11 INVITE"),
    bye("02:45:30.000000", reason),
    reply("02:45:30.010000", "200 OK", "3 BYE", PBX, FAR),
  ].join("\n");

describe("a re-INVITE refused with 488 while the call stays up", () => {
  it("keeps the 488 as the failure and says the call survived and ended normally", () => {
    const a = run(call("Q.850;cause=16"));
    expect(a.firstFailure).toMatchObject({ code: 488, method: "re-INVITE" });
    expect(a.summary).toMatch(
      /The call survived it: a refused re-INVITE leaves the call on its earlier media \(RFC 3261 §14\.1\), and this one stayed up for another 4\.5 min and ended normally with a BYE on line \d+/,
    );
  });

  it("says nothing of survival when the BYE gives an abnormal cause", () => {
    const a = run(call("Q.850;cause=41"));
    expect(a.summary).not.toMatch(/survived/);
  });

  it("says nothing of survival when the log shows no BYE", () => {
    const a = run(call("Q.850;cause=16").split("U 2024/03/05 02:45:30")[0] ?? "");
    expect(a.firstFailure?.code).toBe(488);
    expect(a.summary).not.toMatch(/survived/);
  });
});
