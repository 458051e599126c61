// A call-flow ladder may draw a response with its code touching the arrow and the phrase cut by
// the column (`|<--503 Service Una-|`): the arrow is the response. An HTTP client's arrow names
// its URL, so it stays HTTP.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("a ladder arrow touching its response code", () => {
  it("reads a cut 503 in a ladder as the first failure", () => {
    const log = [
      "               10.10.1.50          10.10.1.10          203.0.113.10",
      "03:45:01.123 |--INVITE---------->|                   |",
      "03:45:01.125 |<--100 Trying------|                   |",
      "03:45:05.210 |                   |<--503 Service Una-|",
      "03:45:05.211 |                   |--ACK------------->|",
    ].join("\n");
    expect(found(log)).toEqual(["sip 100 @3", "sip 503 @4"]);
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailure?.namespace).toBe("sip");
    expect(a.firstFailure?.code).toBe(503);
  });

  it.each([
    ["|<--503 Service Una-|", "sip 503 @1"],
    ["|<--503 Service Unavailable-|", "sip 503 @1"],
    ["  |<--486 Busy Here---------|", "sip 486 @1"],
  ])("reads %s on its own", (line, want) => {
    expect(found(line)).toEqual([want]);
  });

  it("keeps an HTTP client's arrow with its URL as HTTP", () => {
    expect(
      found("I okhttp.OkHttpClient: <--503 Service Unavailable https://api.example.com/v1/x (8ms)"),
    ).toEqual(["http 503 @1"]);
  });

  it("reads no code where the arrow's number is no response", () => {
    expect(found("10:00:00 peer <--200 bytes queued")).toEqual([]);
    expect(found("build-2024<--503 lines")).toEqual([]);
    expect(found("|--503 Service Una-->|")).toEqual([]);
  });
});
