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

describe("fractions of a second and JSON time fields", () => {
  const at = (line: string) => parseTimestamp(line);

  it("keeps the fraction when a ':' ends the time (FreeSWITCH siptrace)", () => {
    expect(at("recv 712 bytes from udp/[10.0.0.9]:5060 at 12:30:00.950002:")).toMatchObject({
      text: "12:30:00.950002",
      ms: (12 * 3600 + 30 * 60) * 1000 + 950,
    });
    // Cisco's "00:11:29: //-1/…" is a time too; a fourth number is not ("10:20:30:40").
    expect(at("00:11:29: //-1/xxxxxxxxxxxx/SIP/Msg/ccsipDisplayMsg:")?.text).toBe("00:11:29");
    expect(at("frames 10:20:30:40 x")).toBeUndefined();
  });

  it("does not take the first octet of an address after a comma as milliseconds (CSV rows)", () => {
    expect(at("2024-03-01 17:30:10,10.0.0.8,503")?.text).toBe("2024-03-01 17:30:10");
    expect(at("2024-03-01 17:30:10,123 ERROR call failed")?.text).toBe("2024-03-01 17:30:10,123");
  });

  it("reads milliseconds after a ':' (Linphone, SIPp)", () => {
    expect(at("2024-05-14 15:00:00:101 belle-sip-message-Received [612] new bytes")).toMatchObject({
      text: "2024-05-14 15:00:00:101",
      ms: Date.UTC(2024, 4, 14, 15, 0, 0, 101),
    });
    expect(at("10:02:11:418 Aborting call on unexpected message")?.text).toBe("10:02:11:418");
  });

  it("keeps the date of SIPp's error log, whose date, time and epoch are separated by tabs", () => {
    expect(
      at("2024-03-05\t03:20:01.123456\t1709608801.123456: Aborting call on unexpected message"),
    ).toMatchObject({
      text: "2024-03-05 03:20:01.123456",
      ms: Date.UTC(2024, 2, 5, 3, 20, 1, 123),
    });
    // Older SIPp: milliseconds after a ':'; tabs pasted as spaces.
    expect(at("2024-05-14      10:02:11:418    1715680931.418713: Aborting call")).toMatchObject({
      text: "2024-05-14 10:02:11:418",
      ms: Date.UTC(2024, 4, 14, 10, 2, 11, 418),
    });
  });

  it("finds a JSON time field anywhere in the line when the head has no stamp", () => {
    const vonage = `{"from":"14155550123","to":"12125550188","uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","status":"failed","direction":"outbound","timestamp":"2024-05-14T16:12:00.000Z","sip_code":480}`;
    expect(at(vonage)).toMatchObject({ text: "2024-05-14T16:12:00.000Z", ms: Date.UTC(2024, 4, 14, 16, 12) });
    expect(at(`{"level":30,"pid":7,"@timestamp":"2024-05-14 16:12:00.250"}`)?.ms).toBe(
      Date.UTC(2024, 4, 14, 16, 12, 0, 250),
    );
  });

  it("reads epoch milliseconds (pino, jambonz) and epoch seconds with a fraction", () => {
    expect(at(`{"level":50,"time":1715700000123,"msg":"call failed","sip_status":486}`)).toEqual({
      text: "2024-05-14T15:20:00.123Z",
      ms: 1715700000123,
    });
    expect(at(`{"ts":1715700000.5,"event":"hangup","cause":17}`)?.ms).toBe(1715700000500);
    expect(at(`{"ts":"1715700000.25","text":"486"}`)?.ms).toBe(1715700000250);
    // Other numbers are no time: a 9-digit count, a duration.
    expect(at(`{"time":171570000,"x":1}`)).toBeUndefined();
  });

  it("shows the time in the timeline for such lines", () => {
    const a = run(
      [
        `{"level":30,"time":1715700000123,"msg":"received response","status":100,"call_id":"j1"}`,
        `{"level":50,"time":1715700004880,"msg":"received response","status":486,"reason":"Busy Here","call_id":"j1"}`,
      ].join("\n"),
    );
    expect(a.timeline.map((t) => t.timestamp)).toEqual([
      "2024-05-14T15:20:00.123Z",
      "2024-05-14T15:20:04.880Z",
    ]);
    expect(a.summary).toContain("(2024-05-14T15:20:04.880Z)");
  });
});

describe("dates without a year next to dated stamps", () => {
  const trace = `U 2025/03/12 10:10:00.300000 198.51.100.7:5060 -> 10.20.0.5:5060
SIP/2.0 503 Service Unavailable
CSeq: 1 INVITE
`;
  const syslog = `Mar 12 10:25:13 sbc1 kamailio[2214]: ERROR: <script>: no route - sl_send_reply("404", "No route")
`;

  it.each([
    ["the syslog line after the trace", trace + syslog],
    ["the syslog line before the trace", syslog + trace],
  ])("take the year of the dated ones (%s)", (_, log) => {
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailure?.code).toBe(503);
    expect(a.timeline.map((t) => t.label.slice(0, 7))).toEqual(["SIP 503", "SIP 404"]);
  });
});

describe("stamps of exports, SBCs and access logs", () => {
  const at = (line: string) => parseTimestamp(line);

  it("reads Homer, Twilio and Telnyx JSON time fields", () => {
    expect(at(`{"id":1,"create_date":1709287200123,"method":"INVITE"}`)?.ms).toBe(1709287200123);
    expect(at(`{"account_sid":"AC1","date_created":"2024-03-01T12:00:05Z","level":"ERROR"}`)?.ms).toBe(
      Date.UTC(2024, 2, 1, 12, 0, 5),
    );
    expect(at(`{"data":{"event_type":"call.hangup","occurred_at":"2024-03-01T12:30:22.500000Z"}}`)?.ms).toBe(
      Date.UTC(2024, 2, 1, 12, 30, 22, 500),
    );
  });

  it("reads sipdump, Ribbon, Apache and 3CX stamps with their dates", () => {
    expect(at("time: 1709310600.112233")?.ms).toBe(1709310600112);
    expect(at("137 03012024 110501.123456:1.01.00.07654.Info .SIPSG: x")?.ms).toBe(
      Date.UTC(2024, 2, 1, 11, 5, 1, 123),
    );
    expect(at('192.0.2.55 - - [01/Mar/2024:15:30:00 +0100] "GET /a HTTP/1.1" 200 4861')?.ms).toBe(
      Date.UTC(2024, 2, 1, 14, 30),
    );
    expect(at("03/01/2024 12:41:10.415|Call(C:8): failed")).toEqual({
      text: "03/01/2024 12:41:10.415",
      ms: Date.UTC(2024, 2, 1, 12, 41, 10, 415),
    });
    // A first number over 12 is the day.
    expect(at("13/01/2024 10:00:00 x")?.ms).toBe(Date.UTC(2024, 0, 13, 10));
  });

  it("reads the first date of an unquoted CSV row past the line's head", () => {
    const row =
      "d1f0e8a2-1111-4a4a-9b9b-000000000001,outbound,2125550100,14155550123,2024-03-01 17:20:00,,2024-03-01 17:20:01,1,0";
    expect(at(row)?.text).toBe("2024-03-01 17:20:00");
  });

  it("takes no code, duration or version for a time", () => {
    expect(at("time: 503")).toBeUndefined();
    expect(at("503 12345678 110501.5 x")).toBeUndefined();
    expect(at("status 503 after 12/2024 took 110501.123456:")).toBeUndefined();
    expect(at("[01/Foo/2024:15:30:00 +0000] x")).toBeUndefined();
  });

  it("keeps the time of a message under sipdump's header block", () => {
    const a = run(
      [
        "====================",
        "tag: rx",
        "pid: 2345",
        "time: 1709310600.112233",
        "date: Fri Mar  1 16:30:00 2024",
        "proto: udp ipv4",
        "srcip: 198.51.100.71",
        "~~~~~~~~~~~~~~~~~~~~",
        "SIP/2.0 500 Server Internal Error",
        "CSeq: 10 INVITE",
        "",
      ].join("\n"),
    );
    expect(a.timeline[0]?.timestamp).toBe("2024-03-01T16:30:00.112Z");
  });
});

describe("a JSON time field far along the line", () => {
  it("keeps its fraction and zone", () => {
    const line = `{"connector_id":"abcdefghijklmnopqrstuvwxyz012345","timestamp":"2024-04-02T08:01:02.250Z","x":1}`;
    expect(parseTimestamp(line)?.text).toBe("2024-04-02T08:01:02.250Z");
  });
});

describe("an ISO stamp at the start of a line", () => {
  it("is read with its fraction and zone, and what is not a plain stamp keeps its usual reading", () => {
    expect(parseTimestamp("2024-05-01T10:00:01.001Z SIP/2.0 200 OK")).toEqual({
      text: "2024-05-01T10:00:01.001Z",
      ms: Date.UTC(2024, 4, 1, 10, 0, 1, 1),
    });
    expect(parseTimestamp("2024-05-01 10:00:01,5 INFO")).toEqual({
      text: "2024-05-01 10:00:01,5",
      ms: Date.UTC(2024, 4, 1, 10, 0, 1, 500),
    });
    // Seven fraction digits are no fraction; an offset zone shifts the time.
    expect(parseTimestamp("2024-05-01T10:00:01.1234567Z x")?.text).toBe("2024-05-01T10:00:01");
    expect(parseTimestamp("2024-05-01T10:00:01+02:00 x")?.ms).toBe(Date.UTC(2024, 4, 1, 8, 0, 1));
    // No 13th month: only the time of day is read.
    expect(parseTimestamp("2024-13-01T10:00:01Z x")?.text).toBe("10:00:01");
  });
});
