// A Cisco IOS debug stamp ("*Mar  5 03:20:01.200:", maybe after the sequence number) keeps its
// month and day, yearless as other syslog stamps are, so findings either side of midnight order.
import { describe, expect, it } from "vitest";
import { parseTimestamp } from "../../src/engine/scan/context.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

describe("Cisco IOS debug stamps", () => {
  it.each([
    ["*Mar  5 03:20:01.200: //-1/xxxx/SIP/Msg/ccsipDisplayMsg:", "Mar  5 03:20:01.200"],
    [".Mar  5 03:20:01.200: //-1/xxxx/SIP/Msg/ccsipDisplayMsg:", "Mar  5 03:20:01.200"],
    ["023412: Mar  5 03:20:01.200: //-1/xxxx/SIP/Msg/ccsipDisplayMsg:", "Mar  5 03:20:01.200"],
    ["023413: *Mar  5 03:20:01.200: ISDN Se0/0/0:23 Q931: RX <- DISCONNECT", "Mar  5 03:20:01.200"],
  ])("reads %s with its date", (line, text) => {
    expect(parseTimestamp(line)?.text).toBe(text);
  });

  it("orders a stamp after midnight after the one before it", () => {
    const before = parseTimestamp("*Mar  4 23:59:59.900: x")?.ms ?? 0;
    const after = parseTimestamp("*Mar  5 00:00:00.100: x")?.ms ?? 0;
    expect(after - before).toBe(200);
  });

  it("gives a ccsip message's response the stamp with its date", () => {
    const log = [
      "*Mar  5 03:20:01.200: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:",
      "Received:",
      "SIP/2.0 503 Service Unavailable",
      "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1",
      "CSeq: 101 INVITE",
      "Call-ID: cc1@10.0.0.1",
    ].join("\n");
    const f = scanText(catalog(), log).findings[0];
    expect(f?.code).toBe(503);
    expect(f?.timestamp).toBe("Mar  5 03:20:01.200");
  });
});
