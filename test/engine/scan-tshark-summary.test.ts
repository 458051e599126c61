// tshark's one-line frame summaries (No., Time, Source → Destination, Protocol, Length, Info): the
// Length column is a byte count, the Info column holds the SIP message, Source sent it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const call = [
  "    1 0.000000000 198.51.100.10 → 203.0.113.50 SIP/SDP 1013 Request: INVITE sip:+14155550123@203.0.113.50 | ",
  "    2 0.061234000 203.0.113.50 → 198.51.100.10 SIP 400 Status: 100 Trying | ",
  "    3 0.072345000 203.0.113.50 → 198.51.100.10 SIP 603 Status: 407 Proxy Authentication Required | ",
  "    4 0.073001000 198.51.100.10 → 203.0.113.50 SIP 404 Request: ACK sip:+14155550123@203.0.113.50 | ",
  "    5 0.080112000 198.51.100.10 → 203.0.113.50 SIP/SDP 1290 Request: INVITE sip:+14155550123@203.0.113.50 | ",
  "    7 0.480000000 203.0.113.50 → 198.51.100.10 SIP 486 Status: 488 Not Acceptable Here | ",
].join("\n");

describe("tshark one-line summaries", () => {
  it("reads only the Info column's status, never the frame length", () => {
    const r = scanText(catalog(), call);
    expect(r.findings.map((f) => `${f.line} ${f.code} ${f.method} ${f.host} ${f.timestamp}`)).toEqual([
      "2 100 INVITE 203.0.113.50 +0.061234s",
      "3 407 INVITE 203.0.113.50 +0.072345s",
      "6 488 INVITE 203.0.113.50 +0.480000s",
    ]);
  });

  it("makes the 488 the first failure, sent by the Source column's host", () => {
    const a = analyze(catalog(), scanText(catalog(), call));
    expect(a.firstFailure).toMatchObject({ code: 488, host: "203.0.113.50", direction: "in" });
    expect(a.summary).toContain("from 203.0.113.50");
  });

  it("takes Wireshark's (METHOD) after a final response, and the older ASCII arrow", () => {
    const text = [
      "  1   0.000000 10.0.0.1 -> 10.0.0.2 SIP 603 Request: REGISTER sip:10.0.0.2 |",
      "  2   0.030000 10.0.0.2 -> 10.0.0.1 SIP 480 Status: 403 Forbidden (REGISTER) |",
    ].join("\n");
    const r = scanText(catalog(), text);
    expect(r.findings.map((f) => [f.code, f.method, f.reason, f.host])).toEqual([
      [403, "REGISTER", "Forbidden", "10.0.0.2"],
    ]);
  });

  it("sees a cancelled call in tab-separated columns as normal traffic", () => {
    const text = [
      "1\t0.000000000\t172.17.0.1\t172.17.0.2\tSIP/SDP\t529\tRequest: INVITE sip:1337@172.17.0.2:5060 |",
      "2\t0.001143931\t172.17.0.2\t172.17.0.1\tSIP\t502\tStatus: 100 Trying |",
      "3\t2.001423047\t172.17.0.1\t172.17.0.2\tSIP\t400\tRequest: CANCEL sip:1337@172.17.0.2:5060 |",
      "4\t2.001500000\t172.17.0.2\t172.17.0.1\tSIP\t404\tStatus: 200 OK |",
      "5\t2.001600000\t172.17.0.2\t172.17.0.1\tSIP\t486\tStatus: 487 Request Terminated |",
    ].join("\n");
    const a = analyze(catalog(), scanText(catalog(), text));
    expect(a.firstFailure).toBeNull();
    expect(a.counts.findings).toBe(3);
  });

  it("reads a date and time column as the frame's time", () => {
    const text =
      "    2 2024-03-05 03:15:06.324345 203.0.113.50 → 198.51.100.10 SIP 500 Status: 503 Service Unavailable (INVITE) |";
    const [f] = scanText(catalog(), text).findings;
    expect([f?.code, f?.timestamp]).toEqual([503, "2024-03-05 03:15:06.324345"]);
  });
});
