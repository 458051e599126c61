// Twilio's REST API error body pretty-printed (curl | jq, a logger's dump): its "status", the last
// member, is the HTTP answer of Twilio's API, never a SIP response, whether curl's status line of the
// same response is above it or not; Twilio's own error code is no code.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const codes = (log: string) =>
  scanText(catalog(), log).findings.map((f) => `${f.namespace}/${f.code}@${f.line}`);

const body = (status: number, code: number) => [
  "{",
  `  "code": ${code},`,
  `  "message": "The 'To' number +15005550001 is not a valid phone number.",`,
  `  "more_info": "https://www.twilio.com/docs/errors/${code}",`,
  `  "status": ${status}`,
  "}",
];

describe("a pretty-printed Twilio REST error body", () => {
  it("reads the body alone as the HTTP 400 Twilio's API answered, with no SIP checks", () => {
    const a = analysed(body(400, 21211).join("\n"));
    expect(a.firstFailure).toMatchObject({ namespace: "http", code: 400, line: 5 });
    expect(a.counts.findings).toBe(1);
    expect(a.failingComponent).not.toMatch(/SIP|SBC/);
    expect(a.checklist.join("\n")).not.toMatch(/SDP/);
  });

  it("never reads Twilio's error code, and reads other statuses the same way", () => {
    expect(codes(body(404, 20404).join("\n"))).toEqual(["http/404@5"]);
    expect(codes(body(429, 20429).join("\n"))).toEqual(["http/429@5"]);
    expect(codes(body(503, 20503).join("\n"))).toEqual(["http/503@5"]);
  });

  it("counts the body under curl's status line of the same response once", () => {
    const curl = [
      "$ curl -i -X POST https://api.twilio.com/2010-04-01/Accounts/ACxx/Calls.json",
      "HTTP/2 400",
      "date: Tue, 05 Mar 2024 03:10:12 GMT",
      "content-type: application/json",
      "",
      ...body(400, 21211),
    ];
    expect(codes(curl.join("\n"))).toEqual(["http/400@2"]);
    const verbose = [
      "< HTTP/1.1 400 Bad Request",
      "< Content-Type: application/json",
      "<",
      ...body(400, 21211),
    ];
    expect(codes(verbose.join("\n"))).toEqual(["http/400@1"]);
  });

  it("keeps a body whose status differs from curl's status line above it", () => {
    expect(codes(["HTTP/1.1 200 OK", "", ...body(400, 21211)].join("\n"))).toEqual([
      "http/200@1",
      "http/400@7",
    ]);
  });

  it("reads the body the same way when each line carries a logger's prefix", () => {
    const log = body(400, 21211).map((l) => `2024-05-14T09:21:07.331Z app[web.1]: ${l}`);
    expect(codes(log.join("\n"))).toEqual(["http/400@5"]);
  });

  it("leaves a status member with no Twilio docs link above it as it was", () => {
    const other = ["{", '  "code": 7,', '  "reason": "upstream busy",', '  "status": 486', "}"];
    expect(codes(other.join("\n"))).toEqual(["sip/486@4"]);
  });
});
