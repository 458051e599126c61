// A Homer export's records: the message in "raw" was sent by the record's srcIp, pretty-printed or
// not, and a header of a request logged after a response on the same line is the request's.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

interface Rec {
  at: string;
  src: string;
  dst: string;
  raw: string;
}

const CALL = "Call-ID: 5f2a@10.0.0.1\r\n";
const invite =
  "INVITE sip:+14155550199@198.51.100.20 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n";
const status = (s: string, method = "INVITE") =>
  `SIP/2.0 ${s}\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n${CALL}CSeq: 1 ${method}\r\nContent-Length: 0\r\n\r\n`;
const cancel =
  "CANCEL sip:+14155550199@198.51.100.20 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n" +
  `${CALL}CSeq: 1 CANCEL\r\nReason: Q.850;cause=41;text="Temporary failure"\r\nContent-Length: 0\r\n\r\n`;

const RECORDS: Rec[] = [
  {
    at: "2024-03-05T02:14:07.100Z",
    src: "10.0.0.1",
    dst: "198.51.100.20",
    raw: `${invite}${CALL}CSeq: 1 INVITE\r\n\r\n`,
  },
  {
    at: "2024-03-05T02:14:07.300Z",
    src: "198.51.100.20",
    dst: "10.0.0.1",
    raw: status("183 Session Progress"),
  },
  { at: "2024-03-05T02:14:21.000Z", src: "10.0.0.1", dst: "198.51.100.20", raw: cancel },
  {
    at: "2024-03-05T02:14:21.070Z",
    src: "198.51.100.20",
    dst: "10.0.0.1",
    raw: status("487 Request Terminated"),
  },
];

const record = (r: Rec, i: number) => ({
  id: i + 1,
  create_date: r.at,
  srcIp: r.src,
  srcPort: 5060,
  dstIp: r.dst,
  dstPort: 5060,
  raw: r.raw,
});

const scan = (text: string) => scanText(catalog(), text).findings;

describe("a Homer export pretty-printed", () => {
  it("names the record's srcIp as the sender of the message in raw", () => {
    const text = JSON.stringify({ data: RECORDS.map(record) }, null, 2);
    const f = scan(text).find((x) => x.code === 487);
    expect(f?.host).toBe("198.51.100.20:5060");
  });

  it("finds the source when the keys are sorted and srcIp comes after raw", () => {
    const sorted = (r: Rec, i: number) => {
      const o = record(r, i) as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    };
    const text = JSON.stringify({ data: RECORDS.map(sorted) }, null, 2);
    const f = scan(text).find((x) => x.code === 487);
    expect(f?.host).toBe("198.51.100.20:5060");
  });

  it("blames the record's sender for a 503 whose message names no address", () => {
    const recs = [RECORDS[0] as Rec, { ...(RECORDS[1] as Rec), raw: status("503 Service Unavailable") }];
    const a = analyze(catalog(), scanText(catalog(), JSON.stringify({ data: recs.map(record) }, null, 2)));
    expect(a.failingComponent).toMatch(/^198\.51\.100\.20:5060\b/);
  });
});

describe("a Homer export with every record on one line", () => {
  it("gives a CANCEL's Reason the CANCEL's time and sender, not those of the 183 before it", () => {
    const text = JSON.stringify({ data: RECORDS.map(record) });
    const cause = scan(text).find((x) => x.namespace === "q850");
    expect(cause?.timestamp).toContain("02:14:21.000");
    expect(cause?.host?.startsWith("10.0.0.1")).toBe(true);
  });

  it("still gives a response's own Reason the response's time and sender", () => {
    const busy = status("486 Busy Here").replace(
      "Content-Length",
      "Reason: Q.850;cause=17\r\nContent-Length",
    );
    const recs = [RECORDS[0] as Rec, { ...(RECORDS[1] as Rec), raw: busy }];
    const cause = scan(JSON.stringify({ data: recs.map(record) })).find((x) => x.namespace === "q850");
    expect(cause?.timestamp).toContain("02:14:07.300");
    expect(cause?.host?.startsWith("198.51.100.20")).toBe(true);
  });
});
