// Dates in syslog, Asterisk and ctime stamps count when ordering findings, the shown time keeps
// the date, and time-only logs that cross midnight keep their order.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { parseTimestamp } from "../../src/engine/scan/context.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("timestamps with a date", () => {
  it("orders syslog lines by day, so May 2 comes before May 3", () => {
    const a = run(
      [
        "May  2 02:00:00 pbx kamailio[123]: SIP/2.0 503 Service Unavailable",
        "May  3 01:00:00 pbx kamailio[123]: SIP/2.0 408 Request Timeout",
      ].join("\n"),
    );
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
    expect(a.timeline.map((t) => t.timestamp)).toEqual(["May  2 02:00:00", "May  3 01:00:00"]);
  });

  it("keeps the date of an Asterisk [May  2 01:00:00] stamp in what it shows", () => {
    const a = run(
      [
        '[May  3 00:30:00] WARNING[1]: chan_sip.c: Got SIP response 408 "Request Timeout" back from 10.0.0.9:5060',
        '[May  2 01:00:00] WARNING[1]: chan_sip.c: Got SIP response 503 "Service Unavailable" back from 10.0.0.9:5060',
      ].join("\n"),
    );
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
    expect(a.timeline[0]?.timestamp).toBe("May  2 01:00:00");
    expect(a.summary).toContain("May  2 01:00:00");
  });

  it("reads a year after the day, after a ctime time, and in bracketed ISO dates", () => {
    const at = (line: string) => parseTimestamp(line);
    expect(at("May  2 2024 02:00:00 pbx app: x")).toMatchObject({ text: "May  2 2024 02:00:00" });
    expect(at("May  2 2024 02:00:00 x")?.ms).toBe(Date.UTC(2024, 4, 2, 2));
    expect(at("Mon May  2 02:00:00 2024 x")?.ms).toBe(Date.UTC(2024, 4, 2, 2));
    expect(at("[2024-05-02 10:00:00] x")).toMatchObject({ text: "2024-05-02 10:00:00" });
    expect(at("2025/06/25 13:04:53 INFO x")?.ms).toBe(Date.UTC(2025, 5, 25, 13, 4, 53));
    // A number after a syslog time is the log's own (a pid, a port), not a year.
    expect(at("May  2 02:00:00 5060 x")?.text).toBe("May  2 02:00:00");
  });

  it("orders a year-less date before a later one in the same year", () => {
    const may = parseTimestamp("May 31 23:00:00 h")?.ms ?? 0;
    const june = parseTimestamp("Jun  1 00:10:00 h")?.ms ?? 0;
    expect(june - may).toBe(70 * 60 * 1000);
  });

  it("orders a year-less log that runs from December into January", () => {
    const a = run(
      [
        "Dec 31 23:59:00 pbx kamailio[1]: SIP/2.0 503 Service Unavailable",
        "Jan  1 00:01:00 pbx kamailio[1]: SIP/2.0 408 Request Timeout",
      ].join("\n"),
    );
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
  });
});

describe("time-only stamps", () => {
  it("puts lines after midnight after the ones before it", () => {
    const a = run(
      [
        "23:59:59.900 recv SIP/2.0 503 Service Unavailable",
        "00:00:00.100 recv SIP/2.0 408 Request Timeout",
      ].join("\n"),
    );
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
    expect(a.timeline.map((t) => t.timestamp)).toEqual(["23:59:59.900", "00:00:00.100"]);
  });

  it("still puts an earlier time first when the jump back is small", () => {
    const a = run(
      ["10:00:05.000 SIP/2.0 408 Request Timeout", "10:00:01.000 SIP/2.0 503 Service Unavailable"].join("\n"),
    );
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
  });

  it("keeps line order for lines without any stamp", () => {
    const a = run(["SIP/2.0 486 Busy Here", "SIP/2.0 503 Service Unavailable"].join("\n\n"));
    expect(a.timeline.map((t) => t.label)).toEqual(["SIP 486 Busy Here", "SIP 503 Service Unavailable"]);
  });
});
