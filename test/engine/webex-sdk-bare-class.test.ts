// The Webex SDK's error printed by its class name alone ("TooManyRequests: …", the request on
// the next line): the class name is the HTTP status, the request line names the host.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (...lines: string[]) => scanText(catalog(), lines.join("\n"));
const found = (...lines: string[]) =>
  scan(...lines).findings.map((f) => [f.line, f.namespace, f.code, f.subcode, f.host ?? null]);

describe("the Webex SDK's error printed by its class name alone", () => {
  it("is an HTTP 429 from the host of the request line below it", () => {
    expect(
      found(
        "2024-05-01T10:00:01.123Z ERROR TooManyRequests: An error was received while trying to fulfill the request",
        "POST https://webexapis.com/v1/messages",
        "WEBEX_TRACKING_ID: webex-js-sdk_abc_12",
      ),
    ).toEqual([[1, "http", 429, null, "webexapis.com"]]);
  });

  it("pasted at the start of a line is no header: the host is the side that answered", () => {
    const a = analyze(
      catalog(),
      scan("TooManyRequests: Too Many Requests", "GET https://u2c.wbx2.com/u2c/api/v1/catalog"),
    );
    expect(a.failingComponent).toMatch(/^u2c\.wbx2\.com — /);
  });

  it("repeated word for word, takes each time the host of its own request", () => {
    expect(
      found(
        "TooManyRequests: Too Many Requests",
        "POST https://webexapis.com/v1/messages",
        "WEBEX_TRACKING_ID: a_1",
        "TooManyRequests: Too Many Requests",
        "GET https://u2c.wbx2.com/u2c/api/v1/catalog",
        "WEBEX_TRACKING_ID: a_2",
      ),
    ).toEqual([
      [1, "http", 429, null, "webexapis.com"],
      [4, "http", 429, null, "u2c.wbx2.com"],
    ]);
  });

  it("is read once behind the class prefix, and a one-word name in prose is not read", () => {
    expect(found("WebexHttpError.TooManyRequests: Too Many Requests")).toEqual([
      [1, "http", 429, null, null],
    ]);
    expect(found("Forbidden: you may not change this setting")).toEqual([]);
  });
});
