// A proxy's capture shows both of its sides: its own 100 Trying to the caller and the copies it
// forwarded toward the next hop. Only the host a copy went to can answer it, so a dead carrier
// behind a proxy is named, whether the proxy then sent 408 or failed over to another server.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const CALLER = "10.0.1.10";
const PROXY = "10.0.0.5";
const DEAD = "198.51.100.10";
const SPARE = "192.0.2.50";
const call = ["Call-ID: proxy-call-1@10.0.1.10", "CSeq: 7 INVITE"];
/** A packet at `s` seconds past 03:10:00. */
const packet = (s: number, from: string, to: string, first: string, headers: string[] = []) =>
  ngrepPacket({
    date: "2024/03/05",
    time: `03:10:${s.toFixed(6).padStart(9, "0")}`,
    from: `${from}:5060`,
    to: `${to}:5060`,
    lines: [first, ...headers, ...call, "Content-Length: 0"],
  });
const received = packet(0, CALLER, PROXY, "INVITE sip:2001@example.com SIP/2.0", [
  "Via: SIP/2.0/UDP 10.0.1.10:5060;branch=z9hG4bK-orig",
]);
const trying = packet(0.0005, PROXY, CALLER, "SIP/2.0 100 trying -- your call is important to us", [
  "Via: SIP/2.0/UDP 10.0.1.10:5060;branch=z9hG4bK-orig",
  "Server: kamailio (5.7.4 (x86_64/linux))",
]);
/** The proxy's copies of the INVITE toward `to`, at the given seconds. */
const forwarded = (to: string, at: number[]) =>
  at.map((s) =>
    packet(s, PROXY, to, `INVITE sip:2001@${to} SIP/2.0`, [
      "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-fwd.0",
      "Via: SIP/2.0/UDP 10.0.1.10:5060;branch=z9hG4bK-orig",
    ]),
  );

describe("Timer B behind a proxy that sent its own 100 Trying upstream", () => {
  it("names the carrier that never answered, not the proxy's no-answer timer", () => {
    const timeout = packet(32.0015, PROXY, CALLER, "SIP/2.0 408 Request Timeout", [
      "Via: SIP/2.0/UDP 10.0.1.10:5060;branch=z9hG4bK-orig",
      "Server: kamailio (5.7.4 (x86_64/linux))",
    ]);
    const log = [
      received,
      trying,
      ...forwarded(DEAD, [0.001, 0.501, 1.501, 3.501, 7.501, 15.501, 23.501, 31.501]),
      timeout,
    ];
    const a = run(log.join("\n"));
    expect(a.failingComponent).toMatch(
      /^198\.51\.100\.10:5060, which never answered the INVITE on line \d+ \(Timer B\)/,
    );
    expect(a.summary).toContain("Timer B most likely fired");
    expect(a.summary).not.toContain("fr_inv_timer");
  });

  it("still reads a 100 Trying from the host the INVITE went to as stopping Timer B", () => {
    const theirs = packet(0.1, DEAD, PROXY, "SIP/2.0 100 Trying", [
      "Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-fwd.0",
    ]);
    const timeout = packet(32.0015, PROXY, CALLER, "SIP/2.0 408 Request Timeout", [
      "Via: SIP/2.0/UDP 10.0.1.10:5060;branch=z9hG4bK-orig",
    ]);
    const a = run([received, trying, ...forwarded(DEAD, [0.001]), theirs, timeout].join("\n"));
    expect(a.summary).toContain("Not Timer B");
  });
});

describe("a primary that never answered, then a failover that connected", () => {
  const spare = [
    ...forwarded(SPARE, [5.001]),
    packet(5.15, SPARE, PROXY, "SIP/2.0 100 Trying", ["Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-fwd.1"]),
    packet(12, SPARE, PROXY, "SIP/2.0 200 OK", ["Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-fwd.1"]),
    packet(12.0004, PROXY, CALLER, "SIP/2.0 200 OK", ["Via: SIP/2.0/UDP 10.0.1.10:5060;branch=z9hG4bK-orig"]),
  ];

  it("names the silent primary and says the call connected through the next server", () => {
    const a = run([received, trying, ...forwarded(DEAD, [0.001, 0.501, 1.501, 3.501]), ...spare].join("\n"));
    expect(a.firstFailureLabel).toBe("No answer: INVITE to 198.51.100.10:5060 (Timer B)");
    expect(a.failingComponent).toMatch(/^198\.51\.100\.10:5060, which did not answer the INVITE/);
    const note = a.timers[0]?.text ?? "";
    expect(note).toContain("was sent 4 times over 3.5 s");
    expect(note).toContain("sent the INVITE to 192.0.2.50:5060");
    expect(note).toContain("the call failed over and connected through that server");
  });

  it("does not take the next server's answers for the primary's", () => {
    const a = run([received, ...forwarded(DEAD, [0.001, 0.501, 1.501, 3.501]), ...spare].join("\n"));
    expect(a.timers.map((t) => t.request?.to)).toEqual(["198.51.100.10:5060"]);
  });
});
