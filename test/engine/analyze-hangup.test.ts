// A Reason header inside a BYE or CANCEL says why the call was torn down: the answer names it as
// the hang-up reason of that request, never as a response its sender got, and when the timer
// analysis explains it (session timer, Timer H) the first failure and the checklist point there.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

const SESSION_TIMER = `U 2024/05/14 21:00:00.000000 10.0.0.5:5060 -> 198.51.100.20:5060
INVITE sip:+14155550123@198.51.100.20 SIP/2.0
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-st1
Call-ID: st-1@10.0.0.5
CSeq: 1 INVITE
Session-Expires: 1800;refresher=uac
Content-Length: 0

U 2024/05/14 21:00:02.000000 198.51.100.20:5060 -> 10.0.0.5:5060
SIP/2.0 200 OK
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-st1
Call-ID: st-1@10.0.0.5
CSeq: 1 INVITE
Session-Expires: 1800;refresher=uac
Content-Length: 0

U 2024/05/14 21:29:30.000000 198.51.100.20:5060 -> 10.0.0.5:5060
BYE sip:+12125550188@10.0.0.5:5060 SIP/2.0
Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK-st-bye
Call-ID: st-1@10.0.0.5
CSeq: 2 BYE
Reason: SIP;cause=408;text="Session Timer Expired"
Content-Length: 0

U 2024/05/14 21:29:30.010000 10.0.0.5:5060 -> 198.51.100.20:5060
SIP/2.0 200 OK
Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK-st-bye
Call-ID: st-1@10.0.0.5
CSeq: 2 BYE
Content-Length: 0
`;

/** A 200 OK resent at 0, 0.5 and 1.5 s, then a BYE 32 s after the first: Timer H. */
const TIMER_H = `${["00.000", "00.500", "01.500"]
  .map(
    (t) => `U 2024/05/14 23:50:${t}000 10.0.0.9:5060 -> 203.0.113.5:5060
SIP/2.0 200 OK
Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK-h1
Call-ID: timerh-1@203.0.113.5
CSeq: 10 INVITE
Contact: <sip:2001@10.0.0.9:5060>
Content-Length: 0
`,
  )
  .join("\n")}
U 2024/05/14 23:50:32.000000 10.0.0.9:5060 -> 203.0.113.5:5060
BYE sip:1001@192.168.1.50:5060 SIP/2.0
Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK-hbye
Call-ID: timerh-1@203.0.113.5
CSeq: 102 BYE
Reason: SIP;cause=408;text="ACK not received"
Content-Length: 0
`;

const TRANSACTION_CHECK = "Check the next hop's IP, port and transport";

describe("a Reason header inside a BYE", () => {
  it("is the hang-up reason the session timer explains, not a 408 the BYE's sender got", () => {
    const { a, text } = scanned(SESSION_TIMER);
    expect(a.firstFailure?.line).toBe(22);
    expect(text).toMatch(
      /^First failure: BYE from 198\.51\.100\.20:5060: Reason SIP 408 Session Timer Expired \(session timer: the refresh never arrived\)/,
    );
    expect(text).toContain(
      "The first failure is the hang-up: the BYE on line 18 from 198.51.100.20:5060 gives Reason SIP 408 Session Timer Expired (line 22), the reason the call was torn down, not a response to the BYE; the session timer ran out.",
    );
    expect(text).toContain(
      // refresher=uac: the caller, 10.0.0.5, which is where the BYE went.
      "Likely failing component  10.0.0.5:5060, the session refresher (the side that does not refresh sends the BYE, RFC 4028 §10), which never sent its re-INVITE or UPDATE",
    );
    expect(text).toContain("✗ BYE Reason: SIP 408 Session Timer Expired from 198.51.100.20:5060 — line 22");
    expect(text).toContain("The BYE on line 18 cites the session timer");
    expect(text).not.toMatch(/Timer B\/F|sender's own stack/);
    expect(text).not.toContain(TRANSACTION_CHECK);
    expect(text).toContain(
      "[ ] Find the refresh re-INVITE or UPDATE around half the interval and its response",
    );
  });

  it("points at the lost ACK when the BYE came 32 s after an unacknowledged 200 OK, with one note per call", () => {
    const { a, text } = scanned(TIMER_H);
    expect(text).toMatch(
      /^First failure: BYE from 10\.0\.0\.9:5060: Reason SIP 408 ACK not received \(no ACK for the 200 OK: the ACK was lost\)/,
    );
    expect(text).toContain(
      "no ACK arrived for the 200 OK on line 2, and the side that sent it gave up after resending it for 64×T1 (RFC 3261 §13.3.1.4",
    );
    expect(text).not.toContain("Timer H fired");
    expect(text).toContain(
      "Likely failing component  the ACK's path to 10.0.0.9:5060 (NAT, Record-Route or the 200 OK's Contact)",
    );
    // The 200 OK was sent three times; the call was torn down once.
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/h"]);
    expect(text.match(/The call was torn down/g)).toHaveLength(2);
    expect(text).not.toContain(TRANSACTION_CHECK);
    expect(text).toContain("[ ] Check the 200 OK's Contact and Record-Route (where the ACK goes)");
  });

  it("is still named as the BYE's reason when no timer explains it", () => {
    const { text } = scanned(
      [
        "2024-05-14 10:00:00.000 TX to 203.0.113.5:5060",
        "BYE sip:1001@192.168.1.50:5060 SIP/2.0",
        "Call-ID: x-1@10.0.0.9",
        "CSeq: 102 BYE",
        'Reason: SIP;cause=408;text="ACK not received"',
        "",
      ].join("\n"),
    );
    expect(text).toMatch(
      /^First failure: BYE to 203\.0\.113\.5:5060 on line 2: Reason SIP 408 ACK not received\n/,
    );
    expect(text).toContain("✗ BYE Reason: SIP 408 ACK not received — line 5");
    expect(text).not.toContain("sender's own stack");
  });

  it("calls a normal-clearing Reason in a BYE normal traffic", () => {
    const { a, text } = scanned(
      [
        "2024-05-14 10:00:00.000 RX from 203.0.113.5:5060",
        "BYE sip:1001@10.0.0.9 SIP/2.0",
        "Call-ID: x-2@10.0.0.9",
        "CSeq: 3 BYE",
        "Reason: Q.850;cause=16",
        "",
      ].join("\n"),
    );
    expect(a.firstFailure).toBeNull();
    // The transport line above the BYE names who hung up.
    expect(text).toContain(
      "✓ BYE Reason: Q.850 cause 16 Normal call clearing from 203.0.113.5:5060 — line 5",
    );
  });

  it("is shown with the BYE's stamp as the siptrace wrote it, and the host the BYE came from", () => {
    const bye = [
      "recv 610 bytes from udp/[203.0.113.10]:5060 at 02:12:21.401000:",
      "   ------------------------------------------------------------------------",
      "   BYE sip:gw+carrier@198.51.100.20:5080 SIP/2.0",
      "   Via: SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bKbye001",
      "   Call-ID: 7c4e1b2a-aa10-123d-5e6f-0242ac120002",
      "   CSeq: 2 BYE",
      '   Reason: Q.850;cause=41;text="Temporary failure"',
      "   Content-Length: 0",
      "",
    ];
    const scan = scanText(catalog(), bye.join("\n"));
    analyze(catalog(), scan);
    const reason = scan.findings.find((f) => f.detector === "reason");
    expect(reason?.timestamp).toBe("02:12:21.401000");
    expect(reason?.host).toBe("203.0.113.10:5060");
    expect(scanned(bye.join("\n")).text).toMatch(
      /^First failure: BYE from 203\.0\.113\.10:5060: Reason Q\.850 cause 41/,
    );
    // A dated console line below does not turn the time of day into a date of 1970.
    const dated = scanned(
      [
        ...bye,
        "2024-03-05 02:12:21.402345 [NOTICE] sofia.c:1053 Hangup sofia/internal/1001 [CS_EXCHANGE_MEDIA] [TEMPORARY_FAILURE]",
      ].join("\n"),
    );
    expect(dated.text).toContain(
      "• 02:12:21.401000 ✗ BYE Reason: Q.850 cause 41 Temporary failure from 203.0.113.10:5060",
    );
    expect(dated.text).not.toContain("1970");
  });

  it("leaves a Reason header of a response after the BYE to that response", () => {
    const { text } = scanned(
      [
        "2024-05-14 10:00:00.000 RX from 203.0.113.5:5060",
        "BYE sip:1001@10.0.0.9 SIP/2.0",
        "Call-ID: x-3@10.0.0.9",
        "CSeq: 3 BYE",
        'Reason: Q.850;cause=16;text="Normal"',
        "",
        "2024-05-14 10:00:01.000 RX from 203.0.113.5:5060",
        "SIP/2.0 486 Busy Here",
        "Call-ID: x-4@10.0.0.9",
        "CSeq: 1 INVITE",
        'Reason: Q.850;cause=17;text="USER_BUSY"',
        "",
      ].join("\n"),
    );
    expect(text).toMatch(/^First failure: SIP 486 Busy Here/);
    expect(text).toMatch(/✗ Q\.850 cause 17 User busy .*— line 11/);
    expect(text).toMatch(/✓ BYE Reason: Q\.850 cause 16 Normal .*— line 5/);
    expect(text).not.toContain("BYE Reason: Q.850 cause 17");
  });
});
