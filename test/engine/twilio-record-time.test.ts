// A Twilio record pasted as the API returns it (an alert from the Monitor API, a resource of the 2010
// API) carries its own time in "date_created" (RFC 2822 in the 2010 API: "Tue, 21 Nov 2023 10:01:02
// +0000"). A line with no stamp of its own takes that time, also when the record is pretty-printed
// and the field comes below the failing member (Twilio lists members alphabetically).
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
});
