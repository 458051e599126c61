// A count of bytes, messages or packets written after "sent"/"received" is never a status, while
// a status a stack says it received or sent still is.
import { describe, expect, it } from "vitest";
import { found } from "../helpers/found.js";

describe("counts after sent or received", () => {
  it.each([
    "Bytes received: 486, bytes sent: 1203",
    "Total bytes received: 486 (0.47 KB)",
    "messages received: 480",
    "received 480 messages",
    "RTP packets received 503",
    "Extended highest sequence number received: 486",
    "RTP: Local port 6010 Remote 52.114.15.208:49486 PT 8 SSRC 0x1a2b3c4d packets sent 503 received 486 lost 0",
    "RTCP: sent 503, received 486, lost 0",
  ])("gives no code: %s", (line) => {
    expect(found(line)).toEqual([]);
  });

  it.each([
    ["received 503 from 10.0.0.9", "sip 503 @1"],
    ["Received: SIP/2.0 486 Busy Here", "sip 486 @1"],
    ["received response 486", "sip 486 @1"],
    ["pjsua_call.c Received 486 response", "sip 486 @1"],
    ["INVITE sent, received 486", "sip 486 @1"],
    ["we sent 503 to the carrier", "sip 503 @1"],
  ])("still reads a status: %s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });
});
