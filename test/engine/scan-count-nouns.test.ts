// A counter of calls, requests or INVITEs written after sent/received/answered, "sent N times" or
// a keyed stats run, is a count and never a status; statuses a stack received still are.
import { describe, expect, it } from "vitest";
import { found } from "../helpers/found.js";

describe("counters of anything after sent, received or answered", () => {
  it.each([
    "2024-03-05T03:20:01Z INFO Calls received: 480",
    "2024-03-05T03:20:01Z INFO INVITEs received: 486",
    "2024-03-05T03:20:01Z INFO Requests sent: 503",
    "2024-03-05T03:20:01Z WARN keepalive OPTIONS sent 503 times, received 480 replies",
    "2024-03-05T03:20:01Z INFO total received: 486",
    "2024-03-05T03:20:01Z INFO received=486 sent=503",
    "2024-03-05T03:20:01Z INFO calls answered: 403",
    "stats: sent: 503, received: 486",
    "trunk pstn-1 received 486 calls today",
  ])("gives no code: %s", (line) => {
    expect(found(line)).toEqual([]);
  });

  it.each([
    ["received 503 from 10.0.0.9", "sip 503 @1"],
    ["pjsua_call.c Received 486 response", "sip 486 @1"],
    ["got a 403 from the trunk", "sip 403 @1"],
    ["INVITE sent, received 486", "sip 486 @1"],
    ["Response received: 486 Busy Here", "sip 486 @1"],
    ["received response: 486", "sip 486 @1"],
    ["Teams sent 480 for the call to +15551234567", "sip 480 @1"],
    ["OPTIONS received: 503", "sip 503 @1"],
    ["the carrier answered with 403", "sip 403 @1"],
  ])("still reads a status: %s", (line, want) => {
    expect(found(line)).toEqual([want]);
  });
});
