// A request sent again and again with nothing answering it is a failure even though no code is
// logged for it: the verdict when every code is normal, the failing component when a 408 followed
// it, the earlier failure when another one came after it. A Reason header or a log's own words
// are no answer to it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

function scanned(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

/** An ngrep packet: `U time from -> to`, then the message. */
const PACKET = (proto: "U" | "T", time: string, from: string, to: string, lines: string[]) =>
  ngrepPacket({ proto, date: "2025/03/12", time, from, to, lines });

const PHONE = "10.0.0.5:5060";
const FAR = "203.0.113.150:40122";

/** A call that was set up and answered, then a BYE with a Reason sent `byes` times, unanswered. */
function answeredThenSilentBye(byes: number): string {
  const log = [
    PACKET("U", "19:00:00.000000", PHONE, FAR, [
      `INVITE sip:+4917655500011@${FAR} SIP/2.0`,
      "Call-ID: byeloss-1@10.0.0.5",
      "CSeq: 1 INVITE",
    ]),
    PACKET("U", "19:00:03.000000", FAR, PHONE, [
      "SIP/2.0 200 OK",
      "Call-ID: byeloss-1@10.0.0.5",
      "CSeq: 1 INVITE",
    ]),
  ];
  for (let i = 0; i < byes; i++) {
    const t = (0.5 * (2 ** i - 1)).toFixed(1).padStart(4, "0");
    log.push(
      PACKET("U", `19:05:${t}00000`, PHONE, FAR, [
        `BYE sip:+4917655500011@${FAR} SIP/2.0`,
        "Call-ID: byeloss-1@10.0.0.5",
        "CSeq: 2 BYE",
        "Reason: Q.850;cause=16",
        "Content-Length: 0",
      ]),
    );
  }
  return log.join("\n");
}

describe("a request nobody answered after normal traffic", () => {
  it("is the verdict: title, summary and failing component name the request and its host", () => {
    const { a, text } = scanned(answeredThenSilentBye(5));
    expect(text).toMatch(/^No answer: BYE to 203\.0\.113\.150:40122 \(Timer F\)\n/);
    expect(a.firstFailure).toBeNull();
    expect(a.firstFailureLabel).toBe("No answer: BYE to 203.0.113.150:40122 (Timer F)");
    expect(a.summary).toContain(
      "The first failure is a request that got no answer: the BYE on line 12 to 203.0.113.150:40122; every code found is normal traffic.",
    );
    expect(a.failingComponent).toBe("203.0.113.150:40122, which did not answer the BYE on line 12");
    expect(text).toContain(
      "Likely failing component  203.0.113.150:40122, which did not answer the BYE on line 12",
    );
    expect(a.summary).not.toContain("No failure: everything found is normal");
  });

  it("counts the Reason of a retransmitted BYE once", () => {
    const { a, text } = scanned(answeredThenSilentBye(5));
    // The phone sent the BYE: the packet line names it.
    expect(text).toContain("✓ BYE Reason: Q.850 cause 16 Normal call clearing from 10.0.0.5:5060 — line 15");
    expect(text).not.toContain("Normal call clearing ×");
    expect(a.counts.findings).toBe(2);
  });

  it("keeps the old verdict when the request was answered", () => {
    const answered = `${answeredThenSilentBye(3)}\n${PACKET("U", "19:05:02.000000", FAR, PHONE, [
      "SIP/2.0 200 OK",
      "Call-ID: byeloss-1@10.0.0.5",
      "CSeq: 2 BYE",
    ])}`;
    const { a, text } = scanned(answered);
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(a.failingComponent).toBeNull();
  });
});

describe("a 408 after Timer B", () => {
  it("names the host that never answered the INVITE as the failing component", () => {
    const { a } = scanned(
      [
        PACKET("T", "18:00:40.000000", "10.5.0.20:5060", "10.5.0.1:5060", [
          "INVITE sip:+442071234002@carrier.example SIP/2.0",
          "Call-ID: b7e22c0a-4d1f@10.5.0.20",
          "CSeq: 77 INVITE",
        ]),
        PACKET("T", "18:00:40.002000", "10.5.0.1:5060", "198.51.100.90:5060", [
          "INVITE sip:+442071234002@198.51.100.90:5060;transport=tcp SIP/2.0",
          "Call-ID: b7e22c0a-4d1f@10.5.0.20",
          "CSeq: 77 INVITE",
        ]),
        PACKET("T", "18:01:12.002000", "10.5.0.1:5060", "10.5.0.20:5060", [
          "SIP/2.0 408 Request Timeout",
          "Via: SIP/2.0/TCP 10.5.0.20:5060;branch=z9hG4bK-c2",
          "Call-ID: b7e22c0a-4d1f@10.5.0.20",
          "CSeq: 77 INVITE",
        ]),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 408, line: 12 });
    expect(a.failingComponent).toBe(
      "198.51.100.90:5060, which never answered the INVITE on line 7 (Timer B); 10.5.0.1:5060 generated the 408 itself after it",
    );
    expect(a.timers.map((t) => t.timer)).toEqual(["timer/b"]);
  });
});

describe("a 408 the log itself reports after a request nobody answered", () => {
  it("names the silent host as the failing component, once", () => {
    const log: string[] = [];
    for (let i = 0; i < 3; i++)
      log.push(
        PACKET("U", `10:05:0${2 ** i - 1}.000000`, "10.20.0.5:5060", "198.51.100.7:5060", [
          "OPTIONS sip:198.51.100.7:5060 SIP/2.0",
          "Call-ID: 5a1b2c3d-0011@10.20.0.5",
          "CSeq: 10 OPTIONS",
        ]),
      );
    log.push(
      "Mar 12 10:05:32 sbc-edge1 /usr/sbin/kamailio[2211]: WARNING: dispatcher [dispatch.c:3527]: ds_options_callback(): probing failed for sip:198.51.100.7:5060 (408 Request Timeout) - setting destination inactive (set 1)",
    );
    const { a } = scanned(log.join("\n"));
    expect(a.firstFailure).toMatchObject({ code: 408, line: 16 });
    expect(a.failingComponent).toBe(
      "198.51.100.7:5060, which never answered the OPTIONS on line 2 (Timer F); the system that wrote this log generated the 408 itself after it",
    );
    expect(a.summary).not.toContain("earlier failure");
  });
});

describe("a request nobody answered before another failure", () => {
  it("is said to be the earlier failure in the summary", () => {
    const log: string[] = [];
    for (let i = 0; i < 4; i++)
      log.push(
        PACKET("U", `17:20:0${2 ** i - 1}.000000`, "192.168.50.2:5060", "203.0.113.88:5060", [
          "INVITE sip:+61298765432@203.0.113.88:5060 SIP/2.0",
          "Call-ID: 3d4c5b6a@192.168.50.2",
          "CSeq: 102 INVITE",
        ]),
      );
    log.push(
      PACKET("U", "17:20:32.000000", "192.168.50.2:5060", "192.168.50.31:5060", [
        "SIP/2.0 503 Service Unavailable",
        "Call-ID: ph201-778899@192.168.50.31",
        "CSeq: 2 INVITE",
      ]),
    );
    const { a, text } = scanned(log.join("\n"));
    expect(text).toMatch(/^First failure: SIP 503 Service Unavailable\n/);
    expect(a.summary).toContain(
      "The first failure is SIP 503 Service Unavailable on line 22 (INVITE, 2025/03/12 17:20:32.000000, from 192.168.50.2:5060), after 203.0.113.88:5060 did not answer the INVITE on line 2: that silence is the earlier failure.",
    );
  });
});

describe("what is no answer to a request", () => {
  /** An UPDATE (the session refresh) sent `copies` times to 198.51.100.20, then that side's BYE. */
  function silentRefresh(copies: number): string {
    const log = [
      PACKET("U", "21:00:02.000000", "198.51.100.20:5060", PHONE, [
        "SIP/2.0 200 OK",
        "Call-ID: st-upd-1@10.0.0.5",
        "CSeq: 1 INVITE",
        "Session-Expires: 600;refresher=uac",
      ]),
    ];
    for (let i = 0; i < copies; i++)
      log.push(
        PACKET("U", `21:05:0${2 ** i - 1}.000000`, PHONE, "198.51.100.20:5060", [
          "UPDATE sip:+12125550188@198.51.100.20:5060 SIP/2.0",
          "Call-ID: st-upd-1@10.0.0.5",
          "CSeq: 2 UPDATE",
        ]),
      );
    log.push(
      PACKET("U", "21:09:30.000000", "198.51.100.20:5060", PHONE, [
        "BYE sip:2001@10.0.0.5:5060 SIP/2.0",
        "Call-ID: st-upd-1@10.0.0.5",
        "CSeq: 9 BYE",
        'Reason: SIP;cause=408;text="Session Timer Expired"',
      ]),
    );
    return log.join("\n");
  }

  it("is a BYE's Reason: the unanswered UPDATE keeps its Timer F note, and the session timer says so", () => {
    const { a, text } = scanned(silentRefresh(4));
    expect(a.timers.map((t) => t.timer).sort()).toEqual(["timer/f", "timer/session-refresh"]);
    expect(a.timers.find((t) => t.timer === "timer/f")?.text).toMatch(
      /^No response: the UPDATE on line 8 to 198\.51\.100\.20:5060 was sent 4 times/,
    );
    expect(a.timers.find((t) => t.timer === "timer/session-refresh")?.text).toContain(
      "but the refresher did send the UPDATE on line 8 (4 times)",
    );
    expect(text).toMatch(
      /^First failure: BYE [^\n]*: Reason SIP 408 Session Timer Expired \(session timer: the UPDATE refresh got no answer\)\n/,
    );
    expect(a.summary).toContain(
      "the refresher did send the UPDATE on line 8, and 198.51.100.20:5060 never answered it.",
    );
    expect(a.failingComponent).toBe(
      "198.51.100.20:5060, which never answered the refresher's UPDATE on line 8",
    );
  });

  it("is a log's own words about the request", () => {
    const log = [];
    for (let i = 0; i < 3; i++)
      log.push(
        PACKET("U", `09:00:0${2 ** i - 1}.000000`, PHONE, "198.51.100.7:5060", [
          "OPTIONS sip:198.51.100.7:5060 SIP/2.0",
          "Call-ID: opt-1@10.0.0.5",
          "CSeq: 5 OPTIONS",
        ]),
      );
    log.push("2025-03-12 09:00:32.000 WARNING peer trunk-b: OPTIONS keepalive got 408 Request Timeout");
    const { a } = scanned(log.join("\n"));
    expect(a.timers.map((t) => t.text)).toContainEqual(
      expect.stringMatching(/^No response: the OPTIONS on line 2 to 198\.51\.100\.7:5060 was sent 3 times/),
    );
  });
});
