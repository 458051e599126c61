// A Twilio record pasted as the API returns it (an alert from the Monitor API, a resource of the 2010
// API) carries its own time in "date_created" (RFC 2822 in the 2010 API: "Tue, 21 Nov 2023 10:01:02
// +0000"). A line with no stamp of its own takes that time, also when the record is pretty-printed
// and the field comes below the failing member (Twilio lists members alphabetically). A record whose
// date_created is null takes its other time member: when the alert was generated, else updated.
// The Debugger webhook's event has its time in the Timestamp parameter it posts.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));

const alert = (status: number, path: string, created: string | null, updated: string) => ({
  account_sid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  alert_text: `Msg=Failed&sourceComponent=14100&ErrorCode=11200&httpResponse=${status}&url=https%3A%2F%2Fhooks.example.com%2F${path}&LogLevel=ERROR`,
  api_version: "2010-04-01",
  date_created: created,
  date_updated: updated,
  error_code: "11200",
  log_level: "error",
  request_url: `https://hooks.example.com/${path}`,
});

// The later alert first, as a list of alerts may be ordered.
const later = alert(502, "voice", "Tue, 21 Nov 2023 10:01:02 +0000", "Tue, 21 Nov 2023 10:01:02 +0000");
const earlier = alert(404, "status", "Tue, 21 Nov 2023 09:59:40 +0000", "Tue, 21 Nov 2023 09:59:40 +0000");

describe("a Twilio record's own time", () => {
  it("dates a one-line alert by its date_created, so the earlier alert is the first failure", () => {
    const a = analysed(`${JSON.stringify(later)}\n${JSON.stringify(earlier)}\n`);
    expect(a.firstFailure).toMatchObject({ code: 404, timestamp: "Tue, 21 Nov 2023 09:59:40 +0000" });
    expect(a.timeline.map((r) => r.label)).toEqual(["HTTP 404 Not Found", "HTTP 502 Bad Gateway"]);
  });

  it("dates a pretty-printed alert by the date_created below its alert_text", () => {
    const a = analysed(`${JSON.stringify([later, earlier], null, 2)}\n`);
    expect(a.firstFailure).toMatchObject({
      code: 404,
      line: 14,
      timestamp: "Tue, 21 Nov 2023 09:59:40 +0000",
    });
    expect(a.timeline.map((r) => r.label)).toEqual(["HTTP 404 Not Found", "HTTP 502 Bad Gateway"]);
  });

  it("takes date_updated when date_created is null", () => {
    const a = analysed(
      `${JSON.stringify(alert(503, "voice", null, "Tue, 21 Nov 2023 10:05:00 +0000"), null, 2)}\n`,
    );
    expect(a.firstFailure).toMatchObject({ code: 503, timestamp: "Tue, 21 Nov 2023 10:05:00 +0000" });
  });

  it("keeps the stamp of the log line that opens the record", () => {
    const a = analysed(`2023-11-21T10:07:00.000Z alert: ${JSON.stringify(later, null, 2)}\n`);
    expect(a.firstFailure?.timestamp).toBe("2023-11-21T10:07:00.000Z");
  });

  it("never takes the time of the next record", () => {
    const { date_created: _c, date_updated: _u, ...undated } = later;
    const a = analysed(`${JSON.stringify([undated, earlier], null, 2)}\n`);
    const first = a.timeline.find((r) => r.label === "HTTP 502 Bad Gateway");
    expect(first).toBeDefined();
    expect(a.firstFailure).toMatchObject({ code: 502 });
    expect(a.firstFailure?.timestamp).toBeUndefined();
  });

  it("dates a one-line alert whose date_created is null by its date_generated, not by the record above", () => {
    const undated = {
      ...alert(404, "status", null, "Tue, 21 Nov 2023 10:03:00 +0000"),
      date_generated: "2023-11-21T09:59:40Z",
    };
    const a = analysed(`${JSON.stringify(later)}\n${JSON.stringify(undated)}\n`);
    expect(a.firstFailure).toMatchObject({ code: 404, line: 2, timestamp: "2023-11-21T09:59:40Z" });
  });

  it("dates a one-line alert with only date_updated by it", () => {
    const a = analysed(
      `${JSON.stringify(later)}\n${JSON.stringify(alert(404, "status", null, "Tue, 21 Nov 2023 09:58:00 +0000"))}\n`,
    );
    expect(a.firstFailure).toMatchObject({ code: 404, timestamp: "Tue, 21 Nov 2023 09:58:00 +0000" });
  });

  it("keeps the stamp of a one-line record's own log line", () => {
    const a = analysed(
      `2023-11-21T10:07:00.000Z alert: ${JSON.stringify(alert(503, "voice", null, "Tue, 21 Nov 2023 10:05:00 +0000"))}\n`,
    );
    expect(a.firstFailure?.timestamp).toBe("2023-11-21T10:07:00.000Z");
  });
});

/** The parameters Twilio's Debugger webhook posts for one event, its payload a JSON string. */
const debuggerEvent = (status: number, timestamp: string) => ({
  AccountSid: "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  Level: "Error",
  Payload: JSON.stringify({
    resource_sid: "CA1b2c3d4e5f60718293a4b5c6d7e8f901",
    service_sid: null,
    error_code: "11200",
    more_info: {
      Msg: "Bad Gateway",
      sourceComponent: "14100",
      ErrorCode: "11200",
      httpResponse: String(status),
    },
    webhook: {
      type: "application/json",
      request: { url: "https://hooks.example.com/voice", method: "POST", headers: {}, parameters: {} },
      response: { status_code: status, headers: {}, body: "" },
    },
  }),
  PayloadType: "application/json",
  Sid: "NO0123456789abcdef0123456789abcdef",
  Timestamp: timestamp,
});

describe("a Debugger webhook event's time", () => {
  it("is its Timestamp in the parsed body an app logs", () => {
    const a = analysed(
      `debugger event: ${JSON.stringify(debuggerEvent(502, "2023-11-21T10:01:02.345Z"))}\ndebugger event: ${JSON.stringify(debuggerEvent(404, "2023-11-21T09:59:40.000Z"))}\n`,
    );
    expect(a.firstFailure).toMatchObject({ code: 404, line: 2, timestamp: "2023-11-21T09:59:40.000Z" });
  });

  it("is its Timestamp in the form body Twilio posts", () => {
    const body = new URLSearchParams(debuggerEvent(502, "2023-11-21T10:01:02.345Z")).toString();
    const a = analysed(`${body}\n`);
    expect(a.firstFailure).toMatchObject({ code: 502, timestamp: "2023-11-21T10:01:02.345Z" });
  });

  it("is its Timestamp below the payload in a pretty-printed body", () => {
    const a = analysed(`${JSON.stringify(debuggerEvent(503, "2023-11-21T10:01:02.345Z"), null, 2)}\n`);
    expect(a.firstFailure).toMatchObject({ code: 503, timestamp: "2023-11-21T10:01:02.345Z" });
  });
});
