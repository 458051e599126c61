// A carrier's challenge on a B2BUA's outbound leg that the box answered itself (it resent the INVITE
// with credentials) is normal traffic on that leg: it is never the failure behind a challenge the box
// sends a caller. Only a challenge the box could not answer, passed back as it came, is relayed.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/** One FreeSWITCH siptrace message ("recv … from udp/[…]" or "send … to udp/[…]") at 02:14:07.`us`. */
const fs = (us: string, sent: boolean, peer: string, lines: string[]) =>
  [
    `${sent ? "send 900 bytes to" : "recv 900 bytes from"} udp/[${peer}]:5060 at 02:14:07.${us}:`,
    `   ${"-".repeat(72)}`,
    ...lines.map((l) => `   ${l}`),
    "   Content-Length: 0",
    `   ${"-".repeat(72)}`,
  ].join("\n");

const NUMBER = "+442079460958";
const CARRIER = "203.0.113.60";
const headers = (via: string, from: string, callId: string, cseq: string) => [
  `Via: SIP/2.0/UDP ${via}:5060;branch=z9hG4bK-${callId.slice(0, 5)}${cseq.split(" ")[0]}`,
  `From: <sip:${from}@10.10.10.1>;tag=t${from}`,
  `To: <sip:${NUMBER}@10.10.10.1>`,
  `Call-ID: ${callId}`,
  `CSeq: ${cseq}`,
];
const carrierChallenge = (us: string, cseq: number) =>
  fs(us, false, CARRIER, [
    "SIP/2.0 407 Proxy Authentication Required",
    ...headers("10.10.10.1", "1001", "fsC-0001", `${cseq} INVITE`),
    'Proxy-Authenticate: Digest realm="carrier",nonce="abc123",algorithm=MD5,qop="auth"',
  ]);
const outboundInvite = (us: string, cseq: number, credentials: boolean) =>
  fs(us, true, CARRIER, [
    `INVITE sip:${NUMBER}@${CARRIER} SIP/2.0`,
    ...headers("10.10.10.1", "1001", "fsC-0001", `${cseq} INVITE`),
    ...(credentials
      ? ['Proxy-Authorization: Digest username="acct",realm="carrier",nonce="abc123",response="0123"']
      : []),
  ]);
const challengeTo = (us: string, phone: string, from: string, callId: string) =>
  fs(us, true, phone, [
    "SIP/2.0 407 Proxy Authentication Required",
    ...headers(phone, from, callId, "1 INVITE"),
    'Proxy-Authenticate: Digest realm="10.10.10.1",nonce="5f2c7a3e",algorithm=MD5,qop="auth"',
  ]);

/** Phone 1001 calls out through the box; phone 1005 calls the same number 4 ms later. The carrier
 *  challenges the box's outbound INVITE; then `after` happens. */
const trace = (after: string[]) =>
  [
    fs("101000", false, "10.10.10.21", [
      `INVITE sip:${NUMBER}@10.10.10.1 SIP/2.0`,
      ...headers("10.10.10.21", "1001", "callA-1001", "1 INVITE"),
    ]),
    fs("105000", false, "10.10.10.25", [
      `INVITE sip:${NUMBER}@10.10.10.1 SIP/2.0`,
      ...headers("10.10.10.25", "1005", "callB-1005", "1 INVITE"),
    ]),
    outboundInvite("110000", 4711, false),
    carrierChallenge("150000", 4711),
    ...after,
  ].join("\n");

const read = (log: string) => {
  const a = analyze(catalog(), scanText(catalog(), log));
  return {
    correlations: a.correlations.join(" "),
    relayed: a.timeline.filter((r) => r.relays !== undefined).map((r) => r.relays),
  };
};

describe("a carrier's challenge the B2BUA answered itself", () => {
  it("is not linked to the challenge the box sends another phone in the same second", () => {
    const { correlations, relayed } = read(
      trace([
        outboundInvite("155000", 4712, true),
        challengeTo("160000", "10.10.10.25", "1005", "callB-1005"),
      ]),
    );
    expect(correlations).not.toContain("relayed across its legs");
    expect(relayed).toEqual([]);
  });

  it("is still linked when the box passes back the challenge to a resend it could not get through", () => {
    const log = trace([
      outboundInvite("155000", 4712, true),
      carrierChallenge("190000", 4712),
      challengeTo("195000", "10.10.10.21", "1001", "callA-1001"),
    ]);
    const { correlations, relayed } = read(log);
    expect(correlations).toContain("which started with the 407 on the outbound leg");
    // The challenge to the resend is the one passed on, not the first one the box answered.
    const second = log.split("\n").findIndex((l) => l.startsWith("recv") && l.includes(".190000")) + 1;
    expect(correlations).toContain(`(line ${second + 2})`);
    expect(relayed).toHaveLength(1);
  });

  it("is linked when the box never resent the INVITE and passed the carrier's 407 back to its caller", () => {
    const { correlations } = read(trace([challengeTo("160000", "10.10.10.21", "1001", "callA-1001")]));
    expect(correlations).toContain("which started with the 407 on the outbound leg");
  });
});

describe("a challenge the box sends of its own kind", () => {
  it("never takes a carrier's unanswered 407 for the box's 401 to a phone: a relayed challenge keeps its code", () => {
    const log = trace([
      fs("160000", true, "10.10.10.25", [
        "SIP/2.0 401 Unauthorized",
        ...headers("10.10.10.25", "1005", "callB-1005", "1 INVITE"),
        'WWW-Authenticate: Digest realm="10.10.10.1",nonce="5f2c7a3e",algorithm=MD5,qop="auth"',
      ]),
    ]);
    const { correlations, relayed } = read(log);
    expect(correlations).not.toContain("relayed across its legs");
    expect(relayed).toEqual([]);
  });
});
