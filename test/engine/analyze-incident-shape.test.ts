// Multi-call and failover logs: the failure most calls share is named next to the first one, a
// registration the client got past gives way to the call that failed, and a call that failed over
// to a working server is said to have connected.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

const response = (time: string, from: string, status: string, callId: string, cseq = "1 INVITE") =>
  `2024-06-03 ${time} recv 400 bytes from udp/${from}:
SIP/2.0 ${status}
Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK${callId}${cseq.charAt(0)}
Call-ID: ${callId}@203.0.113.5
CSeq: ${cseq}
Content-Length: 0

`;

describe("the failure most calls share", () => {
  const log =
    response("02:00:01.500", "198.51.100.5:5060", "404 Not Found", "callA") +
    response("02:00:02.000", "198.51.100.5:5060", "503 Service Unavailable", "callB") +
    response("02:00:03.400", "198.51.100.5:5060", "503 Service Unavailable", "callC") +
    response("02:00:04.000", "198.51.100.5:5060", "503 Service Unavailable", "callD");

  it("keeps the first failure and names the 503s across three calls", () => {
    const a = run(log);
    expect(a.firstFailure?.code).toBe(404);
    expect(a.summary).toContain(
      "Most frequent: SIP 503 Service Unavailable ×3 across 3 calls from 198.51.100.5:5060",
    );
    expect(a.failingComponent).toMatch(/overloaded server.*in 3 calls/);
    expect(a.checklist[0]).toMatch(/Find who sent it/);
  });

  it("says nothing more when the first failure is as common as any", () => {
    const a = run(
      response("02:00:01.500", "198.51.100.5:5060", "404 Not Found", "callA") +
        response("02:00:02.000", "198.51.100.5:5060", "503 Service Unavailable", "callB"),
    );
    expect(a.summary).not.toContain("Most frequent");
  });

  it("leads with a Mobius call failure after a registration failure the device got past", () => {
    const sdk = (time: string, file: string, msg: string) =>
      `webex-calling: Tue, 14 May 2024 ${time} GMT: [WARN]: file:${file} - method:m - message:${msg}\n`;
    const a = run(
      sdk("02:11:03", "register", "Status code: -> 503") +
        sdk("02:11:33", "register", "Registration successful") +
        sdk("02:14:13", "call", "Status code: ->403") +
        sdk("02:14:13", "call", "Error code found : 118"),
    );
    expect(a.firstFailure?.subcode).toBe(118);
    expect(a.summary).toMatch(/Before it, Mobius 503 .* on line 1 was recovered/);
  });
});

describe("failover to a secondary", () => {
  const log =
    response("02:10:00.080", "198.51.100.10:5060", "503 Service Unavailable", "fo") +
    response("02:10:00.300", "198.51.100.20:5060", "180 Ringing", "fo", "2 INVITE") +
    response("02:10:04.000", "198.51.100.20:5060", "200 OK", "fo", "2 INVITE");

  it("says the call connected through the secondary", () => {
    const a = run(log);
    expect(a.firstFailure?.code).toBe(503);
    expect(a.summary).toMatch(
      /sent again in the same call .* to 198\.51\.100\.20:5060, which answered SIP 200 OK/,
    );
    expect(a.normal.join(" ")).toMatch(/^.*Failover: 198\.51\.100\.10:5060 answered SIP 503/);
    expect(a.checklist.join("\n")).not.toMatch(/whether traffic fails over/);
  });

  it("says how long the primary asked to be left alone when its 503 carries Retry-After", () => {
    const held = log.replace("Content-Length: 0", "Retry-After: 300\nContent-Length: 0");
    expect(run(held).summary).toContain("Its Retry-After asks senders to leave it alone for 300 s (5 min)");
  });

  it("reads a proxy's next branch of the same transaction (same CSeq) as failover too", () => {
    const same = log.replaceAll("2 INVITE", "1 INVITE");
    const a = run(same);
    expect(a.summary).toMatch(
      /forwarded the INVITE on a new branch of the same transaction \(Call-ID fo@203\.0\.113\.5, CSeq 1\) to 198\.51\.100\.20:5060, which answered SIP 200 OK/,
    );
    expect(a.normal.join(" ")).toMatch(/as the proxy's next branch of the same transaction/);
    expect(a.checklist.join("\n")).not.toMatch(/whether traffic fails over/);
  });

  it("is no failover when the same server answers the resent request", () => {
    const a = run(log.replaceAll("198.51.100.20", "198.51.100.10"));
    expect(a.summary).not.toMatch(/sent again in the same call/);
  });
});

describe("an API error body below an HTTP status", () => {
  it("names the Exotel API for a curl -v 415 with error 1011", () => {
    const a = run(`> POST /v2/accounts/acme1/trunks HTTP/1.1
> Host: api.exotel.com
< HTTP/1.1 415 Unsupported Media Type
< Content-Type: application/json
<
{"request_id":"a1","http_code":415,"response":{"code":415,"error_data":{"code":1011,"message":"Unsupported content type"},"status":"failure"}}
`);
    expect(a.failingComponent).toMatch(/^Exotel trunking API \(its error body on line 6/);
  });
});
