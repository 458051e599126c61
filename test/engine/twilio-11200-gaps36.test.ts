// Twilio's error 11200 (HTTP retrieval failure): an alert that records no HTTP status is the
// symptom "Twilio could not get a usable answer from the webhook", naming the webhook's host; one
// that records a status is that status, also when a pretty-printed record gives it far below.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const RETRIEVAL = "symptom/twilio-webhook-retrieval-failed";
const HOST = "hooks.example.com (your webhook, which gave Twilio no usable answer)";
const found = (log: string) =>
  scanText(catalog(), log).findings.map((f) => [
    f.line,
    f.namespace === "symptom" ? f.id : `${f.namespace}/${f.code}`,
    f.dependency ?? f.host ?? null,
  ]);
const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

const alert = (text = "") => ({
  account_sid: "AC3e9f2c1b0a8d7e6f5a4b3c2d1e0f9a8b",
  alert_text: `Msg=HTTP+retrieval+failure&sourceComponent=14100&ErrorCode=11200${text}&url=https%3A%2F%2Fhooks.example.com%2Fvoice&LogLevel=ERROR`,
  date_created: "2023-11-21T10:01:02Z",
  error_code: "11200",
  log_level: "error",
  request_method: "POST",
  request_url: "https://hooks.example.com/voice",
  sid: "NOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  url: "https://monitor.twilio.com/v1/Alerts/NOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
});

const payload = (httpResponse: string | null, statusCode: number | null) => ({
  resource_sid: "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
  service_sid: null,
  error_code: "11200",
  more_info: {
    Msg: "An attempt to retrieve content returned an error",
    sourceComponent: "14100",
    ErrorCode: "11200",
    EmailNotification: "false",
    LogLevel: "ERROR",
    ...(httpResponse ? { httpResponse } : {}),
    url: "https://hooks.example.com/voice",
  },
  webhook: {
    type: "application/json",
    request: {
      url: "https://hooks.example.com/voice",
      method: "POST",
      headers: {},
      parameters: { CallSid: "CA1" },
    },
    response: { status_code: statusCode, headers: {}, body: null },
  },
});

describe("a Twilio 11200 alert with no HTTP status", () => {
  it("is the retrieval symptom with the webhook's host, as the Alerts API returns it on one line", () => {
    expect(found(JSON.stringify(alert()))).toEqual([[1, RETRIEVAL, HOST]]);
  });

  it("counts a pretty-printed alert once, on its first member with the code", () => {
    expect(found(pretty(alert()))).toEqual([[3, RETRIEVAL, HOST]]);
  });

  it("reads the Debugger payload, one-line, pretty-printed or form-encoded", () => {
    expect(found(JSON.stringify(payload(null, null)))).toEqual([[1, RETRIEVAL, HOST]]);
    expect(found(pretty(payload(null, null)))).toEqual([[4, RETRIEVAL, HOST]]);
    const form = `AccountSid=AC3e9f2c1b0a8d7e6f5a4b3c2d1e0f9a8b&Level=ERROR&Payload=${encodeURIComponent(JSON.stringify(payload(null, null)))}`;
    expect(found(form)).toEqual([[1, RETRIEVAL, HOST]]);
  });

  it("names the webhook as the failing component, with the checks for a fetch that got no usable answer", () => {
    const a = analyze(catalog(), scanText(catalog(), JSON.stringify(alert())));
    expect(a.firstFailure).toMatchObject({ namespace: "symptom", line: 1 });
    expect(JSON.stringify(a.failingComponent)).toContain("hooks.example.com");
    expect(catalog().byId.get(RETRIEVAL)?.checks.join(" ")).toContain("Content-Type");
  });

  it("counts two alerts on one line as two failures", () => {
    expect(found(JSON.stringify([alert(), alert()]))).toHaveLength(2);
  });

  it("names no host when the alert names no webhook URL", () => {
    expect(found('{"error_code":"11200","alert_text":"Msg=&ErrorCode=11200&LogLevel=ERROR"}')).toEqual([
      [1, RETRIEVAL, null],
    ]);
  });
});

describe("a Twilio 11200 alert that records a status", () => {
  it("keeps the status it records on one line", () => {
    expect(found(JSON.stringify(alert("&httpResponse=502")))).toEqual([[1, "http/502", "hooks.example.com"]]);
    expect(found(JSON.stringify(payload(null, 502)))).toEqual([[1, "http/502", "hooks.example.com"]]);
  });

  it("keeps it once when pretty-printed with the status in alert_text", () => {
    expect(found(pretty(alert("&httpResponse=502")))).toEqual([[3, "http/502", "hooks.example.com"]]);
  });

  it("reads a pretty-printed payload's httpResponse many lines below its error code", () => {
    expect(found(pretty(payload("500", 500)))).toEqual([[4, "http/500", "hooks.example.com"]]);
  });

  it("reads a pretty-printed payload's webhook response status_code when more_info has none", () => {
    expect(found(pretty(payload(null, 503)))).toEqual([[4, "http/503", "hooks.example.com"]]);
  });

  it("never takes the status of the next record", () => {
    const log = pretty(payload(null, null)) + pretty(payload("500", 500));
    const next = pretty(payload(null, null)).split("\n").length - 1;
    expect(found(log)).toEqual([
      [4, RETRIEVAL, HOST],
      [next + 4, "http/500", "hooks.example.com"],
    ]);
  });
});
