// A response logged as received from a peer the log never names (Cisco CUBE's "debug ccsip
// messages": "Sent:"/"Received:" and the message, no address): the Request-URI host of the request
// it answers names that peer.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const message = (stamp: string, dir: string, lines: string[]) =>
  [`003412: Mar  5 ${stamp}: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:`, `${dir}:`, ...lines, ""].join("\n");

const trace = [
  message("03:20:01.100", "Sent", [
    "INVITE sip:14155550123@sip.carrier.example:5060 SIP/2.0",
    "Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK1A2B3C",
    "Call-ID: 8F1A2B3C@198.51.100.10",
    "CSeq: 101 INVITE",
    "Content-Length: 0",
  ]),
  message("03:20:01.260", "Received", [
    "SIP/2.0 403 Forbidden",
    "Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK1A2B3C",
    "Call-ID: 8F1A2B3C@198.51.100.10",
    "CSeq: 101 INVITE",
    "Content-Length: 0",
  ]),
].join("\n");

describe("a peer named only by the Request-URI", () => {
  it("names the host the answered request was sent to", () => {
    const scan = scanText(catalog(), trace);
    const f = scan.findings.find((x) => x.code === 403);
    expect(f).toMatchObject({ direction: "in", requestUri: "sip.carrier.example" });
    expect(f?.host).toBeUndefined();
    expect(analyze(catalog(), scan).failingComponent).toMatch(
      /^sip\.carrier\.example, the host the request's Request-URI names/,
    );
  });

  it("gives no such name to a response whose request is not in the log", () => {
    const alone = trace.slice(trace.indexOf("003412: Mar  5 03:20:01.260"));
    const f = scanText(catalog(), alone).findings.find((x) => x.code === 403);
    expect(f?.requestUri).toBeUndefined();
  });
});
