// Call attempts that end without anyone failing: a FreeSWITCH channel cancelled by the caller
// (its 487 logged on the channel's own lines), and a losing branch of a forked call that another
// branch answered (RFC 3261 §16.7). Neither hides the real failure that follows.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

const FS = (uuid: string, time: string, rest: string) => `${uuid} 2025-03-12 11:24:${time} 88.29% ${rest}`;
const RING = "110d7c25-ccf3-d0b3-5815-a3d516a91f39";
const TRUNK = "a260db3c-6e62-91d2-4573-f54181cc8265";
const HANGUP_CANCEL = (channel: string) =>
  `[NOTICE] switch_ivr_originate.c:3761 Hangup ${channel} [CS_CONSUME_MEDIA] [ORIGINATOR_CANCEL]`;
const STATE = (channel: string, state: string) =>
  `[DEBUG] sofia.c:7084 Channel ${channel} entering state ${state}`;
const REJECTED = [
  FS(TRUNK, "31.586456", STATE("sofia/gateway/uk-trunk/0033142685300", "[terminated][403]")),
  FS(
    TRUNK,
    "31.587456",
    "[NOTICE] sofia.c:1069 Hangup sofia/gateway/uk-trunk/0033142685300 [CS_CONSUME_MEDIA] [CALL_REJECTED]",
  ),
];

describe("a FreeSWITCH ring-group leg the caller cancelled", () => {
  it("calls the channel's [terminated][487] normal, so the trunk's 403 is the first failure", () => {
    const { a, text } = scanned(
      [
        FS(RING, "08.926456", HANGUP_CANCEL("sofia/internal/201@10.0.0.60:5060")),
        FS(RING, "08.956456", STATE("sofia/internal/201@10.0.0.60:5060", "[terminated][487]")),
        ...REJECTED,
      ].join("\n"),
    );
    expect(text).toMatch(/^First failure: SIP 403 Forbidden\n/);
    expect(a.firstFailure).toMatchObject({ code: 403, line: 3 });
    expect(text).toContain("✓ SIP 487 Request Terminated ×2 — line 1");
    expect(a.normal).toContain(
      "SIP 487 Request Terminated on line 1: cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL); not a failure. 1 more 487 were cancelled by the caller the same way.",
    );
  });

  it("matches the 487 logged just before the hang-up, and by channel UUID when the names differ", () => {
    const before = scanned(
      [
        FS(RING, "08.906456", STATE("sofia/internal/201@10.0.0.60", "[terminated][487]")),
        FS(RING, "08.926456", HANGUP_CANCEL("sofia/internal/201@10.0.0.60:5060")),
        ...REJECTED,
      ].join("\n"),
    );
    expect(before.a.firstFailure).toMatchObject({ code: 403, line: 3 });
    expect(before.a.normal.join(" ")).toContain("FreeSWITCH ORIGINATOR_CANCEL on line 2, same channel");
  });

  it("keeps a 487 on another channel, or long after, a failure", () => {
    const other = scanned(
      [
        FS(RING, "08.926456", HANGUP_CANCEL("sofia/internal/201@10.0.0.60:5060")),
        FS(TRUNK, "08.956456", STATE("sofia/internal/202@10.0.0.61:5060", "[terminated][487]")),
      ].join("\n"),
    );
    expect(other.a.firstFailure).toMatchObject({ code: 487, line: 2 });
    const later = scanned(
      [
        FS(RING, "08.926456", HANGUP_CANCEL("sofia/internal/201@10.0.0.60:5060")),
        FS(RING, "48.956456", STATE("sofia/internal/201@10.0.0.60:5060", "[terminated][487]")),
      ].join("\n"),
    );
    expect(later.a.firstFailure).toMatchObject({ code: 487, line: 2 });
  });
});

describe("a forked INVITE", () => {
  const RESPONSE = (time: string, from: string, status: string, callId: string, cseq: number) =>
    `T 2025/03/12 18:${time} ${from} -> 10.1.1.10:5060 [AP]
SIP/2.0 ${status}
Via: SIP/2.0/TCP 10.1.1.10:5060;branch=z9hG4bK-${from}
Call-ID: ${callId}
CSeq: ${cseq} INVITE
Content-Length: 0
`;
  const FORK = [
    RESPONSE("20:00.140000", "10.1.2.31:5060", "486 Busy Here", "fork2-aa11@10.1.1.20", 10),
    RESPONSE("20:00.160000", "10.1.2.45:5062", "180 Ringing", "fork2-aa11@10.1.1.20", 10),
    RESPONSE("20:05.500000", "10.1.2.45:5062", "200 OK", "fork2-aa11@10.1.1.20", 10),
  ];

  it("calls a losing branch's 486 normal when another branch answered, and names the later failure", () => {
    const { a, text } = scanned(
      [...FORK, RESPONSE("24:40.000900", "10.1.1.77:5060", "404 Not Found", "fork2-bb22@10.1.1.20", 11)].join(
        "\n",
      ),
    );
    expect(text).toMatch(/^First failure: SIP 404 Not Found\n/);
    expect(a.firstFailure).toMatchObject({ code: 404, line: 23 });
    expect(text).toContain("✓ SIP 486 Busy Here (INVITE) from 10.1.2.31:5060 — line 2");
    expect(a.normal).toContain(
      "SIP 486 Busy Here on line 2 (INVITE): a losing branch of a forked call; another branch answered: SIP 200 OK on line 16 (RFC 3261 §16.7); not a failure.",
    );
    expect(a.failingComponent).toContain("10.1.1.77:5060");
  });

  it("calls the whole fork normal traffic when nothing else failed", () => {
    const { a, text } = scanned(FORK.join("\n"));
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(a.firstFailure).toBeNull();
    expect(a.failingComponent).toBeNull();
  });

  it("keeps the 486 a failure when the 2xx answered another call or another CSeq", () => {
    const otherCall = scanned(
      [
        RESPONSE("20:00.140000", "10.1.2.31:5060", "486 Busy Here", "fork2-aa11@10.1.1.20", 10),
        RESPONSE("20:05.500000", "10.1.2.45:5062", "200 OK", "other@10.1.1.20", 10),
      ].join("\n"),
    );
    expect(otherCall.a.firstFailure).toMatchObject({ code: 486, line: 2 });
    const otherCseq = scanned(
      [
        RESPONSE("20:00.140000", "10.1.2.31:5060", "486 Busy Here", "fork2-aa11@10.1.1.20", 10),
        RESPONSE("20:05.500000", "10.1.2.45:5062", "200 OK", "fork2-aa11@10.1.1.20", 12),
      ].join("\n"),
    );
    expect(otherCseq.a.firstFailure).toMatchObject({ code: 486, line: 2 });
  });

  it("calls a 3CX branch terminated because the call was answered elsewhere normal", () => {
    const { a, text } = scanned(
      [
        "12/03/2025 17:05:46.815|Call to <sip:103@10.0.0.43:5062> has failed; Cause: 487 Request Terminated (answered elsewhere); from IP:10.0.0.43:5062",
        '12/03/2025 17:09:12.901|Call to <sip:00442079460503@sip.trunkprov.co.uk:5060> has failed; Cause: 403 Forbidden; warning: 399 sip.trunkprov.co.uk "Destination barred"; from IP:185.23.1.5:5060',
      ].join("\n"),
    );
    expect(text).toMatch(/^First failure: SIP 403 Forbidden\n/);
    expect(a.firstFailure).toMatchObject({ code: 403, line: 2 });
    expect(a.normal.join(" ")).toContain(
      "SIP 487 Request Terminated on line 1: the call was answered elsewhere, so this branch was cancelled; not a failure.",
    );
  });
});
