// Who sent a failure, read from the words of one log line or the packet line above a message:
// "registration to X failed: 403" blames X, "sent 486 to X" blames the logging system, and words
// like "expired" about an account or a token do not make a response locally generated.
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
