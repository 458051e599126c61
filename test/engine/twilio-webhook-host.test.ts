// Twilio's 11200 alert: the status came from the customer's own webhook, so the answer names that
// host and gives webhook checks; the Debugger webhook's payload is read as apps log it too (the
// form-encoded body Twilio POSTs, or the parsed body with Payload as an escaped JSON string).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));

const payload = JSON.stringify({
  resource_sid: "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
  error_code: "11200",
  more_info: {
    Msg: "Bad Gateway",
    ErrorCode: "11200",
    httpResponse: "502",
    url: "https://hooks.example.com/voice",
  },
  webhook: {
    request: { url: "https://hooks.example.com/voice", method: "POST", headers: {}, parameters: {} },
    response: { status_code: 502, headers: {}, body: "<html>502 Bad Gateway</html>" },
  },
});
const event = { AccountSid: "AC3e9f2c1b0a8d7e6f5a4b3c2d1e0f9a8b", Level: "ERROR", Payload: payload };

const pretty = [
  "{",
  '  "alert_text": "Msg=Not+Found&sourceComponent=14100&ErrorCode=11200&httpResponse=404&url=https%3A%2F%2Fhooks.example.com%2Fvoice%2Fincomingg&LogLevel=ERROR",',
  '  "error_code": "11200",',
  '  "request_method": "POST",',
  '  "request_url": "https://hooks.example.com/voice/incomingg",',
  '  "url": "https://monitor.twilio.com/v1/Alerts/NO5a7a84730f529f0a76b3e30c01315d1a"',
  "}",
].join("\n");

describe("Twilio's alert of a failed webhook", () => {
  it("names the webhook's host as the failing component, with webhook checks", () => {
    const a = analysed(pretty);
    expect(a.firstFailure).toMatchObject({ code: 404, host: "hooks.example.com" });
    expect(a.failingComponent).toMatch(/^hooks\.example\.com \(your webhook/);
    expect(a.checklist.join("\n")).toMatch(/webhook URL Twilio requested/);
    expect(a.checklist.join("\n")).not.toMatch(/resource id/);
  });

  it("takes request_url when alert_text names no url, never the alert's own monitor.twilio.com url", () => {
    const a = analysed(pretty.replace(/&url=[^&]+/, ""));
    expect(a.firstFailure?.host).toBe("hooks.example.com");
  });

  it("reads the Debugger payload logged as an escaped JSON string", () => {
    const a = analysed(`2024-03-05T04:10:02.114Z info: twilio debugger webhook ${JSON.stringify(event)}`);
    expect(a.firstFailure).toMatchObject({ namespace: "http", code: 502, host: "hooks.example.com" });
    expect(a.counts.findings).toBe(1);
  });

  it("reads the Debugger webhook's form-encoded body", () => {
    const body = new URLSearchParams(event).toString();
    const a = analysed(`2024-03-05T04:10:02.114Z POST /twilio/debugger body: ${body}`);
    expect(a.firstFailure).toMatchObject({ namespace: "http", code: 502, host: "hooks.example.com" });
    expect(a.counts.findings).toBe(1);
  });
});
