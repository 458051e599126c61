// An API error captured with `curl -i` or `curl -v`: the status line, headers, then the body, which
// restates the status. One rejected request is one finding, and the host of the request printed
// above it is the server that answered.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const JSON_BODY = [
  "{",
  '  "RestException": {',
  '    "Status": 429,',
  '    "Message": "Too many requests"',
  "  }",
  "}",
];

describe("a curl capture of an API error", () => {
  it("counts a status line and its pretty-printed JSON body once, from the request's host", () => {
    const a = run([
      "$ curl -i -X POST https://api.exotel.com/v1/Accounts/acme1/Calls/connect.json",
      "HTTP/1.1 429 Too Many Requests",
      "Content-Type: application/json",
      "",
      ...JSON_BODY,
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.timeline.filter((r) => r.id === "http/429")).toMatchObject([{ count: 1, firstLine: 2 }]);
    expect(a.failingComponent).toMatch(/^api\.exotel\.com \(Exotel's API\)/);
  });

  it("does the same under curl -v, naming the Host header's server", () => {
    const a = run([
      "> POST /v1/Accounts/acme1/Calls/connect.json HTTP/1.1",
      "> Host: api.exotel.com",
      ">",
      "< HTTP/1.1 429 Too Many Requests",
      "< Content-Type: application/json",
      "<",
      ...JSON_BODY,
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.failingComponent).toMatch(/^api\.exotel\.com \(Exotel's API\)/);
  });

  it("names the host under curl -i with an XML body", () => {
    const a = run([
      "$ curl -i -X POST https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.xml",
      "HTTP/1.1 401 UNAUTHORIZED",
      'WWW-Authenticate: Basic realm="Twilio API"',
      "",
      "<TwilioResponse>",
      "  <RestException>",
      "    <Status>401</Status>",
      "  </RestException>",
      "</TwilioResponse>",
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.failingComponent).toMatch(/^api\.twilio\.com \(Twilio's REST API\)/);
  });

  it("names the host of a one-line XML error body under a plain curl line", () => {
    const a = run([
      "$ curl -s -X POST https://api.exotel.com/v1/Accounts/acme1/Calls/connect",
      "<TwilioResponse><RestException><Status>403</Status><Message>Not allowed</Message></RestException></TwilioResponse>",
    ]);
    expect(a.failingComponent).toMatch(/^api\.exotel\.com \(Exotel's API\)/);
  });

  it("still counts a later body that no status line printed", () => {
    const a = run([
      "HTTP/1.1 429 Too Many Requests",
      "",
      ...JSON_BODY,
      "$ curl -s -X POST https://api.exotel.com/v1/Accounts/acme1/Calls/connect.json",
      ...JSON_BODY,
    ]);
    expect(a.counts.findings).toBe(2);
  });
});
