// The Webex JavaScript SDK's HTTP errors carry no number: the status is the error class's name
// (`WebexHttpError.TooManyRequests`), and the request's method and URL follow on the next lines.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const run = (...lines: string[]) => analyze(catalog(), scan(...lines));

const TRACKING = "webex-js-sdk_b5812e58-7246-4a9b-bf64-831bdf13b0cd_31";
const rateLimited = [
  "2025-03-11T09:14:03.120Z ERROR WebexHttpError.TooManyRequests: Too Many Requests",
  `TRACKING ID: ${TRACKING}`,
  "POST https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/device",
  `WEBEX_TRACKING_ID: ${TRACKING}`,
  "    at WebexHttpError.parse (webex-http-error.js:60:12)",
];

describe("a Webex SDK HTTP error named by its class", () => {
  it("is the status the class names, from the host of the request below it", () => {
    const a = run(...rateLimited);
    // The request went to Mobius: its 429, as the console's form of the same answer reads.
    expect(a.firstFailure).toMatchObject({ namespace: "mobius", code: 429, line: 1 });
    expect(a.firstFailure?.host).toBe("mobius-us-east-1.prod.infra.webex.com");
    expect(a.failingComponent).toMatch(/^mobius-us-east-1\.prod\.infra\.webex\.com — /);
    const api = run(rateLimited[0] as string, "POST https://webexapis.com/v1/messages");
    expect(api.firstFailure).toMatchObject({ namespace: "http", code: 429, host: "webexapis.com" });
    expect(api.checklist[0]).toMatch(/Retry-After/);
  });

  it("reads the older SparkHttpError and a class named after an older reason phrase", () => {
    expect(scan("SparkHttpError.NotFound: Not Found").findings.map((f) => f.code)).toEqual([404]);
    const big = scan("Unhandled rejection WebexHttpError.RequestEntityTooLarge: Payload Too Large");
    expect(big.findings.map((f) => f.code)).toEqual([413]);
  });

  it("reads no status from a class name that is none, or from the stack frame", () => {
    expect(scan("WebexHttpError.SomethingWentWrong: oops").findings).toEqual([]);
    expect(scan("    at WebexHttpError.parse (webex-http-error.js:60:12)").findings).toEqual([]);
  });

  it("names no host when the message's request line is not right below", () => {
    const [f] = scan(rateLimited[0] as string, "", "GET https://other.example.com/x").findings;
    expect([f?.code, f?.host]).toEqual([429, undefined]);
  });

  it("reads the request line after an escaped line break when a JSON logger wrote the message", () => {
    const json = String.raw`{"level":"error","message":"WebexHttpError.ServiceUnavailable: Service Unavailable\nPOST https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/devices\nWEBEX_TRACKING_ID: ${TRACKING}"}`;
    const a = run(json);
    expect(a.firstFailure).toMatchObject({ code: 503, host: "mobius-us-east-1.prod.infra.webex.com" });
    expect(a.failingComponent).toMatch(/^mobius-us-east-1\.prod\.infra\.webex\.com — /);
  });

  it("reads no other URL of a JSON-written message, nor the next log line's", () => {
    const stackOnly = String.raw`{"message":"WebexHttpError.ServiceUnavailable: Service Unavailable\n    at https://app.example.com/main.js:1:2"}`;
    const [f] = scan(stackOnly, "POST https://other.example.com/x").findings;
    expect([f?.code, f?.host]).toEqual([503, undefined]);
  });
});
