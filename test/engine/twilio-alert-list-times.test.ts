// The Alerts API's list (`{"alerts":[…],"meta":{…}}`) pasted on one line: each alert is dated by
// its own date_created, so the earliest alert is the first failure and names its own webhook.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const alert = (host: string, time: string, code: string, status?: number, generated = time) => ({
  alert_text: `sourceComponent=14100&ErrorCode=${code}${status ? `&httpResponse=${status}` : ""}&url=https%3A%2F%2F${host}%2Fvoice`,
  date_created: time,
  date_generated: generated,
  error_code: code,
  request_url: `https://${host}/voice`,
});
const list = (...alerts: object[]) =>
  JSON.stringify({ alerts, meta: { key: "alerts", page: 0, url: "https://monitor.twilio.com/v1/Alerts" } });

describe("Twilio alert lists on one line", () => {
  it("date each alert by its own date_created", () => {
    const line = list(
      alert("ivr.example.com", "2023-11-21T10:01:02Z", "11200", 502),
      alert("status.example.com", "2023-11-21T10:05:40Z", "11205"),
    );
    const times = scanText(catalog(), line)
      .findings.map((f) => f.timestamp)
      .sort();
    expect(times).toEqual(["2023-11-21T10:01:02Z", "2023-11-21T10:05:40Z"]);
  });

  it("use the alert's date_generated when its date_created is null", () => {
    const late = {
      ...alert("sms.example.com", "", "11205", undefined, "2023-11-21T10:07:00Z"),
      date_created: null,
    };
    const line = list(alert("ivr.example.com", "2023-11-21T10:01:02Z", "11200", 502), late);
    const times = scanText(catalog(), line)
      .findings.map((f) => f.timestamp)
      .sort();
    expect(times).toEqual(["2023-11-21T10:01:02Z", "2023-11-21T10:07:00Z"]);
  });

  it("name the earliest alert's webhook as the failing component, whatever the list's order", () => {
    const line = list(
      alert("sms.example.com", "2023-11-21T10:03:00Z", "11200"),
      alert("ivr.example.com", "2023-11-21T10:01:02Z", "11200", 502),
    );
    const result = analyze(catalog(), scanText(catalog(), line));
    expect(result.firstFailure?.host).toBe("ivr.example.com");
    // The later alert keeps its own webhook and its own symptom.
    const hosts = scanText(catalog(), line).findings.map((f) => [f.code, f.host ?? f.dependency]);
    expect(hosts).toContainEqual([0, "sms.example.com (your webhook, which gave Twilio no usable answer)"]);
  });
});
