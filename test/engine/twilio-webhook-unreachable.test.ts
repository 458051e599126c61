// Twilio's error 11205 (HTTP connection failure): Twilio could not connect to the app's webhook at
// all, so its alert holds no HTTP status. The scan still names what failed: the webhook's host,
// with checks for a host Twilio cannot reach.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const found = (log: string) => scanText(catalog(), log).findings.map((f) => `${f.namespace}@${f.line}`);

const alert = (code: string, host: string) => ({
  account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  alert_text: `sourceComponent=14100&ErrorCode=${code}&url=https%3A%2F%2F${host}%2Fvoice&LogLevel=ERROR`,
  date_created: "2023-11-21T10:01:02Z",
  error_code: code,
  log_level: "error",
  request_url: `https://${host}/voice`,
});

const payload = (host: string) =>
  JSON.stringify({
    resource_sid: "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
    service_sid: null,
    error_code: "11205",
    more_info: { sourceComponent: "14100", ErrorCode: "11205" },
    webhook: {
      type: "application/json",
      request: { url: `https://${host}/voice`, method: "POST", headers: {}, parameters: {} },
      response: { status_code: null, headers: {}, body: null },
    },
  });

describe("Twilio's alert of a webhook it could not connect to (11205)", () => {
  it("names the webhook's host as the failing component of an Alerts API record", () => {
    const a = analysed(`${JSON.stringify(alert("11205", "hooks.example.com"))}\n`);
    expect(a.firstFailure).toMatchObject({
      namespace: "symptom",
      line: 1,
      timestamp: "2023-11-21T10:01:02Z",
    });
    expect(a.firstFailureLabel).toContain("Twilio could not connect to the webhook");
    expect(a.failingComponent).toContain(
      "hooks.example.com (your webhook, which Twilio could not connect to",
    );
    expect(a.checklist.join("\n")).toContain("firewall");
  });

  it("counts one record once, though alert_text repeats its error_code", () => {
    expect(found(JSON.stringify(alert("11205", "hooks.example.com")))).toEqual(["symptom@1"]);
  });

  it("reads the Debugger webhook's payload, plain, escaped inside the posted body, or form-encoded", () => {
    const inner = payload("app.example.net");
    expect(found(inner)).toEqual(["symptom@1"]);
    expect(found(JSON.stringify({ Level: "Error", Payload: inner }))).toEqual(["symptom@1"]);
    expect(found(new URLSearchParams({ Level: "Error", Payload: inner }).toString())).toEqual(["symptom@1"]);
    expect(analysed(inner).failingComponent).toContain("app.example.net");
  });

  it("reads alert_text's query alone", () => {
    expect(
      found("Msg=&sourceComponent=14100&ErrorCode=11205&url=https%3A%2F%2Fhooks.example.com%2Fvoice"),
    ).toEqual(["symptom@1"]);
  });

  it("counts each alert of a list", () => {
    const list = [alert("11205", "a.example.com"), alert("11205", "b.example.com")].map((r) =>
      JSON.stringify(r),
    );
    expect(found(list.join("\n"))).toEqual(["symptom@1", "symptom@2"]);
  });

  it("reads nothing from another error code or a number that only contains 11205", () => {
    expect(found(JSON.stringify(alert("11206", "hooks.example.com")))).toEqual([]);
    expect(found('{"error_code":"112050","order_id":11205}')).toEqual([]);
  });
});
