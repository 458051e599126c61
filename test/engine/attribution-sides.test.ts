// Which side a record names: the hop that never answered ("no reply received from X, sending 408"),
// the side that answered a request (acc's dst_ip, nginx's upstream_addr) rather than the requester
// (src_ip, remote_addr), Cisco's "Received:"/"Sent:" markers and sipdump's "tag: rx" headers. Also
// which call a one-line record belongs to, a CANCEL a one-line log shows only by its 200 OK, a BYE's
// Reason placed at its BYE, and an excerpt that keeps the code it reports.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (log: string) => scanText(catalog(), log);
const run = (log: string) => analyze(catalog(), scan(log));

describe("a proxy that answered because its next hop did not", () => {
  it("names the silent hop, not the requester the 408 went to", () => {
    const a = run(
      "Mar  1 13:00:33 sbc2 /usr/sbin/opensips[3102]: NOTICE:tm:timer_routine: transaction timeout for 4f5a6b7c@10.30.0.5 cseq 1 INVITE, no reply received from 10.30.0.21, sending 408",
    );
    expect(a.failingComponent).toMatch(/^10\.30\.0\.21, which never answered/);
    expect(a.failingComponent).not.toContain("sent it to 10.30.0.21");
    expect(a.summary).not.toContain("from 10.30.0.21");
  });

  it("says a Kamailio branch timeout's reply was made up by the proxy", () => {
    const a = run(
      "Mar  1 13:50:32 proxy1 /usr/sbin/kamailio[5505]: INFO: <script>: [ab12cd@10.0.0.8] failure_route[MANAGE_FAILURE]: t_branch_timeout() true, sending 480 Temporarily Unavailable",
    );
    expect(a.failingComponent).toContain("generated the 480 itself");
  });

  it("blames nginx's upstream for a 502, never the client", () => {
    const a = run(
      '{"time":"2024-03-01T19:40:01+00:00","remote_addr":"10.1.2.3","request":"POST /voice/answer HTTP/1.1","status":"502","request_time":"30.001","upstream_addr":"10.1.5.6:3000"}',
    );
    expect(a.failingComponent).toMatch(/^10\.1\.5\.6:3000, the upstream/);
    expect(a.summary).not.toContain("10.1.2.3");
  });
});

describe("keys that name the requester", () => {
  it("takes a Kamailio acc record's dst_ip, not its src_ip, as the side that answered", () => {
    const a = run(
      "Mar  1 10:02:11 edge kamailio[4410]: INFO: <script>: acc: method=INVITE from_tag=6c1 to_tag= callid=77f0@203.0.113.50 sip_code=503 sip_reason=Service Unavailable time=1709287331 src_ip=203.0.113.50 dst_ip=10.9.0.2",
    );
    expect(a.failingComponent).toMatch(/^10\.9\.0\.2 — /);
    expect(a.summary).not.toContain("203.0.113.50)");
  });

  it("reads an HTTP server's client address as the side the response went to, in full", () => {
    const f = scan(
      '{"level":30,"time":1709311200000,"req":{"id":12,"method":"POST","url":"/voice/answer","remoteAddress":"::ffff:10.1.2.3"},"res":{"statusCode":404},"msg":"request completed"}',
    ).findings[0];
    expect(f?.host).toBe("::ffff:10.1.2.3");
    const a = run(
      '{"level":30,"time":1709311200000,"req":{"id":12,"method":"POST","url":"/voice/answer","remoteAddress":"::ffff:10.1.2.3"},"res":{"statusCode":404},"msg":"request completed"}',
    );
    expect(a.failingComponent ?? "").not.toMatch(/^::ffff:10\.1\.2\.3/);
  });
});

describe("the direction a SIP trace marks without a transport line", () => {
  const cube = (marker: string, status: string) =>
    [
      "Mar  1 19:00:00.180: //4455/AB12CD34EF56/SIP/Msg/ccsipDisplayMsg:",
      marker,
      status,
      "Via: SIP/2.0/UDP 203.0.113.2:5060;branch=z9hG4bK7F11",
      "Call-ID: 11AA22BB@203.0.113.2",
      "CSeq: 101 INVITE",
      "Content-Length: 0",
      "",
    ].join("\n");

  it("reads Cisco's Received: as a response the peer sent", () => {
    const a = run(cube("Received:", "SIP/2.0 503 Service Unavailable"));
    expect(a.firstFailure?.direction).toBe("in");
    expect(a.failingComponent).toMatch(/^the peer that sent it/);
    expect(a.failingComponent).not.toContain("went back toward");
  });

  it("reads Cisco's Sent: as a response the gateway sent", () => {
    const a = run(cube("Sent:", "SIP/2.0 503 Service Unavailable"));
    expect(a.firstFailure?.direction).toBe("out");
    expect(a.failingComponent).toContain("the system that wrote this log, which sent the 503");
  });

  it("names the sender of a Kamailio sipdump record received from it", () => {
    const a = run(
      [
        "====================",
        "tag: rx",
        "pid: 2345",
        "time: 1709310600.112233",
        "proto: udp ipv4",
        "srcip: 198.51.100.71",
        "srcport: 5060",
        "dstip: 10.0.0.10",
        "dstport: 5060",
        "~~~~~~~~~~~~~~~~~~~~",
        "SIP/2.0 500 Server Internal Error",
        "Via: SIP/2.0/UDP 10.0.0.10:5060;branch=z9hG4bKdump.0",
        "Call-ID: dump-call-1@10.0.0.10",
        "CSeq: 10 INVITE",
        "Content-Length: 0",
        "",
      ].join("\n"),
    );
    expect(a.failingComponent).toMatch(/^198\.51\.100\.71:5060 — /);
  });
});

describe("the call a one-line record belongs to", () => {
  it("does not link two calls' failures a second apart", () => {
    const a = run(
      [
        "Mar  1 20:00:02 proxy1 /usr/sbin/kamailio[2213]: NOTICE: acc [acc.c:287]: acc_log_request(): ACC: call missed: timestamp=1709323202;method=INVITE;from_tag=z9x8c7;to_tag=;call_id=call-BBBB@10.0.0.9;code=486;reason=Busy Here",
        'Mar  1 20:00:02 proxy1 /usr/sbin/kamailio[2214]: INFO: <script>: [call-CCCC@10.0.0.7] BYE received with Reason: Q.850;cause=17;text="User busy"',
      ].join("\n"),
    );
    expect(a.correlations).toEqual([]);
    const found = scan(
      'Mar  1 20:00:02 proxy1 kamailio[2214]: INFO: <script>: [call-CCCC@10.0.0.7] BYE received with Reason: Q.850;cause=17;text="User busy"',
    ).findings[0];
    expect(found?.callId).toBe("call-CCCC@10.0.0.7");
  });

  it("does not link failures of different APIs, nor a registration's with a call's", () => {
    const a = run(
      [
        "2024-03-01 16:00:00.001 DEBUG http: POST https://api.example-voip.com/v2/calls -> 403 Forbidden",
        "2024-03-01 16:00:01.000 ERROR sip: REGISTER sip:trunk01@sip.provider.example:5060 failed with 401 Unauthorized",
        "2024-03-01 16:00:03.000 INFO  twilio: GET https://api.twilio.com/2010-04-01/Accounts.json 401",
        "2024-03-01 16:00:04.000 ERROR webex: mobius-error: 101 registration failed for device",
        '2024-03-01 16:00:06.000 WARN  sip: INVITE from "Jane" <sip:1001@carrier.example> to <sip:2002@example.com> rejected 403',
      ].join("\n"),
    );
    expect(a.correlations).toEqual([]);
    expect(a.normal.join(" ")).not.toContain("challenge was answered");
  });
});

describe("a 487 after a CANCEL a one-line log shows", () => {
  it("is normal after AudioCodes' send --> CANCEL and its 200 OK", () => {
    const a = run(
      [
        "Mar  1 20:20:00 10.0.0.50 [S=900002] [SID=d4e5f6:44:2001]  ( lgr_psbrdex)(700002)   send --> INVITE sip:+442079460958@203.0.113.77;user=phone SIP/2.0 [Time:01-03@20:20:00.150]",
        "Mar  1 20:20:01 10.0.0.50 [S=900003] [SID=d4e5f6:44:2001]  ( lgr_psbrdex)(700003)   recv <-- SIP/2.0 180 Ringing [Time:01-03@20:20:01.020]",
        "Mar  1 20:20:15 10.0.0.50 [S=900004] [SID=d4e5f6:44:2001]  ( lgr_psbrdex)(700004)   send --> CANCEL sip:+442079460958@203.0.113.77;user=phone SIP/2.0 [Time:01-03@20:20:15.000]",
        "Mar  1 20:20:15 10.0.0.50 [S=900005] [SID=d4e5f6:44:2001]  ( lgr_psbrdex)(700005)   recv <-- SIP/2.0 200 OK [Time:01-03@20:20:15.040]",
        "Mar  1 20:20:15 10.0.0.50 [S=900006] [SID=d4e5f6:44:2001]  ( lgr_psbrdex)(700006)   recv <-- SIP/2.0 487 Request Terminated [Time:01-03@20:20:15.042]",
      ].join("\n"),
    );
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain("cancelled by the caller");
  });

  it("is normal after a Kamailio acc record of the CANCEL", () => {
    const a = run(
      [
        "Mar  1 20:30:15 proxy1 kamailio[2212]: NOTICE: acc [acc.c:287]: acc_log_request(): ACC: transaction answered: timestamp=1709325015;method=CANCEL;from_tag=q1w2e3;to_tag=;call_id=c9-1@10.0.0.8;code=200;reason=OK",
        "Mar  1 20:30:15 proxy1 kamailio[2212]: NOTICE: acc [acc.c:287]: acc_log_request(): ACC: call missed: timestamp=1709325015;method=INVITE;from_tag=q1w2e3;to_tag=;call_id=c9-1@10.0.0.8;code=487;reason=Request Terminated",
      ].join("\n"),
    );
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toContain("cancelled by the caller (CANCEL answered on line 1)");
  });

  it("stays a failure when the CANCEL was of another call", () => {
    const a = run(
      [
        "Mar  1 20:30:15 proxy1 kamailio[2212]: NOTICE: ACC: transaction answered: timestamp=1709325015;method=CANCEL;call_id=c9-1@10.0.0.8;code=200;reason=OK",
        "Mar  1 20:30:15 proxy1 kamailio[2212]: NOTICE: ACC: call missed: timestamp=1709325015;method=INVITE;call_id=c9-2@10.0.0.8;code=487;reason=Request Terminated",
      ].join("\n"),
    );
    expect(a.firstFailure?.code).toBe(487);
  });
});

describe("a BYE's Reason and an excerpt", () => {
  it("gives a BYE's Reason the BYE's time, Call-ID and sender, and no correlation id as its text", () => {
    const log = [
      "2024-03-01 17:11:00.001 Incoming SIP Message from 52.114.76.76:5061 TLS to SIPInterface #0 (Teams)",
      "BYE sip:+13035550100@203.0.113.5:5061;transport=tls SIP/2.0",
      "Via: SIP/2.0/TLS 52.114.76.76:5061;branch=z9hG4bKms2020",
      "From: <sip:+15125550149@sip.pstnhub.microsoft.com>;tag=ms2",
      "To: <sip:+13035550100@sbc01.contoso.com>;tag=1c2020",
      "Call-ID: 2020-teams@sbc01.contoso.com",
      "CSeq: 3 BYE",
      'Reason: Q.850;cause=16;text="a9c3f2e1-0000-4c48-8ea5-bf6a5b0d1d2b;Call ended by user"',
      "Content-Length: 0",
      "",
    ].join("\n");
    const scanned = scan(log);
    const a = analyze(catalog(), scanned);
    const f = scanned.findings.find((x) => x.code === 16);
    expect(f?.callId).toBe("2020-teams@sbc01.contoso.com");
    expect(f?.timestamp).toBe("2024-03-01 17:11:00.001");
    expect(a.timeline[0]?.label).toBe("BYE Reason: Q.850 cause 16 Normal call clearing");
  });

  it("keeps the code in the excerpt when a secret before it is redacted", () => {
    const f = scan(
      "2024-03-01 16:00:03.000 INFO  twilio: GET https://AC3f9c1e2d4b5a6978a1b2c3d4e5f60718:9f8e7d6c5b4a39281706f5e4d3c2b1a0@api.twilio.com/2010-04-01/Accounts.json 401",
    ).findings[0];
    expect(f?.text).toMatch(/Accounts\.json 401$/);
    expect(f?.text).not.toContain("9f8e7d6c");
  });
});
