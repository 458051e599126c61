// A Kamailio script's "relaying INVITE sip:…" is the request a later 408 answers: the timer
// analysis measures the 408 against it and names the carrier it went to. A line about a relayed
// reply, or a relay that failed, is no request.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (log: string) => scanText(catalog(), log);
const run = (log: string) => analyze(catalog(), scan(log));
const kam = (time: string, text: string) =>
  `Jul 14 09:12:${time} edge1 /usr/sbin/kamailio[811]: INFO: <script>: ${text}`;
const CI = "[ci=3f9c1e77@10.9.0.4]";
const timeout = kam("32", `${CI} failure_route[MANAGE_FAILURE]: 408 Request Timeout, no reply`);

describe("a relayed INVITE that got no answer for 32 s", () => {
  const log = [kam("00", `${CI} relaying INVITE sip:+14155550100@carrier.example.net`), timeout].join("\n");

  it("names the carrier in a Timer B note and as the failing component", () => {
    const a = run(log);
    expect(a.firstFailure?.code).toBe(408);
    const b = a.timers.find((t) => t.timer === "timer/b");
    expect(b?.text).toMatch(
      /the 408 on line 2 came 32\.0 s after the INVITE on line 1 to carrier\.example\.net/,
    );
    expect(b?.text).toMatch(/carrier\.example\.net never answered/);
    expect(a.failingComponent).toMatch(/^carrier\.example\.net, which never answered the INVITE on line 1/);
  });

  it('reads "relay to <uri>" with the method printed before it, and a callid= key', () => {
    const other = [
      kam(
        "00",
        "INVITE from sip:alice@10.9.0.20 relay to <sip:+14155550100@carrier.example.net:5060> callid=77aa@10.9.0.20",
      ),
      kam("32", "failure_route: 408 Request Timeout callid=77aa@10.9.0.20"),
    ].join("\n");
    const ev = scan(other).events.find((e) => e.kind === "request");
    expect(ev).toMatchObject({
      method: "INVITE",
      to: "carrier.example.net:5060",
      callId: "77aa@10.9.0.20",
      line: 1,
    });
    expect(
      run(other).timers.some((t) => t.timer === "timer/b" && t.text.includes("carrier.example.net")),
    ).toBe(true);
  });
});

describe("lines that relay no request", () => {
  it("records no request for a relayed reply, a failed relay or a relay that names no method", () => {
    const log = [
      kam("00", `${CI} relaying reply 200 OK to sip:alice@10.9.0.20`),
      kam("01", `${CI} onreply_route: relaying 180 Ringing to sip:alice@10.9.0.20`),
      kam("02", `${CI} relaying INVITE to sip:+14155550100@carrier.example.net failed`),
      kam("03", `${CI} relay to sip:carrier.example.net`),
      kam("04", "media delay to sip:carrier.example.net is 20 ms"),
    ].join("\n");
    expect(scan(log).events.filter((e) => e.kind === "request")).toEqual([]);
  });

  it("leaves a 408 with no relayed request before it without a Timer B note", () => {
    const log = [kam("00", `${CI} relaying reply 100 Trying to sip:alice@10.9.0.20`), timeout].join("\n");
    expect(run(log).timers.some((t) => t.timer === "timer/b")).toBe(false);
  });
});
