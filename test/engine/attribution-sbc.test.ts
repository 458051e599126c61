// Which host a proxy's own records name as the side that answered: a Kamailio acc line's src_ip is
// the caller, and sipdump's "tag: rcv"/"tag: snd" headers give the sender or the receiver.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (log: string) => scanText(catalog(), log);
const run = (log: string) => analyze(catalog(), scan(log));

describe("Kamailio acc records", () => {
  const acc = (extra: string) =>
    `Apr  2 08:01:02 edge kamailio[2210]: NOTICE: acc [acc.c:313]: acc_log_request(): ACC: call missed: timestamp=1712044862;method=INVITE;from_tag=a1;to_tag=b2;call_id=acc-7@10.20.0.8;code=486;reason=Busy Here;src_user=2001;src_domain=pbx.example.net;src_ip=10.20.0.8${extra}`;

  it("never names the caller in src_ip as the side that answered", () => {
    const a = run(acc(";dst_ouser=2002;dst_user=2002;dst_domain=203.0.113.40"));
    expect(scan(acc("")).findings[0]?.host).toBeUndefined();
    expect(a.failingComponent ?? "").not.toContain("10.20.0.8");
    expect(a.summary).not.toContain("from 10.20.0.8");
  });

  it("still takes dst_ip as the side that answered", () => {
    const a = run(acc(";dst_ip=203.0.113.40"));
    expect(a.failingComponent).toMatch(/^203\.0\.113\.40 — /);
  });
});

/** One sipdump record as Kamailio's sipdump module writes it. */
function record(tag: string, time: string, src: string, dst: string, message: string[]): string {
  return [
    "====================",
    `tag: ${tag}`,
    "pid: 3001",
    "process: 4",
    `time: ${time}`,
    "date: Tue Apr  2 08:01:02 2024",
    "proto: udp ipv4",
    `srcip: ${src}`,
    "srcport: 5060",
    `dstip: ${dst}`,
    "dstport: 5060",
    "~~~~~~~~~~~~~~~~~~~~",
    ...message,
    "",
    "||||||||||||||||||||",
  ].join("\n");
}

const headers = [
  "Via: SIP/2.0/UDP 10.20.0.1:5060;branch=z9hG4bKk1.0",
  "From: <sip:2001@pbx.example.net>;tag=a1",
  "To: <sip:2002@pbx.example.net>",
  "Call-ID: dump-9@10.20.0.8",
  "CSeq: 3 INVITE",
  "Content-Length: 0",
];

describe("Kamailio sipdump records", () => {
  const log = [
    record("snd", "1712044862.100000", "10.20.0.1", "203.0.113.40", [
      "INVITE sip:2002@203.0.113.40 SIP/2.0",
      ...headers,
    ]),
    record("rcv", "1712044862.300000", "203.0.113.40", "10.20.0.1", [
      "SIP/2.0 503 Service Unavailable",
      ...headers,
    ]),
  ].join("\n");

  it("reads a received response's sender from a 'tag: rcv' header", () => {
    const f = scan(log).findings.find((x) => x.code === 503);
    expect(f?.host).toBe("203.0.113.40:5060");
    expect(f?.direction).toBe("in");
    expect(run(log).failingComponent).toMatch(/^203\.0\.113\.40:5060/);
  });

  it("reads a sent response's receiver from a 'tag: snd' header", () => {
    const sent = record("snd", "1712044862.310000", "10.20.0.1", "10.20.0.8", [
      "SIP/2.0 503 Service Unavailable",
      ...headers,
    ]);
    const f = scan(sent).findings.find((x) => x.code === 503);
    expect(f?.host).toBe("10.20.0.8:5060");
    expect(f?.direction).toBe("out");
  });
});
