// A forked INVITE whose branches all fail without a 6xx: the proxy forwards the response RFC 3261
// §16.7 ranks best (lowest class, the 4xx a caller can act on, a 503 as 500, a 408 for a branch
// that never answered), and that response, not the first branch to fail, is what the caller got.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const PROXY = "10.0.0.5:5060";
const CALLER = "10.0.1.10:5060";
const GATEWAY = "10.0.2.30:5060";
const PHONE = "10.0.2.22:5060";
const DESK = "10.0.2.41:5060";

/** One packet of call `call`: a response (or INVITE) with the proxy's Via on top when it goes to or
 *  from a branch, and the caller's Via alone when it is between the caller and the proxy. */
function packet(call: string, time: string, from: string, to: string, first: string): string {
  const branch = from !== CALLER && to !== CALLER;
  return ngrepPacket({
    date: "2024/03/05",
    time: `02:20:${time}`,
    from,
    to,
    lines: [
      first,
      ...(branch ? [`Via: SIP/2.0/UDP ${PROXY};branch=z9hG4bKd3e2.${to === PROXY ? from : to}`] : []),
      `Via: SIP/2.0/UDP ${CALLER};branch=z9hG4bK-a1`,
      `Call-ID: ${call}`,
      "CSeq: 1 INVITE",
      "Content-Length: 0",
      "",
    ],
  });
}
const CALL = "8f14e45f-ceea@10.0.1.10";
const reply = (time: string, from: string, to: string, status: string, call = CALL) =>
  packet(call, time, from, to, `SIP/2.0 ${status}`);
const invite = (time: string, from: string, to: string) =>
  packet(CALL, time, from, to, "INVITE sip:2001@example.com SIP/2.0");

describe("a forked INVITE whose branches fail with 4xx and 5xx", () => {
  const log = [
    reply("03.100000", GATEWAY, PROXY, "503 Service Unavailable"),
    reply("04.200000", PHONE, PROXY, "480 Temporarily Unavailable"),
    reply("04.200900", PROXY, CALLER, "480 Temporarily Unavailable"),
  ].join("\n");

  it("leads with the 480 the caller got, not the gateway's earlier 503", () => {
    const a = run(log);
    expect(a.firstFailure).toMatchObject({ code: 480, line: 11, host: PHONE });
    expect(a.failingComponent).toMatch(/^10\.0\.2\.22:5060/);
    expect(a.summary).toContain(
      "The INVITE was forked: the branch to 10.0.2.30:5060 failed first with SIP 503 Service Unavailable (line 2), but 10.0.2.22:5060 answered SIP 480 Temporarily Unavailable (line 11), and with no 6xx a proxy forwards a response of the lowest class, 4xx before 5xx (RFC 3261 §16.7), so the proxy forwarded SIP 480 Temporarily Unavailable to the caller (line 20).",
    );
  });

  it("says the same when the capture stops before the proxy's own response", () => {
    const a = run(log.split("\n").slice(0, 16).join("\n"));
    expect(a.firstFailure).toMatchObject({ code: 480, line: 11 });
    expect(a.summary).toMatch(
      /4xx before 5xx \(RFC 3261 §16\.7\), so it is the response the proxy forwards to the caller\./,
    );
  });

  it("keeps the first failure when the calls only share hosts (a B2BUA's legs have their own Call-IDs)", () => {
    const a = run(
      [
        reply("03.100000", GATEWAY, PROXY, "503 Service Unavailable", "leg-a@10.0.0.5"),
        reply("04.200000", PHONE, PROXY, "480 Temporarily Unavailable", "leg-b@10.0.0.5"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 503, line: 2 });
    expect(a.summary).not.toMatch(/was forked/);
  });
});

describe("a forked INVITE where one 4xx tells the caller how to retry", () => {
  it("leads with the 484 Address Incomplete over another phone's earlier 404", () => {
    const a = run(
      [
        reply("03.100000", PHONE, PROXY, "404 Not Found"),
        reply("03.400000", DESK, PROXY, "484 Address Incomplete"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 484, line: 11, host: DESK });
    expect(a.failingComponent).toMatch(/^10\.0\.2\.41:5060/);
    expect(a.summary).toContain(
      "but 10.0.2.41:5060 answered SIP 484 Address Incomplete (line 11), and a proxy prefers the 4xx that tells the caller how to retry (401, 407, 415, 420, 484) (RFC 3261 §16.7)",
    );
  });

  it("keeps the earliest failure when §16.7 leaves the proxy a free choice and the log does not show it", () => {
    const a = run(
      [
        reply("03.100000", PHONE, PROXY, "486 Busy Here"),
        reply("03.400000", DESK, PROXY, "480 Temporarily Unavailable"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 486, line: 2 });
    expect(a.summary).not.toMatch(/was forked/);
  });
});

describe("a forked INVITE whose branches all fail with 503", () => {
  it("says the caller got the 500 the proxy sent in its place", () => {
    const a = run(
      [
        reply("03.100000", GATEWAY, PROXY, "503 Service Unavailable"),
        reply("03.300000", DESK, PROXY, "503 Service Unavailable"),
        reply("03.300900", PROXY, CALLER, "500 Server Internal Error"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 503, line: 2, host: GATEWAY });
    expect(a.failingComponent).toMatch(/^10\.0\.2\.30:5060/);
    expect(a.summary).toContain(
      "The INVITE was forked and every branch failed: 10.0.2.30:5060 (line 2) and 10.0.2.41:5060 (line 11) answered SIP 503 Service Unavailable, and a proxy never forwards a 503 (it would say the proxy itself is unavailable) and sends 500 instead (RFC 3261 §16.7), so the proxy forwarded SIP 500 Server Internal Error to the caller (line 20).",
    );
  });
});

describe("a forked INVITE where one branch never answered", () => {
  it("leads with the 408 the proxy made up for the silent branch, over the gateway's 503", () => {
    const a = run(
      [
        invite("01.000000", CALLER, PROXY),
        invite("01.002000", PROXY, GATEWAY),
        invite("01.003000", PROXY, DESK),
        reply("01.200000", GATEWAY, PROXY, "503 Service Unavailable"),
        reply("33.003000", PROXY, CALLER, "408 Request Timeout"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 408, line: 37, host: PROXY });
    expect(a.failingComponent).toMatch(/^10\.0\.2\.41:5060, which never answered the INVITE on line 19/);
    expect(a.summary).toContain(
      "The INVITE was forked: the branch to 10.0.2.30:5060 failed first with SIP 503 Service Unavailable (line 28), but 10.0.2.41:5060 sent no final response to the INVITE (line 19), so the proxy made up a 408 Request Timeout for that branch, and with no 6xx a proxy forwards a response of the lowest class, 4xx before 5xx (RFC 3261 §16.7), so the proxy forwarded SIP 408 Request Timeout to the caller (line 37).",
    );
  });
});
