// A PBX challenges INVITEs all day: the 401/407 it sends another phone in the same second as it
// relays a callee's failure to its caller is its own authentication step, and leaves the relay linked.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

/** One Asterisk pjsip logger message at 02:14:07.`ms`. */
const pjsip = (ms: string, what: string, peer: string, lines: string[]) =>
  [
    `[2024-03-04 02:14:07.${ms}] VERBOSE[2211] res_pjsip_logger.c: <--- ${what}${peer}:5060 --->`,
    ...lines,
    "Content-Length: 0",
    "",
  ].join("\n");

const headers = (via: string, from: string, to: string, callId: string, cseq: string) => [
  `Via: SIP/2.0/UDP ${via}:5060;branch=z9hG4bK-${callId.slice(0, 5)}`,
  `From: <sip:${from}@10.10.10.1>;tag=t${from}`,
  `To: <sip:${to}@10.10.10.1>`,
  `Call-ID: ${callId}`,
  `CSeq: ${cseq}`,
];

/** 2001 calls 2002 through Asterisk, 2002 is busy and Asterisk relays the 486 with cause 17; 10 ms
 *  earlier Asterisk answers 2005's INVITE with `challenge` (or nothing when undefined). */
const busyRelay = (challenge?: string) =>
  [
    pjsip("101", "Received SIP request (880 bytes) from UDP:", "10.10.10.21", [
      "INVITE sip:2002@10.10.10.1 SIP/2.0",
      ...headers("10.10.10.21", "2001", "2002", "callA-2001", "2 INVITE"),
    ]),
    pjsip("105", "Received SIP request (870 bytes) from UDP:", "10.10.10.25", [
      "INVITE sip:2003@10.10.10.1 SIP/2.0",
      ...headers("10.10.10.25", "2005", "2003", "callB-2005", "1 INVITE"),
    ]),
    pjsip("110", "Transmitting SIP request (990 bytes) to UDP:", "10.10.10.22", [
      "INVITE sip:2002@10.10.10.22:5060 SIP/2.0",
      ...headers("10.10.10.1", "2001", "2002", "pjC-0001", "4711 INVITE"),
    ]),
    pjsip("150", "Received SIP response (400 bytes) from UDP:", "10.10.10.22", [
      "SIP/2.0 486 Busy Here",
      ...headers("10.10.10.1", "2001", "2002", "pjC-0001", "4711 INVITE"),
    ]),
    ...(challenge
      ? [
          pjsip("160", "Transmitting SIP response (520 bytes) to UDP:", "10.10.10.25", [
            `SIP/2.0 ${challenge}`,
            ...headers("10.10.10.25", "2005", "2003", "callB-2005", "1 INVITE"),
            challenge.startsWith("401")
              ? 'WWW-Authenticate: Digest realm="asterisk",nonce="1709518447/0123",algorithm=md5,qop="auth"'
              : 'Proxy-Authenticate: Digest realm="asterisk",nonce="1709518447/0123",algorithm=md5,qop="auth"',
          ]),
        ]
      : []),
    pjsip("170", "Transmitting SIP response (480 bytes) to UDP:", "10.10.10.21", [
      "SIP/2.0 486 Busy Here",
      ...headers("10.10.10.21", "2001", "2002", "callA-2001", "2 INVITE"),
      "Reason: Q.850;cause=17",
    ]),
  ].join("\n");

const relayedLines = (log: string) => {
  const a = analyze(catalog(), scanText(catalog(), log));
  return {
    correlations: a.correlations.join(" "),
    first: a.firstFailure ? `${a.firstFailure.code} ${a.firstFailure.direction}` : null,
  };
};

describe("a challenge the B2BUA sends in the same second as a relay", () => {
  it("links the relay as it does with no challenge in the log", () => {
    const plain = relayedLines(busyRelay());
    expect(plain.correlations).toContain("relayed across its legs, which started with the 486");
    expect(plain.first).toBe("486 in");
  });

  for (const challenge of ["401 Unauthorized", "407 Proxy Authentication Required"]) {
    it(`still links the busy callee's 486 to its caller past a ${challenge.slice(0, 3)} sent to another phone`, () => {
      const { correlations, first } = relayedLines(busyRelay(challenge));
      expect(correlations).toContain("relayed across its legs, which started with the 486");
      expect(correlations).not.toMatch(/with SIP 40[17]/);
      expect(first).toBe("486 in");
    });
  }

  it("never takes the challenge for a relay of the callee's failure", () => {
    const { correlations } = relayedLines(busyRelay("401 Unauthorized"));
    expect(correlations).not.toContain("with SIP 401");
  });
});
