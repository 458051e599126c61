// Which request a response answers and what became of requests: a re-INVITE told apart from the
// call's set-up, a 487 after a CANCEL, a Reason under a BYE, and a request nobody answered.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardsToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const response = (
  when: string,
  status: string,
  cseq: string,
  callId = "a84b4c76e66710@192.0.2.50",
) => `U ${when} 203.0.113.20:5060 -> 192.0.2.50:5060
SIP/2.0 ${status}
To: <sip:+14155550123@203.0.113.20>;tag=sbc-88121
Call-ID: ${callId}
CSeq: ${cseq}

`;

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("re-INVITE", () => {
  it("names a failure after the call was answered as a re-INVITE failure", () => {
    const a = run(
      response("2024/05/14 02:31:12.410000", "200 OK", "314159 INVITE") +
        response("2024/05/14 02:33:40.090000", "488 Not Acceptable Here", "314160 INVITE"),
    );
    expect(a.firstFailure?.method).toBe("re-INVITE");
    expect(a.summary).toContain("(re-INVITE, 2024/05/14 02:33:40.090000, from 203.0.113.20:5060)");
    expect(cardsToText([scanCard(a)])).toMatch(/✗ SIP 488 Not Acceptable Here \(re-INVITE\)/);
  });

  it("keeps an INVITE sent again after a digest challenge an INVITE", () => {
    const a = run(
      response("2024/05/14 02:31:12.410000", "407 Proxy Authentication Required", "1 INVITE") +
        response("2024/05/14 02:31:12.610000", "488 Not Acceptable Here", "2 INVITE"),
    );
    expect(a.firstFailure?.method).toBe("INVITE");
  });

  it("keeps calls apart: an answered call does not make another call's INVITE a re-INVITE", () => {
    const a = run(
      response("2024/05/14 02:31:12.410000", "200 OK", "1 INVITE", "call-a@192.0.2.50") +
        response("2024/05/14 02:31:13.000000", "486 Busy Here", "2 INVITE", "call-b@192.0.2.50"),
    );
    expect(a.firstFailure?.method).toBe("INVITE");
  });

  it("reads a log line that says re-INVITE", () => {
    const a = run(
      "2024-05-14 02:33:40.091 [WARNING] sofia.c: re-INVITE (T.38) rejected: 488 Not Acceptable Here",
    );
    expect(a.firstFailure?.method).toBe("re-INVITE");
  });
});

describe("CANCEL in a trace without timestamps", () => {
  it("still makes the 487 after it normal (ngrep shows line ends as dots)", () => {
    const a = run(`U 10.0.0.5:5060 -> 10.0.0.9:5060
CANCEL sip:3004@10.0.0.9 SIP/2.0.
Call-ID: c1@10.0.0.5.
CSeq: 3 CANCEL.
.

U 10.0.0.9:5060 -> 10.0.0.5:5060
SIP/2.0 487 Request Terminated.
Call-ID: c1@10.0.0.5.
CSeq: 3 INVITE.
.
`);
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toMatch(/cancelled by the caller \(CANCEL on line 2/);
  });
});

describe("BYE in a trace without timestamps", () => {
  it("reads the Reason under it as why the call ended, not as a response", () => {
    const a = run(`BYE sip:+12125550188@10.0.0.5:5060 SIP/2.0
Call-ID: st-1@10.0.0.5
CSeq: 2 BYE
Reason: SIP;cause=408;text="Session Timer Expired"
Content-Length: 0
`);
    expect(a.summary).toContain("the BYE on line 1 gives Reason SIP 408 Session Timer Expired");
  });
});

describe("a request nobody answered", () => {
  const resent = (times: number, then = "") => {
    let log = "";
    for (let i = 0; i < times; i++) {
      const t = (0.5 * (2 ** i - 1)).toFixed(1).padStart(4, "0");
      log += `U 2024/05/14 23:55:${t} 10.0.0.5:5060 -> 198.51.100.200:5060
INVITE sip:+14155550123@198.51.100.200 SIP/2.0
Call-ID: nr-1@10.0.0.5
CSeq: 1 INVITE

`;
    }
    return log + then;
  };

  it("is named with the host that did not answer, though no code is in the log", () => {
    const a = run(resent(5));
    expect(a.counts.findings).toBe(0);
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/b"]);
    expect(a.summary).toContain("the INVITE on line 2 to 198.51.100.200:5060 was sent 5 times over 7.5 s");
    expect(cardsToText([scanCard(a)])).toMatch(/^No error codes, but a request got no answer/);
  });

  it("is not named once anything answers it", () => {
    const answered = resent(
      3,
      `U 2024/05/14 23:55:02.000 198.51.100.200:5060 -> 10.0.0.5:5060
SIP/2.0 100 Trying
Call-ID: nr-1@10.0.0.5
CSeq: 1 INVITE
`,
    );
    expect(run(answered).timers).toEqual([]);
  });

  it("is not named when it went out once", () => {
    expect(run(resent(1)).timers).toEqual([]);
  });
});
