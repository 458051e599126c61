// An API's error body printed over several lines (`curl … | jq .`, Python's json.dumps(indent=4)):
// its "Status" member alone on a line is the API's HTTP answer, never a SIP response.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ids = (text: string) => scanText(catalog(), text).findings.map((f) => f.id);

describe("a pretty-printed API error body", () => {
  it("reads Exotel v1's RestException status as HTTP, the rate limit as HTTP 429", () => {
    const log = [
      "$ curl -s -X POST https://api.exotel.com/v1/Accounts/acme12/Calls/connect.json | jq .",
      "{",
      '  "RestException": {',
      '    "Status": 429,',
      '    "Message": "Too Many Requests"',
      "  }",
      "}",
    ].join("\n");
    expect(ids(log)).toEqual(["http/429"]);
  });

  it("reads Python's four-space indent the same way", () => {
    const log =
      '{\n    "RestException": {\n        "Status": 403,\n        "Message": "Not allowed"\n    }\n}';
    expect(ids(log)).toEqual(["http/403"]);
  });

  it("reads a bare error object's status as HTTP", () => {
    const log =
      '{\n  "error": {\n    "code": "Forbidden",\n    "message": "Caller does not have access",\n    "status": 403\n  }\n}';
    expect(ids(log)).toEqual(["http/403"]);
  });

  it("keeps a number no HTTP server sends as SIP", () => {
    expect(ids('{\n  "call": "a84b4c76e66710",\n  "status": 486,\n  "reason": "Busy Here"\n}')).toEqual([
      "sip/486",
    ]);
  });
});
