// A transfer (REFER) whose target refuses: the side that accepted the REFER reports the target's
// answer in NOTIFYs with a message/sipfrag body (RFC 3515). That status line is the transfer's
// outcome, not a refusal of the call that sent the REFER.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const CALL = "77aa01bc@192.0.2.21";
const PHONE = "192.0.2.21:5060";
const PBX = "192.0.2.5";

/** A pjsip logger block: its banner, the message's lines and the blank line after it. */
const block = (banner: string, lines: string[]) => [banner, ...lines, "", ""].join("\n");

const refer = block(`<--- Received SIP request (700 bytes) from UDP:${PHONE} --->`, [
  `REFER sip:2005@${PBX}:5060 SIP/2.0`,
  `Via: SIP/2.0/UDP ${PHONE};branch=z9hG4bK-r1`,
  `Call-ID: ${CALL}`,
  "CSeq: 7 REFER",
  `Refer-To: <sip:2009@${PBX}>`,
  "Content-Length: 0",
]);
const accepted = block(`<--- Transmitting SIP response (400 bytes) to UDP:${PHONE} --->`, [
  "SIP/2.0 202 Accepted",
  `Via: SIP/2.0/UDP ${PHONE};rport=5060;branch=z9hG4bK-r1`,
  `Call-ID: ${CALL}`,
  "CSeq: 7 REFER",
  "Content-Length:  0",
]);
const notify = (cseq: number, state: string, frag: string) =>
  block(`<--- Transmitting SIP request (600 bytes) to UDP:${PHONE} --->`, [
    `NOTIFY sip:2002@${PHONE} SIP/2.0`,
    `Via: SIP/2.0/UDP ${PBX}:5060;rport;branch=z9hG4bKPj${cseq}`,
    `Call-ID: ${CALL}`,
    `CSeq: ${cseq} NOTIFY`,
    "Event: refer;id=7",
    `Subscription-State: ${state}`,
    "Content-Type: message/sipfrag;version=2.0",
    `Content-Length:    ${frag.length + 2}`,
    "",
    frag,
  ]) +
  block(`<--- Received SIP response (380 bytes) from UDP:${PHONE} --->`, [
    "SIP/2.0 200 OK",
    `Via: SIP/2.0/UDP ${PBX}:5060;rport=5060;branch=z9hG4bKPj${cseq}`,
    `Call-ID: ${CALL}`,
    `CSeq: ${cseq} NOTIFY`,
    "Content-Length: 0",
  ]);
const bye = block(`<--- Received SIP request (420 bytes) from UDP:${PHONE} --->`, [
  `BYE sip:2005@${PBX}:5060 SIP/2.0`,
  `Via: SIP/2.0/UDP ${PHONE};branch=z9hG4bK-b1`,
  `Call-ID: ${CALL}`,
  "CSeq: 8 BYE",
  "Content-Length: 0",
]);

const transfer = (final: string) =>
  [
    refer,
    accepted,
    notify(901, "active;expires=180", "SIP/2.0 100 Trying"),
    notify(902, "terminated;reason=noresource", final),
    bye,
  ].join("");

describe("a transfer whose target answered 486 (NOTIFY sipfrag)", () => {
  const a = run(transfer("SIP/2.0 486 Busy Here"));

  it("reports the 486 as the outcome of the REFER, reported in a NOTIFY", () => {
    expect(a.firstFailure).toMatchObject({ code: 486, method: "REFER", callId: CALL });
    expect(a.firstFailureLabel).toBe("SIP 486 Busy Here, the transfer target's answer in a NOTIFY sipfrag");
    const row = a.timeline.find((t) => t.failure);
    expect(row?.methods).toEqual(["REFER"]);
  });

  it("says the transfer failed on the target's answer and that the original call stayed up", () => {
    expect(a.summary).toMatch(
      /The transfer to 2009@192\.0\.2\.5 \(REFER, CSeq 7, accepted with 202 on line \d+\) failed: the transfer target answered 486 Busy Here, which the side that accepted the REFER reported back in the message\/sipfrag body of the NOTIFY answered on line \d+ \(RFC 3515\)/,
    );
    expect(a.summary).toMatch(
      /The original call stayed up after the failed transfer and ended with a BYE on line \d+/,
    );
  });

  it("blames the transfer target, not the UA of the call that sent the REFER", () => {
    expect(a.failingComponent).toMatch(/^The transfer target \(the REFER's Refer-To\)/);
    expect(a.failingComponent).not.toMatch(/called UA/);
  });

  it("leads the checklist with the transfer's checks, then the busy target's", () => {
    expect(a.checklist[0]).toMatch(/^Call the transfer target/);
    expect(a.checklist.some((c) => /busy-forwarding/.test(c))).toBe(true);
  });

  it("reads the same when the same scan is analysed again", () => {
    const scan = scanText(catalog(), transfer("SIP/2.0 486 Busy Here"));
    const once = analyze(catalog(), scan);
    expect(analyze(catalog(), scan).summary).toBe(once.summary);
  });
});

describe("a transfer that worked", () => {
  it("keeps the sipfrag 100 and 200 as normal traffic", () => {
    const a = run(transfer("SIP/2.0 200 OK"));
    expect(a.firstFailure).toBeNull();
    expect(a.summary).not.toMatch(/transfer/);
  });
});

describe("a sofia siptrace of a failed transfer, with times and no answer to the NOTIFY", () => {
  const log = [
    "recv 700 bytes from udp/[192.0.2.21]:5060 at 10:00:00.000100:",
    "   ------------------------------------------------------------------------",
    "   REFER sip:2005@192.0.2.5:5060 SIP/2.0",
    `   Call-ID: ${CALL}`,
    "   CSeq: 7 REFER",
    "   Content-Length: 0",
    "   ------------------------------------------------------------------------",
    "send 400 bytes to udp/[192.0.2.21]:5060 at 10:00:00.001100:",
    "   ------------------------------------------------------------------------",
    "   SIP/2.0 202 Accepted",
    `   Call-ID: ${CALL}`,
    "   CSeq: 7 REFER",
    "   Content-Length: 0",
    "   ------------------------------------------------------------------------",
    "send 600 bytes to udp/[192.0.2.21]:5060 at 10:00:20.001100:",
    "   ------------------------------------------------------------------------",
    "   NOTIFY sip:2002@192.0.2.21:5060 SIP/2.0",
    `   Call-ID: ${CALL}`,
    "   CSeq: 902 NOTIFY",
    "   Event: refer",
    "   Content-Type: message/sipfrag",
    "   Content-Length: 31",
    "   ",
    "   SIP/2.0 480 Temporarily Unavailable",
    "   ------------------------------------------------------------------------",
  ].join("\n");

  it("still reads the sipfrag 480 as the REFER's outcome", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 480, method: "REFER" });
    expect(a.summary).toMatch(
      /the transfer target answered 480 Temporarily Unavailable, .* NOTIFY on line 17 /,
    );
  });
});

describe("a sipfrag status in an ngrep trace, below the NOTIFY's packet line", () => {
  const packet = (stamp: string, from: string, to: string, lines: string[]) =>
    [`U 2024/03/05 ${stamp} ${from} -> ${to}`, ...lines, ""].join("\n");
  const notifyWith = (cseq: number, frag: string) =>
    packet("03:20:14.100000", "10.0.0.6:5060", "10.0.0.5:5060", [
      "NOTIFY sip:1001@10.0.0.5:5060 SIP/2.0",
      "Via: SIP/2.0/UDP 10.0.0.6:5060;branch=z9hG4bK16494",
      "Call-ID: xfer-call-1@10.0.0.5",
      `CSeq: ${cseq} NOTIFY`,
      "Event: refer",
      "Content-Type: message/sipfrag;version=2.0",
      "Content-Length: 14",
      "",
      frag,
    ]);
  const log = [
    notifyWith(2, "SIP/2.0 486 Busy Here"),
    packet("03:20:14.120000", "10.0.0.5:5060", "10.0.0.6:5060", [
      "SIP/2.0 200 OK",
      "Via: SIP/2.0/UDP 10.0.0.6:5060;branch=z9hG4bK16494",
      "Call-ID: xfer-call-1@10.0.0.5",
      "CSeq: 2 NOTIFY",
    ]),
  ].join("\n");

  it("shows the transfer target's answer at the NOTIFY's time, from the side that sent it", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({
      code: 486,
      method: "REFER",
      timestamp: "2024/03/05 03:20:14.100000",
      host: "10.0.0.6:5060",
    });
    expect(a.timeline.find((t) => t.failure)?.timestamp).toBe("2024/03/05 03:20:14.100000");
  });
});
