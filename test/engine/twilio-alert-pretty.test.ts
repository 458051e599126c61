// A Twilio alert of error 11205 printed one member a line (`curl … | jq .`) is still one alert:
// its error_code and its alert_text's ErrorCode=11205 name the same failure, and the failing
// component is the webhook's real host, or no host at all when the record names none.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const record = (host?: string) => ({
  account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  alert_text: `Msg=Connection+refused&sourceComponent=12000&ErrorCode=11205${host ? `&url=https%3A%2F%2F${host}%2Fvoice` : ""}&LogLevel=ERROR`,
  api_version: "2010-04-01",
  date_created: null,
  date_generated: "2023-11-21T10:05:00Z",
  date_updated: "2023-11-21T10:05:03Z",
  error_code: "11205",
  log_level: "error",
  more_info: "https://www.twilio.com/docs/errors/11205",
  request_method: "POST",
  ...(host ? { request_url: `https://${host}/voice` } : {}),
  sid: "NOcccccccccccccccccccccccccccccccc",
  url: "https://monitor.twilio.com/v1/Alerts/NOcccccccccccccccccccccccccccccccc",
});

const pretty = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const symptoms = (log: string) =>
  scanText(catalog(), log)
    .findings.filter((f) => f.namespace === "symptom")
    .map((f) => f.line);
const component = (log: string) =>
  JSON.stringify(analyze(catalog(), scanText(catalog(), log)).failingComponent);

describe("a pretty-printed Twilio 11205 alert", () => {
  it("is one symptom, naming the webhook's host alone", () => {
    const log = pretty(record("hooks.example.com"));
    expect(symptoms(log)).toEqual([3]);
    expect(component(log)).toContain("hooks.example.com");
    expect(component(log)).not.toMatch(/Your webhook's host/);
  });

  it("shows no made-up host when the record names none", () => {
    const log = pretty(record());
    expect(symptoms(log)).toEqual([3]);
    expect(component(log)).not.toMatch(/Your webhook's host/);
  });

  it("counts each alert of a pretty-printed list once, each with its own host", () => {
    const log = pretty({ alerts: [record("hooks.example.com"), record("other.example.net")] });
    expect(symptoms(log)).toHaveLength(2);
    expect(component(log)).toContain("hooks.example.com");
    expect(component(log)).toContain("other.example.net");
  });

  it("counts a pretty-printed Debugger payload's error_code and more_info.ErrorCode once", () => {
    const log = pretty({
      resource_sid: "CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
      service_sid: null,
      error_code: "11205",
      more_info: { Msg: "Connection refused", ErrorCode: "11205", LogLevel: "ERROR" },
    });
    expect(symptoms(log)).toHaveLength(1);
  });

  it("still counts two one-line alerts twice", () => {
    const line = `${JSON.stringify(record("hooks.example.com"))}\n`;
    expect(symptoms(line + line)).toHaveLength(2);
  });
});
