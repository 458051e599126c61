// Requests that got no response beyond UDP retransmissions: a request sent once over TCP/TLS whose
// transaction a timer-expiry cause, a FIN or later traffic ends; the stacks' own statements that a
// request timed out; and time-only siptrace stamps measured against dated console lines.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));

const TLS_INVITE = [
  "[2024-03-01 14:20:00] VERBOSE[5100] res_pjsip_logger.c: <--- Transmitting SIP request (640 bytes) to TLS:203.0.113.120:5061 --->",
  "INVITE sip:1001@203.0.113.120:5061;transport=tls SIP/2.0",
  "Via: SIP/2.0/TLS 192.0.2.10:5061;rport;branch=z9hG4bKPj-tls-001",
  "Call-ID: tls-no-answer-001",
  "CSeq: 5011 INVITE",
  "Content-Length:  0",
  "",
];

function tcpOptions(to: string, time: string, cseq: number): string[] {
  return [
    `2024-03-01 ${time} T 10.0.0.5:41234 -> ${to} [AP]`,
    `OPTIONS sip:${to} SIP/2.0`,
    "Via: SIP/2.0/TCP 10.0.0.5:41234;branch=z9hG4bK-opt",
    `Call-ID: opt-${cseq}@10.0.0.5`,
    `CSeq: ${cseq} OPTIONS`,
    "Content-Length: 0",
    "",
  ];
}

describe("a request sent once over TCP or TLS that nothing answered", () => {
  it("names Timer B and the silent host when the call ends with cause 18 32 s later", () => {
    const a = run([
      ...TLS_INVITE,
      '[2024-03-01 14:20:32] VERBOSE[5100][C-00000009] pbx.c: Executing [h@from-internal:1] NoOp("PJSIP/2003-00000040", "HANGUPCAUSE=18 DIALSTATUS=CHANUNAVAIL") in new stack',
    ]);
    expect(a.timers.map((t) => t.title)).toEqual(["Timer B"]);
    expect(a.timers[0]?.text).toContain("203.0.113.120:5061 never answered");
    expect(a.failingComponent).toMatch(/^203\.0\.113\.120:5061, which never answered the INVITE on line 2/);
  });

  it("names Timer F when the sender closes the connection 32 s later, with no code in the log", () => {
    const a = run([
      ...tcpOptions("198.51.100.200:5060", "14:30:00.000", 77),
      "2024-03-01 14:30:32.001 T 10.0.0.5:41234 -> 198.51.100.200:5060 [AF]",
    ]);
    expect(a.timers.map((t) => t.title)).toEqual(["Timer F"]);
    expect(a.firstFailureLabel).toBe("No answer: OPTIONS to 198.51.100.200:5060 (Timer F)");
    expect(a.summary).not.toContain("found no SIP");
  });

  it("names it when the log goes on well past 32 s and shows responses to other requests", () => {
    const a = run([
      ...tcpOptions("198.51.100.200:5060", "14:30:00.000", 77),
      ...tcpOptions("198.51.100.201:5060", "14:31:00.000", 78),
      "2024-03-01 14:31:00.020 T 198.51.100.201:5060 -> 10.0.0.5:41234 [AP]",
      "SIP/2.0 200 OK",
      "Call-ID: opt-78@10.0.0.5",
      "CSeq: 78 OPTIONS",
      "",
    ]);
    expect(a.timers.map((t) => t.request?.to)).toEqual(["198.51.100.200:5060"]);
  });

  it("says nothing about a log of requests only, or requests answered", () => {
    const grep = run([
      ...tcpOptions("198.51.100.200:5060", "14:30:00.000", 77),
      ...tcpOptions("198.51.100.200:5060", "14:31:00.000", 78),
      ...tcpOptions("198.51.100.200:5060", "14:32:00.000", 79),
    ]);
    expect(grep.timers).toEqual([]);
    const answered = run([
      ...tcpOptions("198.51.100.200:5060", "14:30:00.000", 77),
      "2024-03-01 14:30:00.020 T 198.51.100.200:5060 -> 10.0.0.5:41234 [AP]",
      "SIP/2.0 200 OK",
      "Call-ID: opt-77@10.0.0.5",
      "CSeq: 77 OPTIONS",
      "",
      "2024-03-01 14:30:32.001 T 10.0.0.5:41234 -> 198.51.100.200:5060 [AF]",
    ]);
    expect(answered.timers).toEqual([]);
  });
});

describe("a stack saying itself that a request got no response", () => {
  it("reads chan_sip's retransmission timeout as a timer note, beside an unrelated failure", () => {
    const a = run([
      '[2024-03-01 21:10:00] NOTICE[9001][C-00000030] chan_sip.c: Got SIP response 503 "Service Unavailable" back from 198.51.100.20:5060',
      "[2024-03-01 21:10:05] WARNING[9002] chan_sip.c: Retransmission timeout reached on transmission 4e5f6a7b8c9d@192.0.2.10 for seqno 102 (Critical Request) -- See https://wiki.asterisk.org/wiki/display/AST/SIP+Retransmissions",
      "Packet timed out after 31999ms with no response",
    ]);
    expect(a.timers).toHaveLength(1);
    expect(a.timers[0]?.text).toMatch(/CSeq 102\) timed out after 32\.0 s with no response/);
  });

  it("does not read a chan_sip response that timed out (no ACK) as an unanswered request", () => {
    const a = run([
      "[2024-03-01 21:10:05] WARNING[9002] chan_sip.c: Retransmission timeout reached on transmission abc@192.0.2.10 for seqno 7 (Critical Response) -- See https://wiki.asterisk.org/wiki/display/AST/SIP+Retransmissions",
    ]);
    expect(a.timers).toEqual([]);
  });

  it("names the registrar Asterisk got no response from (Timer F)", () => {
    const a = run([
      "[2024-03-01 18:40:30] WARNING[8001] res_pjsip_outbound_registration.c: No response received from 'sip:sip2.provider.example' on registration attempt to 'sip:2125550100@sip2.provider.example', retrying in '60'",
    ]);
    expect(a.timers.map((t) => [t.title, t.request?.method, t.request?.to])).toEqual([
      ["Timer F", "REGISTER", "sip2.provider.example"],
    ]);
    expect(a.firstFailureLabel).toBe("No answer: REGISTER to sip2.provider.example (Timer F)");
  });

  it("ties pjsip's transaction timer and the 408 after it to the REGISTER and its registrar", () => {
    const a = run([
      "13:40:00.120   pjsua_acc.c  ....Sending 1 REGISTER to sip:sip.example.org;transport=udp",
      "13:40:00.121  tsx0x7f2a1c004ba8  ...Transaction created for Request msg REGISTER/cseq=2841 (tdta0x7f2a1c003e28)",
      "13:40:32.121  tsx0x7f2a1c004ba8  Timeout timer event",
      "13:40:32.121  tsx0x7f2a1c004ba8  .State changed from Calling to Terminated, event=TIMER",
      "13:40:32.122   pjsua_acc.c  ..SIP registration failed, status=408 (Request Timeout)",
    ]);
    expect(a.timers.map((t) => t.title)).toEqual(["Timer F"]);
    expect(a.failingComponent).toMatch(/^sip\.example\.org, which never answered the REGISTER on line 2/);
  });

  it("does not read pjsip's Timer D ending an answered transaction as a timeout", () => {
    const a = run([
      "13:40:00.121  tsx0x7f2a1c004ba8  ...Transaction created for Request msg INVITE/cseq=1 (tdta0x7f2a1c003e28)",
      "13:40:32.121  tsx0x7f2a1c004ba8  .State changed from Completed to Terminated, event=TIMER",
    ]);
    expect(a.timers).toEqual([]);
  });

  it("makes an explicit Timer B line the verdict when nothing else failed", () => {
    const a = run([
      "2024-03-01 13:30:00.000 DEBUG sip-core: Timer A armed 500ms for INVITE sip:bob@10.40.0.9:5060 (branch z9hG4bK.a1)",
      "2024-03-01 13:30:32.000 WARN  sip-core: Timer B fired for transaction z9hG4bK.a1 (INVITE sip:bob@10.40.0.9:5060), no response received",
    ]);
    expect(a.firstFailureLabel).toBe("No answer: INVITE to 10.40.0.9:5060 (Timer B)");
    expect(a.failingComponent).toContain("10.40.0.9:5060");
  });
});

describe("time-only siptrace stamps next to dated console lines", () => {
  const copy = (time: string) => [
    `send 612 bytes to udp/[198.51.100.99]:5060 at ${time}:`,
    "   ------------------------------------------------------------------------",
    "   INVITE sip:1001@198.51.100.99 SIP/2.0",
    "   Via: SIP/2.0/UDP 192.0.2.20:5080;rport;branch=z9hG4bKretxFS1",
    "   Call-ID: fs-retx-0001",
    "   CSeq: 112233 INVITE",
    "   Content-Length: 0",
    "   ------------------------------------------------------------------------",
  ];
  const copies = ["17:40:00.000100", "17:40:00.500200", "17:40:01.500300", "17:40:03.500400"].flatMap(copy);

  it("measures Timer B from the first copy to the dated 408", () => {
    const a = run([
      ...copies,
      "2024-03-01 17:40:32.000100 [DEBUG] sofia.c:7084 Channel sofia/external/1001@198.51.100.99 entering state [terminated][408]",
    ]);
    expect(a.timers[0]?.text).toMatch(
      /^Timer B most likely fired: the 408 on line 33 came 32\.0 s after the INVITE on line 3/,
    );
    expect(a.failingComponent).toMatch(
      /^198\.51\.100\.99:5060, which never answered the INVITE on line 3 \(Timer B\)/,
    );
  });

  it("names the silent host as the failing component when the call ends on the timer", () => {
    const a = run([
      ...copies,
      "2024-03-01 17:40:32.000123 [NOTICE] sofia.c:8736 Hangup sofia/external/1001@198.51.100.99 [CS_CONSUME_MEDIA] [RECOVERY_ON_TIMER_EXPIRE]",
    ]);
    expect(a.failingComponent).toMatch(/^198\.51\.100\.99:5060, which never answered the INVITE/);
    expect(a.timers[0]?.text).toContain("sent 4 times over 3.5 s");
  });
});
