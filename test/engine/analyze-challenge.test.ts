// What a 401/407 challenge led to: the summary calls it answered only when the retried request got
// a final response, and claims success only when that response was a 2xx.
import { describe, expect, it } from "vitest";
import { scanFileJson } from "../../src/adapters/cli/json.js";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
/** What `sipcode scan` prints, and its --json summary. */
function scanned(log: string) {
  const scan = scanText(catalog(), log);
  const a = analyze(catalog(), scan);
  return { text: cardToText(scanCard(a), { full: true }), json: scanFileJson("-", scan, a).summary };
}

const CHALLENGE = (after: string) => `SIP/2.0 407 Proxy Authentication Required
CSeq: 1 INVITE
Call-ID: x1

INVITE sip:bob@example.com SIP/2.0
CSeq: 2 INVITE
Call-ID: x1

SIP/2.0 100 Trying
CSeq: 2 INVITE
Call-ID: x1

SIP/2.0 183 Session Progress
CSeq: 2 INVITE
Call-ID: x1
${after}`;

describe("a 401/407 challenge in the summary", () => {
  it("never claims success when the retry got provisional responses and then a 503", () => {
    const a = run(CHALLENGE("\nSIP/2.0 503 Service Unavailable\nCSeq: 2 INVITE\nCall-ID: x1\n"));
    expect(a.firstFailureLabel).toBe("SIP 503 Service Unavailable");
    const text = a.normal.join(" ");
    expect(text).not.toMatch(/success/i);
    expect(text).toContain("then failed with SIP 503 Service Unavailable");
  });

  it("says success when the retry got a 200", () => {
    const a = run(CHALLENGE("\nSIP/2.0 200 OK\nCSeq: 2 INVITE\nCall-ID: x1\n"));
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain("succeeded: normal digest authentication");
  });

  it("says the outcome is unknown when only provisional responses followed", () => {
    const a = run(CHALLENGE(""));
    const text = a.normal.join(" ");
    expect(text).not.toMatch(/then succeeded|followed by success|normal digest/i);
    expect(text).toContain("no final response");
  });

  it("calls a second challenge for the same request a failure", () => {
    const a = run(
      "SIP/2.0 401 Unauthorized\nCSeq: 1 REGISTER\n\nSIP/2.0 100 Trying\nCSeq: 2 REGISTER\n\nSIP/2.0 401 Unauthorized\nCSeq: 2 REGISTER\n",
    );
    expect(a.firstFailure?.line).toBe(1);
    expect(a.normal.join(" ")).not.toMatch(/challenge/);
  });
});

const AXIOS_401 = (t: string) =>
  `2024-05-14T02:40:${t}Z ERROR [calls] AxiosError: Request failed with status code 401 (POST https://api.voip-provider.example/v2/calls) token expired at 2024-05-14T02:00:00Z`;

describe("an HTTP 401 from a REST API", () => {
  it("is not answered by a 2xx another host returned: first failure on line 1, with its checks", () => {
    const { text, json } = scanned(
      [
        AXIOS_401("11.100"),
        "2024-05-14T02:40:11.350Z INFO  [metrics] POST https://telemetry.voip-provider.example/v1/events -> HTTP/1.1 200 OK",
        AXIOS_401("41.100"),
      ].join("\n"),
    );
    expect(text).toMatch(/^First failure: HTTP 401 Unauthorized/);
    expect(text).toContain("The first failure is HTTP 401 Unauthorized on line 1 ");
    expect(text).not.toMatch(/digest authentication|challenge was answered/);
    expect(text).toContain("Normal traffic: HTTP 200 OK.");
    expect(text).not.toMatch(/Normal traffic: [^\n]*HTTP 401/);
    expect(text).toMatch(/\[ \] Check the access token/);
    expect(json.firstFailure).toMatchObject({ code: 401, line: 1 });
    expect(json.timeline[0]).toMatchObject({ label: "HTTP 401 Unauthorized", count: 2, failure: true });
    expect(json.checklist.length).toBeGreaterThan(0);
  });

  it("does not pair an axios 401 with a 403 from an ARI server on another host", () => {
    const { text } = scanned(
      [
        '2024-05-14T02:40:11.100Z ERROR [axios] Request failed with status code 401 {"url":"https://api.voip-provider.example/v2/calls"}',
        "2024-05-14T02:40:11.300Z WARN  retrying POST https://admin:pw@pbx.example.net:8089/ari/channels -> HTTP 403 Forbidden",
      ].join("\n"),
    );
    expect(text).toContain("The first failure is HTTP 401 Unauthorized on line 1 ");
    expect(text).not.toContain("challenge was answered");
  });

  it("is answered by a 2xx for the same URL", () => {
    const { text, json } = scanned(
      [
        AXIOS_401("11.100"),
        "2024-05-14T02:40:11.900Z INFO  [calls] POST https://api.voip-provider.example/v2/calls -> HTTP/1.1 201 Created",
      ].join("\n"),
    );
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain("for the same request on line 2: the client authenticated again");
    expect(text).not.toContain("digest authentication");
    expect(json.firstFailure).toBeNull();
  });

  it("is answered by a 2xx for the same path in an access log", () => {
    const { text } = scanned(
      [
        '10.0.0.7 - - [14/May/2024:02:40:11 +0000] "POST /v2/calls HTTP/1.1" 401 61 "-" "okhttp/4.12.0"',
        '10.0.0.7 - - [14/May/2024:02:40:12 +0000] "POST /v2/calls HTTP/1.1" 200 512 "-" "okhttp/4.12.0"',
      ].join("\n"),
    );
    expect(text).toMatch(/^No failures: normal traffic only/);
  });

  it("is not answered by a 2xx for another path on the same host, nor when no target is named", () => {
    const other = scanned(
      [
        AXIOS_401("11.100"),
        "2024-05-14T02:40:11.900Z INFO  GET https://api.voip-provider.example/v2/health -> HTTP/1.1 200 OK",
      ].join("\n"),
    );
    expect(other.text).toContain("The first failure is HTTP 401 Unauthorized on line 1 ");
    const unnamed = scanned(
      "2024-05-14T02:40:11.100Z ERROR request failed: HTTP 401 Unauthorized\n2024-05-14T02:40:12.100Z INFO request ok: HTTP 200 OK",
    );
    expect(unnamed.text).toContain("The first failure is HTTP 401 Unauthorized on line 1");
    expect(unnamed.json.normal.join(" ")).not.toMatch(/authenticated|digest/);
  });
});

/** A response on the wire, as a packet trace shows it. */
const RESPONSE = (at: string, status: string, cseq: string, callId = "glare-1@10.0.0.5") =>
  `2024/05/14 23:40:${at} 198.51.100.20:5060 -> 10.0.0.5:5060
SIP/2.0 ${status}
Via: SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK-${cseq.replace(" ", "")}
Call-ID: ${callId}
CSeq: ${cseq}
Server: Broadsoft
`;

describe("a 422, 423 or 491 that the retry settled", () => {
  it("calls a 422 then a 200 OK for the retried INVITE normal, with a note", () => {
    const { text, json } = scanned(
      [
        RESPONSE("00.050000", "422 Session Interval Too Small", "1 INVITE"),
        RESPONSE("02.000000", "200 OK", "2 INVITE"),
      ].join("\n"),
    );
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain("✓ SIP 422 Session Interval Too Small (INVITE)");
    expect(text).toContain(
      "SIP 422 Session Interval Too Small on line 2 (INVITE), then retried and answered with SIP 200 OK on line 9: sent again with a Session-Expires of at least the Min-SE asked for; not a failure.",
    );
    expect(text).not.toContain("Check next");
    expect(json.firstFailure).toBeNull();
  });

  it("calls a 491 on a re-INVITE normal when the retried re-INVITE got a 200 OK", () => {
    const { text } = scanned(
      [
        RESPONSE("02.000000", "200 OK", "1 INVITE"),
        RESPONSE("45.010000", "491 Request Pending", "3 INVITE"),
        RESPONSE("47.200000", "200 OK", "4 INVITE"),
      ].join("\n"),
    );
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain(
      "SIP 491 Request Pending on line 9 (re-INVITE), then retried and answered with SIP 200 OK",
    );
  });

  it("calls a 423 to a REGISTER normal when a later REGISTER got a 200 OK", () => {
    const { text } = scanned(
      [
        "21:15:32.120  pjsip_core  RX 410 bytes Response msg 423/REGISTER/cseq=4411 (rdata0x55d4c0) from UDP 203.0.113.99:5060:",
        "SIP/2.0 423 Interval Too Brief",
        "Call-ID: reg-abc",
        "CSeq: 4411 REGISTER",
        "Min-Expires: 600",
        "--end msg--",
        "21:15:32.310  pjsip_core  RX 410 bytes Response msg 200/REGISTER/cseq=4412 (rdata0x55d6c0) from UDP 203.0.113.99:5060:",
        "SIP/2.0 200 OK",
        "Call-ID: reg-abc",
        "CSeq: 4412 REGISTER",
        "--end msg--",
      ].join("\n"),
    );
    expect(text).toMatch(/^No failures: normal traffic only/);
    expect(text).toContain(
      "SIP 423 Interval Too Brief on line 2 (REGISTER), then retried and answered with SIP 200 OK on line 8: sent again with an Expires of at least the Min-Expires asked for; not a failure.",
    );
  });

  it("keeps a 422 the first failure when no 2xx followed, or when another call got the 200", () => {
    const alone = scanned(RESPONSE("00.050000", "422 Session Interval Too Small", "1 INVITE"));
    expect(alone.text).toMatch(/^First failure: SIP 422 Session Interval Too Small/);
    expect(alone.text).toContain("[ ] Compare Session-Expires in the request with Min-SE in the 422");
    const other = scanned(
      [
        RESPONSE("00.050000", "422 Session Interval Too Small", "1 INVITE"),
        RESPONSE("02.000000", "200 OK", "1 INVITE", "other-call@10.0.0.5"),
      ].join("\n"),
    );
    expect(other.text).toMatch(/^First failure: SIP 422 Session Interval Too Small/);
    expect(other.text).not.toContain("then retried");
  });

  it("points at the failure after the retry, not at the 422", () => {
    const { text } = scanned(
      [
        RESPONSE("00.050000", "422 Session Interval Too Small", "1 INVITE"),
        RESPONSE("02.000000", "503 Service Unavailable", "2 INVITE"),
      ].join("\n"),
    );
    expect(text).toMatch(/^First failure: SIP 503 Service Unavailable/);
    expect(text).toContain(
      "SIP 422 Session Interval Too Small on line 2 (INVITE) was retried, but the request then failed with SIP 503 Service Unavailable on line 9; look into that failure, not the 422.",
    );
  });

  it("calls a second 422 for the retried request a failure", () => {
    const { text } = scanned(
      [
        RESPONSE("00.050000", "422 Session Interval Too Small", "1 INVITE"),
        RESPONSE("00.150000", "422 Session Interval Too Small", "2 INVITE"),
      ].join("\n"),
    );
    expect(text).toMatch(/^First failure: SIP 422 Session Interval Too Small/);
    expect(text).toContain("The first failure is SIP 422 Session Interval Too Small on line 2 ");
  });
});
