// A packet header line typed as a question is read as the scanner reads it: its byte count is a size.
import { describe, expect, it } from "vitest";
import { explain } from "../../src/engine/explain.js";
import { catalog } from "../helpers/catalog.js";

describe("a packet header line's byte count is never a code", () => {
  it.each([
    ["<--- Received SIP response (482 bytes) from UDP:203.0.113.5:5060 --->", "482"],
    ["<--- Transmitting SIP request (603 bytes) to UDP:203.0.113.5:5060 --->", "603"],
    ["recv 486 bytes from udp/[203.0.113.5]:5060 at 02:13:45.123456:", "486"],
    ["send 603 bytes to udp/[203.0.113.5]:5060 at 02:13:45.123456:", "603"],
    ["RX 404 bytes Request msg INVITE/cseq=102 (rdata0x7f) from UDP 203.0.113.5:5060:", "404"],
  ])("%s", (line, size) => {
    const r = explain(catalog(), line);
    expect(r.results).toEqual([]);
    expect(r.note).toContain(`${size} bytes is the size of the message, not a code`);
    expect(r.note).toMatch(/status line below it/);
  });

  it("answers pjsip's TX line with the response it names", () => {
    const r = explain(
      catalog(),
      "TX 487 bytes Response msg 200/INVITE/cseq=102 (tdta0x7f) to UDP 203.0.113.5:5060:",
    );
    expect(r.results.map((e) => e.id)).toEqual(["sip/200"]);
  });

  it("still reads a code in a sentence that mentions bytes without a packet's shape", () => {
    expect(explain(catalog(), "got 486 from the carrier").results[0]?.id).toBe("sip/486");
  });
});
