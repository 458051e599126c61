// Twilio's records of a webhook that failed (error 11200): the Alerts API's alert_text and the
// Debugger webhook's payload carry the HTTP status the app's server answered Twilio with; that
// status is the one number that says what broke, and one payload gives it once.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const codes = (log: string) =>
  scanText(catalog(), log).findings.map((f) => `${f.namespace}/${f.code}@${f.line}`);

const alert = (status: number) =>
  JSON.stringify({
    account_sid: "AC3e9f2c1b0a8d7e6f5a4b3c2d1e0f9a8b",
    alert_text: `Msg=Bad+Gateway&sourceComponent=14100&ErrorCode=11200&httpResponse=${status}&url=https%3A%2F%2Fhooks.example.com%2Fvoice&LogLevel=ERROR`,
    error_code: "11200",
    log_level: "error",
    request_method: "POST",
    request_url: "https://hooks.example.com/voice",
  });

const payload = (moreInfo: string, status: number | null) =>
  JSON.stringify({
    resource_sid: "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
    service_sid: null,
    error_code: "11200",
    more_info: { Msg: "Bad Gateway", sourceComponent: "14100", ErrorCode: "11200", httpResponse: moreInfo },
    webhook: {
      type: "application/json",
      request: { url: "https://hooks.example.com/voice", method: "POST", headers: {}, parameters: {} },
      response: {
        status_code: status,
        headers: { "Content-Type": "text/html" },
        body: "<html><body>502 Bad Gateway</body></html>",
      },
    },
  });

describe("Twilio's alert of a failed webhook", () => {
  it("reads the Alerts API's alert_text as the HTTP status the webhook answered", () => {
    const a = analysed(alert(502));
    expect(a.firstFailure).toMatchObject({ namespace: "http", code: 502, line: 1 });
    expect(a.counts.findings).toBe(1);
  });

  it("reads a debugger payload's answer once, though more_info and the webhook's response both give it", () => {
    expect(codes(payload("502", 502))).toEqual(["http/502@1"]);
  });

  it("keeps the webhook's own status when it differs from more_info's", () => {
    expect(codes(payload("502", 404))).toEqual(["http/502@1", "http/404@1"]);
  });

  it("reads more_info's status when the webhook got no answer (status_code null)", () => {
    expect(codes(payload("502", null))).toEqual(["http/502@1"]);
  });

  it("counts each alert of a list once", () => {
    expect(codes([alert(502), alert(500)].join("\n"))).toEqual(["http/502@1", "http/500@2"]);
  });

  it("reads nothing from a status_code outside Twilio's alert records", () => {
    expect(codes('{"response":{"status_code":502},"service":"billing"}')).toEqual([]);
  });
});
