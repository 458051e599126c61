// Twilio's alerts printed as a JSON array on one line: each alert is its own failure, though its
// error code is the same as the one before it.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const alert = (sid: string, time: string, code: string, status?: number) => ({
  sid: `NO${sid.repeat(32)}`,
  alert_text: `sourceComponent=14100&ErrorCode=${code}${status ? `&httpResponse=${status}` : ""}&url=https%3A%2F%2Fhooks.example.com%2Fvoice`,
  date_created: time,
  error_code: code,
});
const found = (log: string) =>
  scanText(catalog(), log).findings.map((f) => [f.line, f.namespace, f.code, f.dependency ?? null]);

describe("Twilio alerts on one line", () => {
  it("count two 11205 alerts as two failures", () => {
    const line = JSON.stringify([
      alert("a", "2023-11-21T10:01:02Z", "11205"),
      alert("b", "2023-11-21T10:02:02Z", "11205"),
    ]);
    const dep = "hooks.example.com (your webhook, which Twilio could not connect to)";
    expect(found(line)).toEqual([
      [1, "symptom", 0, dep],
      [1, "symptom", 0, dep],
    ]);
  });

  it("count two 11200 alerts with the same status as two failures", () => {
    const line = JSON.stringify([
      alert("a", "2023-11-21T10:01:02Z", "11200", 502),
      alert("b", "2023-11-21T10:02:02Z", "11200", 502),
    ]);
    expect(found(line).map((f) => f.slice(0, 3))).toEqual([
      [1, "http", 502],
      [1, "http", 502],
    ]);
  });

  it("still count one alert once", () => {
    expect(found(JSON.stringify(alert("a", "2023-11-21T10:01:02Z", "11205")))).toHaveLength(1);
  });
});
