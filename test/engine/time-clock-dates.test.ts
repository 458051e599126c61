// A time of day followed by its date, as Cisco IOS and AudioCodes write it ("03:20:01.123 UTC Tue
// Mar 5 2024"), orders findings by that date; a duration written like a clock ("dur 00:00:00") is
// never a finding's time.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { parseTimestamp } from "../../src/engine/scan/context.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("Cisco 'show call history voice brief'", () => {
  const call = (id: string, start: string, cause: string) => [
    `${id} : 1234 1187345ms.1 (*${start}) +3000 +0 pid:100 Answer 1001`,
    ` dur 00:00:00 tx:0/0 rx:0/0 ${cause}`,
    " IP 203.0.113.10:16384 SRTP: off rtt:0ms pl:0/0ms lost:0/0/0 delay:0/0/0ms g711ulaw",
  ];

  it("places each call's cause at the call's start, not at its duration", () => {
    const out = scanText(
      catalog(),
      [
        "CUBE#show call history voice brief",
        ...call("1A4B", "03:20:01.123 UTC Tue Mar 5 2024", "11  (user busy (17))"),
        ...call("1A4C", "03:21:07.500 UTC Tue Mar 5 2024", "22  (no circuit (34))"),
      ].join("\n"),
    );
    expect(out.findings.map((f) => `${f.code} ${f.timestamp}`)).toEqual([
      "17 03:20:01.123 UTC Tue Mar 5 2024",
      "34 03:21:07.500 UTC Tue Mar 5 2024",
    ]);
  });

  it("orders calls by their date, so a call before midnight comes first", () => {
    const a = run(
      [
        ...call("1A4C", "00:00:04.000 UTC Wed Mar 6 2024", "22  (no circuit (34))"),
        ...call("1A4B", "23:59:58.000 UTC Tue Mar 5 2024", "11  (user busy (17))"),
      ].join("\n"),
    );
    expect(a.firstFailureLabel).toBe("Q.850 cause 17 User busy");
    expect(a.timeline.map((t) => t.timestamp)).toEqual([
      "23:59:58.000 UTC Tue Mar 5 2024",
      "00:00:04.000 UTC Wed Mar 6 2024",
    ]);
  });
});

describe("AudioCodes CDR release times", () => {
  const header =
    "|CDR_TYPE |SBCReportType |SIPCallId |SetupTime |ConnectTime |ReleaseTime |SIPTrmReason |SIPTermDesc";
  const row = (id: string, release: string, code: string) =>
    `|CALL_END |CDR |${id}@10.0.0.5 | | |${release} |${code}`;

  it("keep their date, so rows either side of midnight stay in order", () => {
    const out = scanText(
      catalog(),
      [
        header,
        row("a2", "00:00:02.200  UTC Tue Mar 05 2024", "486 |Busy Here"),
        row("a1", "23:59:59.200  UTC Mon Mar 04 2024", "503 |Service Unavailable"),
      ].join("\n"),
    );
    expect(out.findings.map((f) => `${f.code} ${f.tsMs}`)).toEqual([
      `486 ${Date.UTC(2024, 2, 5, 0, 0, 2, 200)}`,
      `503 ${Date.UTC(2024, 2, 4, 23, 59, 59, 200)}`,
    ]);
    expect(analyze(catalog(), out).firstFailure?.code).toBe(503);
  });
});

describe("clock-like numbers", () => {
  it("take the date written after a time", () => {
    expect(parseTimestamp("23:59:59.200  UTC Mon Mar 04 2024")).toEqual({
      text: "23:59:59.200 UTC Mon Mar 04 2024",
      ms: Date.UTC(2024, 2, 4, 23, 59, 59, 200),
    });
    expect(parseTimestamp("(*03:20:01.123 UTC Tue Mar 5 2024)")?.ms).toBe(
      Date.UTC(2024, 2, 5, 3, 20, 1, 123),
    );
  });

  it("are no time when they are a duration", () => {
    expect(parseTimestamp(" dur 00:00:05 tx:0/0 rx:0/0 11  (user busy (17))")).toBeUndefined();
    expect(parseTimestamp("CallDuration=00:01:05 sec")).toBeUndefined();
    expect(parseTimestamp("dur 00:00:05 at 10:15:20.101")?.text).toBe("10:15:20.101");
  });

  it("keep a time of day without a date as it was", () => {
    expect(parseTimestamp("10:15:20.101 call failed")).toEqual({ text: "10:15:20.101", ms: 36_920_101 });
  });
});
