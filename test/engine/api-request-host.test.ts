// An HTTP status printed on its own (a pretty-printed error body, curl -i's status line) was answered
// by the host of the request printed just above it.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const first = (lines: string[]) => scanText(catalog(), lines.join("\n")).findings[0];

const JQ_BODY = [
  "{",
  '  "RestException": {',
  '    "Status": 429,',
  '    "Message": "Too Many Requests"',
  "  }",
  "}",
];

describe("the host of the request above a lone HTTP status", () => {
  it("names Exotel's API from the curl line above a pretty-printed body", () => {
    const f = first([
      "$ curl -s -X POST https://api.exotel.com/v1/Accounts/acme12/Calls/connect.json | jq .",
      ...JQ_BODY,
    ]);
    expect(f).toMatchObject({ id: "http/429", host: "api.exotel.com", agent: "Exotel's API" });
  });

  it("names Twilio's API from curl -v's Host header above an XML body", () => {
    const f = first([
      "$ curl -sv -X POST https://api.twilio.com/2010-04-01/Accounts/AC123/Calls 2>&1",
      "> POST /2010-04-01/Accounts/AC123/Calls HTTP/1.1",
      "> Host: api.twilio.com",
      ">",
      "<TwilioResponse>",
      "  <RestException>",
      "    <Status>401</Status>",
      "  </RestException>",
      "</TwilioResponse>",
    ]);
    expect(f).toMatchObject({ id: "http/401", line: 7, host: "api.twilio.com", agent: "Twilio's REST API" });
  });

  it("stops at the nearest request above, even one naming no host", () => {
    const f = first([
      "$ curl https://api.exotel.com/v1/Accounts/acme12/Calls.json",
      "GET /v1/status",
      ...JQ_BODY,
    ]);
    expect(f?.host).toBeUndefined();
  });

  it("names no host when the request is too far above", () => {
    const filler = Array.from({ length: 45 }, (_, i) => `line ${i}`);
    const f = first([
      "$ curl https://api.exotel.com/v1/Accounts/acme12/Calls/connect.json",
      ...filler,
      ...JQ_BODY,
    ]);
    expect(f?.id).toBe("http/429");
    expect(f?.host).toBeUndefined();
  });

  it("names no host for a body with no request above", () => {
    expect(first(JQ_BODY)?.host).toBeUndefined();
  });
});
