// The "status" of a one-line JSON API response or service log record that names no SIP word is
// that service's status, not a SIP response; a SIP stack's JSON record of a response keeps it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("a JSON service record's status", () => {
  it.each([
    '{"level":"error","ts":"2024-03-05T03:20:01.123Z","msg":"request failed","status":503,"route":"/v1/users","latency_ms":12}',
    '{"id":"u1","status":403}',
    '{"level":"info","ts":"2024-03-05T03:20:01Z","msg":"login","user":"bob","status":401}',
  ])("is no SIP response: %s", (line) => {
    expect(found(line)).toEqual([]);
    expect(analyze(catalog(), scanText(catalog(), line)).firstFailure).toBeNull();
  });

  it("stays SIP when the record names SIP, a response or a call", () => {
    expect(found('{"id":"u1","name":"trunk-a","status":403,"enabled":true}')).toEqual(["sip 403 @1"]);
    expect(found('{"level":"warn","msg":"response","status":503,"remote_ip":"198.51.100.7"}')).toEqual([
      "sip 503 @1",
    ]);
    expect(found('{"call_id":"a1b2","status":480}')).toEqual(["sip 480 @1"]);
  });

  it("stays SIP for a number no HTTP server sends", () => {
    expect(found('{"id":"u1","name":"alpha","status":486,"enabled":true}')).toEqual(["sip 486 @1"]);
  });
});
