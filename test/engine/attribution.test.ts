// Who sent a failure, read from the words of one log line or the packet line above a message:
// "registration to X failed: 403" blames X, "sent 486 to X" blames the logging system, and words
// like "expired" about an account or a token do not make a response locally generated. A call's
// direction ("outbound call", "direction":"outbound") says nothing about who sent a response;
// transport lines (AudioCodes, belle-sip), JSON fields and chat-quoted traces do.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("a host after 'to' on a line that logs a failed request", () => {
  it.each([
    ["2024-05-14 02:40:16 ERROR registration to 198.51.100.10 failed: 403 Forbidden", "198.51.100.10"],
    [
      "2024-05-14 02:40:17 WARN INVITE to 203.0.113.5:5060 rejected with 503 Service Unavailable",
      "203.0.113.5:5060",
    ],
    ["2024-05-14 02:40:18 WARN call to 198.51.100.20 failed: 486 Busy Here", "198.51.100.20"],
    ["NOTICE: dispatcher: OPTIONS to sip:10.0.0.5:5060 got reply 404 Not Found", "10.0.0.5:5060"],
  ])("%s → %s answered", (line, host) => {
    const a = run(line);
    expect(a.failingComponent?.startsWith(`${host} — `)).toBe(true);
    expect(a.summary).toContain(`from ${host}`);
  });

  it("is the receiver when the response was sent to it", () => {
    const a = run("2024-05-14 02:40:18 NOTICE sent 486 Busy Here to 10.0.0.5:5060 for the INVITE");
    expect(a.failingComponent).toContain(
      "the system that wrote this log, which sent the 486 to 10.0.0.5:5060",
    );
  });
});

describe("locally generated responses", () => {
  it.each([
    "pjsua_acc.c  Registration failed: 403 Forbidden (account subscription expired)",
    "WARN trunk reg: carrier replied 503 Service Unavailable, retry timer expired, next attempt in 60s",
    "ERROR AxiosError: Request failed with status code 401 token expired",
  ])("an expired account, retry timer or token is not the log's own response: %s", (line) => {
    expect(run(line).failingComponent ?? "").not.toContain("generated the");
  });

  it.each([
    [
      "May 14 02:41:35 sbc01 kamailio[21877]: no response, transaction timed out: SIP/2.0 408 Request Timeout",
      408,
    ],
    [
      "2024-06-11 09:14:34.121 [local] transaction timeout, generated locally: SIP/2.0 408 Request Timeout",
      408,
    ],
    ["DEBUG: tm [timer.c:371]: fake_reply(): fake_reply called with code 408, Timer B expired", 408],
  ])("a transaction that ran out is: %s", (line, code) => {
    expect(run(line).failingComponent).toContain(`generated the ${code} itself`);
  });
});

describe("tcpdump -A output", () => {
  const packet = (
    summary: string,
  ) => `02:13:07.114522 IP 10.20.1.15.5060 > 198.51.100.10.5060: SIP: INVITE sip:+4420794601@198.51.100.10 SIP/2.0
E..........
INVITE sip:+4420794601@198.51.100.10 SIP/2.0
Via: SIP/2.0/UDP 10.20.1.15:5060;branch=z9hG4bK-td1
CSeq: 77 INVITE
Call-ID: tcpd-1@10.20.1.15
Content-Length: 0

02:13:07.201100 IP 198.51.100.10.5060 > 10.20.1.15.5060: ${summary}
E..........
SIP/2.0 403 Forbidden
Via: SIP/2.0/UDP 10.20.1.15:5060;branch=z9hG4bK-td1
CSeq: 77 INVITE
Call-ID: tcpd-1@10.20.1.15
Server: Ribbon SBC Core 12.1
Content-Length: 0
`;

  it.each([["SIP, length: 512"], ["SIP: SIP/2.0 403 Forbidden"]])(
    "names the packet's source and reads the message once (%s)",
    (summary) => {
      const a = run(packet(summary));
      expect(a.counts.findings).toBe(1);
      expect(a.failingComponent).toMatch(/^198\.51\.100\.10:5060 \(Ribbon SBC Core 12\.1\) — /);
      expect(a.firstFailure?.method).toBe("INVITE");
    },
  );

  it("reads a copy saved with CRLF line ends like the capture itself", () => {
    const lf = run(packet("SIP: SIP/2.0 403 Forbidden"));
    const crlf = run(packet("SIP: SIP/2.0 403 Forbidden").replace(/\n/g, "\r\n"));
    expect(crlf.counts.findings).toBe(1);
    expect(crlf.firstFailure?.line).toBe(lf.firstFailure?.line);
    expect(crlf.firstFailure?.method).toBe("INVITE");
    expect(crlf.failingComponent).toBe(lf.failingComponent);
  });
});

describe("the reason phrase 408 Request Timeout", () => {
  it("does not by itself make a received 408 locally generated", () => {
    const a = run(`2024-05-02 10:00:00.100 U 10.0.0.9:5060 -> 10.0.0.5:5060
SIP/2.0 408 Request Timeout
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1
CSeq: 1 INVITE
Call-ID: abc@10.0.0.5
`);
    expect(a.failingComponent).toMatch(/^10\.0\.0\.9:5060 — /);
  });
});

describe("call direction words are not transport words", () => {
  it.each([
    // LiveKit: the file is sip/outbound.go; the 603 came back from the far end.
    [
      '2024-05-14T15:20:03.900Z\tWARN\tsip\tsip/outbound.go:412\tSIP invite failed\t{"callID": "SCL_abcd", "sip_status": 603, "reason": "Declined"}',
    ],
    // Vonage: the call's direction is a JSON value.
    [
      '{"uuid":"aaaaaaaa-bbbb","status":"failed","direction":"outbound","timestamp":"2024-05-14T16:12:00.000Z","sip_code":480}',
    ],
    // Twilio status callback: Direction=outbound-api.
    ["CallStatus=failed&Direction=outbound-api&SipResponseCode=404&CallDuration=0"],
    ["2024-05-14 10:00:00 WARN outbound call to +14155550123 failed: SIP 486 Busy Here"],
    ["2024-05-14 10:00:00 ERROR outbound registration failed with 403 Forbidden"],
    ["2024-05-14 10:00:00 INFO inbound call rejected, got 480 Temporarily Unavailable"],
  ])("does not say this log's system sent the response: %s", (line) => {
    const a = run(line);
    expect(a.failingComponent).not.toContain("the system that wrote this log");
  });

  it("still reads the transport words about the message itself", () => {
    expect(run("2024-05-14 10:00:00 NOTICE sending 486 Busy Here for the INVITE").failingComponent).toContain(
      "the system that wrote this log, which sent the 486",
    );
    expect(
      run(
        "2024-05-14 10:00:00 ---- Outgoing SIP Message to 10.0.0.5:5060 ---- SIP/2.0 503 Service Unavailable",
      ).failingComponent,
    ).toContain("the system that wrote this log, which sent the 503 to 10.0.0.5:5060");
  });
});

describe("transport lines and JSON fields that name the sender", () => {
  it("reads AudioCodes' Incoming/Outgoing SIP Message lines", () => {
    const a =
      run(`May 14 14:10:00 10.1.1.50  [S=2345690] [SID=a1b2c3:44:1234] (N 9876550)  ---- Outgoing SIP Message to 198.51.100.30:5060 from SIPInterface #0 (ITSP) UDP TO(#13) SocketID(-1) ----
INVITE sip:+12125550188@198.51.100.30;user=phone SIP/2.0
Via: SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bKac1122334
Call-ID: 55443322110011@203.0.113.10
CSeq: 1 INVITE
Content-Length: 0
 [Time:14-05@14:10:00.120]
May 14 14:10:01 10.1.1.50  [S=2345712] [SID=a1b2c3:44:1234] (N 9876561)  ---- Incoming SIP Message from 198.51.100.30:5060 to SIPInterface #0 (ITSP) UDP TO(#13) SocketID(-1) ----
SIP/2.0 480 Temporarily Unavailable
Via: SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bKac1122334
Call-ID: 55443322110011@203.0.113.10
CSeq: 1 INVITE
Reason: Q.850;cause=18
Server: BroadWorks
Content-Length: 0
`);
    expect(a.failingComponent).toMatch(/^198\.51\.100\.30:5060 \(BroadWorks\) — /);
    expect(a.summary).toContain(
      "The first failure is SIP 480 Temporarily Unavailable on line 9 (INVITE, May 14 14:10:01, from 198.51.100.30:5060).",
    );
  });

  it("reads belle-sip's bracketed [UDP://host:port] and its ms after a colon", () => {
    const a =
      run(`2024-05-14 15:01:11:100 belle-sip-message-Received [470] new bytes from [UDP://sip.linphone.org:5060] : 
SIP/2.0 404 Not Found
Via: SIP/2.0/UDP 192.168.1.33:49620;branch=z9hG4bK.Qw2;rport=49620
CSeq: 41 INVITE
Call-ID: call-Zz91
Content-Length: 0
`);
    expect(a.failingComponent).toMatch(/^sip\.linphone\.org:5060 — /);
    expect(a.summary).toContain("(INVITE, 2024-05-14 15:01:11:100, from sip.linphone.org:5060)");
  });

  it("reads src/dst/remote/peer JSON keys as hosts and a JSON cseq as the method", () => {
    const a = run(
      '{"time":"2024-05-14T15:10:04.880Z","level":"WARN","msg":"Received response","status":486,"reason":"Busy Here","cseq":"1 INVITE","call_id":"sg-0001","src":"203.0.113.90:5060"}',
    );
    expect(a.failingComponent).toMatch(/^203\.0\.113\.90:5060 — /);
    expect(a.summary).toContain("(INVITE, 2024-05-14T15:10:04.880Z, from 203.0.113.90:5060)");
    expect(a.firstFailure?.cseq).toBe(1);
    expect(
      run('{"level":"warn","msg":"response","status":503,"remote_ip":"198.51.100.7","direction":"in"}')
        .firstFailure?.host,
    ).toBe("198.51.100.7");
  });

  it("does not take the user part of an address for a host", () => {
    const a = run(
      '{"msg":"call failed","status":486,"to":"jane.doe@example.com","from":"bob.smith@example.org"}',
    );
    expect(a.firstFailure?.host).toBeUndefined();
  });
});

describe("a chat paste quoted with '> '", () => {
  it("reads the headers of the quoted message on every line", () => {
    const a = run(`hey team, carrier calls failing since 02:00, paste below
> 2024-05-14 02:01:10.100 <-- RX 520 bytes from 203.0.113.50:5060
> SIP/2.0 503 Service Unavailable
> Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-sl1
> Call-ID: sl-1@10.0.0.5
>CSeq: 7 INVITE
> Reason: Q.850;cause=42;text="Switching equipment congestion"
> Server: carrier-sbc/4.2
>
> CSeq: 8 BYE
`);
    expect(a.summary).toContain("(INVITE, 2024-05-14 02:01:10.100, from 203.0.113.50:5060)");
    expect(a.failingComponent).toMatch(/^203\.0\.113\.50:5060 \(carrier-sbc\/4\.2\) — /);
    expect(a.firstFailure?.callId).toBe("sl-1@10.0.0.5");
    expect(a.firstFailure?.cseq).toBe(7);
  });
});

describe("a code in a header of a response", () => {
  it("has the response's time and sender", () => {
    const a =
      run(`[2024-05-14 10:02:11.611] VERBOSE[23822] res_pjsip_logger.c: <--- Received SIP response (566 bytes) from UDP:54.172.60.0:5060 --->
SIP/2.0 503 Service Unavailable
Via: SIP/2.0/UDP 192.168.1.20:5060;rport=5060;branch=z9hG4bKPj1c2d3e4f
Call-ID: 6f0e7d8c-9b8a-4c3d-a2b1-0f9e8d7c6b5a
From: <sip:+12125550188@mytrunk.pstn.twilio.com>;tag=0a1b2c3d
To: <sip:+14155550123@mytrunk.pstn.twilio.com>;tag=75839201
CSeq: 24871 INVITE
Server: Twilio Gateway
X-Twilio-Error: 32011
Reason: Q.850;cause=34;text="No circuit/channel available"
Content-Length: 0

[2024-05-14 10:02:11.612] VERBOSE[23817][C-0000a1b2] app_dial.c: PJSIP/twilio-trunk-0000012b is circuit-busy
`);
    const cause = a.timeline.find((t) => t.label.startsWith("Q.850 cause 34"));
    expect(cause).toMatchObject({
      timestamp: "2024-05-14 10:02:11.611",
      hosts: ["54.172.60.0:5060"],
      firstLine: 10,
    });
  });

  it("says who sent the message carrying it when it is the first failure", () => {
    // A 487 after the caller's CANCEL is normal; the cause in its Reason header is what failed.
    const a = run(`U 2024/05/14 03:01:00.000000 10.10.10.2:5060 -> 10.10.10.9:5060
CANCEL sip:3004@10.10.10.9 SIP/2.0
Call-ID: rc-1@10.10.10.2
CSeq: 20 CANCEL

U 2024/05/14 03:01:00.100000 10.10.10.9:5060 -> 10.10.10.2:5060
SIP/2.0 487 Request Terminated
Call-ID: rc-1@10.10.10.2
CSeq: 20 INVITE
Reason: Q.850;cause=19;text="No answer"
`);
    expect(a.firstFailureLabel).toMatch(/^Q\.850 cause 19/);
    expect(a.summary).toContain("(2024/05/14 03:01:00.100000, from 10.10.10.9:5060)");
    expect(a.failingComponent).toMatch(
      /^10\.10\.10\.9:5060, which sent the message carrying cause 19 in its Reason header — /,
    );
  });
});

describe("corpus snippets of newly read formats", () => {
  const snippet = (name: string) => readFileSync(`test/fixtures/logs/${name}.log`, "utf8");

  it.each([
    [
      "sbc/constructed-audiocodes-incoming-outgoing-480-reason-18",
      "(INVITE, May 14 14:10:01, from 198.51.100.30:5060)",
      "198.51.100.30:5060 (BroadWorks) — ",
    ],
    [
      "linphone/constructed-belle-sip-bracketed-transport-404",
      "(INVITE, 2024-05-14 15:01:11:100, from sip.linphone.org:5060)",
      "sip.linphone.org:5060 — ",
    ],
    [
      "sipgo/constructed-sipgo-json-src-cseq-486",
      "(INVITE, 2024-05-14T15:10:04.880Z, from 203.0.113.90:5060)",
      "203.0.113.90:5060 — ",
    ],
    [
      "mixed/constructed-slack-quoted-pjsip-503-q850-42",
      "(INVITE, 2024-05-14 02:01:10.100, from 203.0.113.50:5060)",
      "203.0.113.50:5060 (carrier-sbc/4.2) — ",
    ],
    [
      "freeswitch/constructed-siptrace-recv-at-time-484-q850-28",
      "(INVITE, 12:30:00.950002, from 198.51.100.20:5060)",
      "198.51.100.20:5060 (Sippy B2BUA) — ",
    ],
    [
      "http/constructed-vonage-call-events-late-timestamp-480-486",
      "on line 1 (2024-05-14T16:12:00.000Z).",
      "",
    ],
  ])("%s: the summary says %s", (name, where, component) => {
    const a = run(snippet(name));
    expect(a.summary).toContain(where);
    expect(a.failingComponent?.startsWith(component)).toBe(true);
    expect(a.failingComponent).not.toContain("the system that wrote this log");
  });

  it("shows a Reason header's cause with its response's time and sender", () => {
    const a = run(snippet("freeswitch/constructed-siptrace-recv-at-time-484-q850-28"));
    expect(a.timeline.find((t) => t.label.startsWith("Q.850 cause 28"))).toMatchObject({
      timestamp: "12:30:00.950002",
      hosts: ["198.51.100.20:5060"],
    });
  });
});

describe("a quoted URI after 'from'", () => {
  it("names the registrar that answered Asterisk's outbound registration", () => {
    const a = run(
      "[2024-05-14 18:20:00.100] WARNING[1234]: res_pjsip_outbound_registration.c:1043 handle_registration_response: Fatal response '403' received from 'sip:sip.provider.example:5060' on registration attempt to 'sip:0123456789@sip.provider.example:5060', stopping outbound registration",
    );
    expect(a.failingComponent).toMatch(/^sip\.provider\.example:5060 — /);
  });
});
