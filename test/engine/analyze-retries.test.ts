// A 422/423/491 (or a 401/407) is settled only by the retry of its own request: a later request
// of the same call from the same side (a higher CSeq, answered toward the same requester). A
// response for the other side's crossing request, or for another call, settles nothing.
import { describe, expect, it } from "vitest";
import { scanFileJson } from "../../src/adapters/cli/json.js";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const scan = scanText(catalog(), log);
  const a = analyze(catalog(), scan);
  return { a, text: cardToText(scanCard(a), { full: true }), json: scanFileJson("-", scan, a).summary };
}

/** A response as `tshark -z follow,udp` prints it: no packet line, only the message. */
const FOLLOWED = (status: string, requester: string, cseq: string) => `SIP/2.0 ${status}
Via: SIP/2.0/UDP ${requester};branch=z9hG4bK.${cseq.replace(" ", "")}
Call-ID: 3c2a9f0e5b1d@192.168.1.50
CSeq: ${cseq}
Content-Length: 0
`;

const section = (text: string, heading: string) =>
  text.split("\n\n").find((s) => s.startsWith(heading)) ?? "";

describe("491 glare: two re-INVITEs crossing in one dialog", () => {
  // Node 1 (192.168.1.50) and node 0 (192.0.2.80) each send a re-INVITE; both get a 491. Only
  // node 1 retries (CSeq 22) and gets a 200 OK; node 0's CSeq 102 is never sent again.
  const log = [
    FOLLOWED("200 OK", "192.168.1.50:5060", "20 INVITE"),
    FOLLOWED("491 Request Pending", "192.168.1.50:5060", "21 INVITE"),
    FOLLOWED("491 Request Pending", "192.0.2.80:5060", "102 INVITE"),
    FOLLOWED("200 OK", "192.168.1.50:5060", "22 INVITE"),
  ].join("\n");

  it("names the 491 that was never retried the first failure, and the retried one normal", () => {
    const { a, text } = scanned(log);
    expect(text).toMatch(/^First failure: SIP 491 Request Pending\n/);
    expect(a.firstFailure).toMatchObject({ code: 491, line: 13, cseq: 102 });
    expect(a.summary).toContain("The first failure is SIP 491 Request Pending on line 13 (re-INVITE).");
    expect(a.failingComponent).toContain("the 491 went back toward 192.0.2.80:5060");
    expect(a.normal).toContain(
      "SIP 491 Request Pending on line 7 (re-INVITE), then retried and answered with SIP 200 OK on line 19: the request crossed another one in the same dialog and was sent again after a back-off; not a failure.",
    );
    expect(a.normal.join(" ")).not.toContain("on line 13 (re-INVITE), then retried");
  });

  it("shows the settled 491 and the failing one as rows of their own", () => {
    const { text } = scanned(log);
    const timeline = section(text, "Timeline");
    expect(timeline).toContain("✓ SIP 491 Request Pending (re-INVITE) — line 7");
    expect(timeline).toContain("✗ SIP 491 Request Pending (re-INVITE) — line 13");
    expect(section(text, "Normal traffic")).not.toMatch(/Normal traffic: [^\n]*SIP 491/);
  });

  it("does not take a 200 OK with a lower CSeq, or one sent toward the other side, as the retry's", () => {
    const lower = scanned(
      [
        FOLLOWED("491 Request Pending", "192.0.2.80:5060", "102 INVITE"),
        FOLLOWED("200 OK", "192.0.2.80:5060", "101 INVITE"),
      ].join("\n"),
    );
    expect(lower.a.firstFailure).toMatchObject({ code: 491, line: 1 });
    const otherSide = scanned(
      [
        FOLLOWED("491 Request Pending", "192.0.2.80:5060", "102 INVITE"),
        FOLLOWED("200 OK", "192.168.1.50:5060", "103 INVITE"),
      ].join("\n"),
    );
    expect(otherSide.a.firstFailure).toMatchObject({ code: 491, line: 1 });
  });
});

describe("a 422 in a log line with no Call-ID header", () => {
  const MESSAGE = (time: string, what: string, status: string, callId: string, cseq: string) =>
    `2025/03/12 ${time} [SIP] Message ${what} 172.16.40.10:5060 via TCP, length 318:
SIP/2.0 ${status}
Via: SIP/2.0/TCP 172.16.40.10:5060;branch=z9hG4bK-${callId}-${cseq.split(" ")[0]}
Call-ID: ${callId}@172.16.40.10
CSeq: ${cseq}
Server: Metaswitch CFS 9.5
Content-Length: 0
`;
  const log = [
    MESSAGE("17:05:11.131", "sent to", "422 Session Interval Too Small", "a8f3c2e1-1111", "1 INVITE"),
    MESSAGE("17:05:19.004", "sent to", "200 OK", "a8f3c2e1-1111", "2 INVITE"),
    MESSAGE("17:06:40.010", "sent to", "422 Session Interval Too Small", "a8f3c2e1-2222", "1 INVITE"),
    "2025/03/12 17:06:40.020 [CALLP] Call a8f3c2e1-2222 released by originating side after 422, no retry",
    MESSAGE("17:07:02.300", "sent to", "200 OK", "a8f3c2e1-1111", "3 BYE"),
  ].join("\n");

  it("is not settled by another call's 2xx, and is never both normal and the first failure", () => {
    const { a, text, json } = scanned(log);
    expect(text).toMatch(/^First failure: SIP 422 Session Interval Too Small\n/);
    expect(a.firstFailure).toMatchObject({ code: 422, line: 18 });
    const timeline = section(text, "Timeline");
    expect(timeline).toContain("✓ SIP 422 Session Interval Too Small (INVITE) — line 2");
    expect(timeline).toContain("✗ SIP 422 Session Interval Too Small ×2 (INVITE) — line 18");
    // Only the first call's 422 is called normal, in its own note; the label list leaves 422 out.
    expect(a.normal[0]).not.toContain("422");
    expect(a.normal.filter((n) => n.includes("422"))).toEqual([
      "SIP 422 Session Interval Too Small on line 2 (INVITE), then retried and answered with SIP 200 OK on line 10: sent again with a Session-Expires of at least the Min-SE asked for; not a failure.",
    ]);
    // Every failing row names a finding the analysis did not call normal.
    const failingLines = json.timeline.filter((t) => t.failure).map((t) => t.firstLine);
    expect(failingLines).toContain(a.firstFailure?.line);
    for (const note of a.normal) expect(note).not.toContain(`line ${a.firstFailure?.line} `);
  });

  it("is settled by a 2xx for the call its text names", () => {
    const { a } = scanned(
      [
        "2025/03/12 17:06:40.020 [CALLP] Call a8f3c2e1-3333 got 422 Session Interval Too Small, retrying with Session-Expires 1800",
        MESSAGE("17:06:41.000", "received from", "200 OK", "a8f3c2e1-3333", "2 INVITE"),
      ].join("\n"),
    );
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain(
      "SIP 422 Session Interval Too Small on line 1, then retried and answered",
    );
  });

  it("is not settled when the prose line names no call at all", () => {
    const { a } = scanned(
      [
        "2025/03/12 17:06:40.020 [CALLP] INVITE rejected with 422 Session Interval Too Small",
        MESSAGE("17:06:41.000", "received from", "200 OK", "a8f3c2e1-4444", "2 INVITE"),
      ].join("\n"),
    );
    expect(a.firstFailure).toMatchObject({ code: 422, line: 1 });
  });
});
