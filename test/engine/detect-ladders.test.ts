// Call-flow ladders draw a response as an arrow ("<-- 486 Busy Here"): that is a SIP response,
// not an HTTP client's log line, which names its URL. A number no HTTP server sends is never HTTP.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("responses after a ladder arrow", () => {
  it("reads `<-- 486 Busy Here` as SIP", () => {
    const log = [
      "03:45:05.210 <-- 486 Busy Here",
      "03:45:06.210 <-- 487 Request Terminated",
      "03:45:07.210 --> ACK",
    ];
    expect(found(log.join("\n"))).toEqual(["sip 486 @1", "sip 487 @2"]);
  });

  it("reads an Avaya-style ladder's responses as SIP, with the SIP checklist", () => {
    const log = [
      "               10.10.1.50          10.10.1.10          203.0.113.10",
      "03:45:01.123 |--INVITE---------->|                   |  (1) T:sip:alice F:sip:bob",
      "03:45:01.125 |<--100 Trying------|                   |  (1) 100 Trying",
      "03:45:05.210 |                   |<--503 Service Una-|  (2) 503 Service Unavailable",
      "03:45:05.211 |                   |--ACK------------->|  (2)",
    ].join("\n");
    expect(found(log)).toEqual(["sip 100 @3", "sip 503 @4"]);
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailure?.namespace).toBe("sip");
    expect(a.firstFailure?.code).toBe(503);
  });

  it("still reads OkHttp's arrow, which names the URL, as HTTP", () => {
    const line =
      "I okhttp.OkHttpClient: <-- 503 Service Unavailable https://api.example.com/v1/devices (783ms)";
    expect(found(line)).toEqual(["http 503 @1"]);
  });
});

describe("numbers no HTTP server sends", () => {
  it.each([
    ["axios: request failed, status code 486", "sip 486 @1"],
    ["SIP.js session rejected statusCode: 487", "sip 487 @1"],
    ["fetch https://pbx.example.com/hooks failed (480)", "sip 480 @1"],
  ])("%s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("keeps a real HTTP status on an HTTP client's line", () => {
    expect(found("axios: request failed, status code 502")).toEqual(["http 502 @1"]);
  });
});
