// Failures a client stack or proxy made up itself, and what the answer says about them: pjsip's
// transport-error 503, Kamailio's 408 for a next hop that never answered, a login it refused, a 404
// after its location lookup found nobody, and the 487 that follows the caller's CANCEL.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const rows = (log: string) => scanCard(run(log)).sections.find((s) => s.heading === "Timeline")?.items ?? [];
const kam = (pid: number, text: string) =>
  `Apr  9 03:12:0${pid % 10} edge1 /usr/sbin/kamailio[${pid}]: ${text}`;

describe("pjsip's own 503 for a request it could not send", () => {
  const log = (error: string) =>
    [
      "03:12:01.100   tsx0x55d1c0a1b2c3  ..Failed to send Request msg REGISTER/cseq=811 (tdta0x55d1c0a0f0e0)! err=120111 (Connection refused)",
      `03:12:01.101      pjsua_acc.c  ....SIP registration failed, status=503 (${error})`,
    ].join("\n");

  it("blames the client's network, DNS or TLS, not an overloaded server", () => {
    const a = run(log("Connection refused"));
    expect(a.failingComponent).toContain("pjsip could not send the REGISTER (Connection refused)");
    expect(a.failingComponent).toContain("no server sent it");
    expect(a.failingComponent).not.toMatch(/overloaded/i);
  });

  it("leads with path, DNS and TLS checks instead of capacity checks", () => {
    const a = run(log("Certificate verify failed"));
    expect(a.checklist[0]).toMatch(/^For pjsip's own transport error, read the text in brackets/);
    expect(a.checklist.join("\n")).toMatch(/CA list/);
    expect(a.checklist.join("\n")).not.toMatch(/licence channel limits|overload alarms/);
  });

  it("keeps a 503 a server sent with its reason phrase as the server's", () => {
    const a = run(
      "03:12:01.101      pjsua_acc.c  ....SIP registration failed, status=503 (Service Unavailable)",
    );
    expect(a.failingComponent).toMatch(/overloaded server/);
    expect(a.checklist.join("\n")).not.toContain("pjsip's own transport error");
  });
});

describe("Kamailio's own 408 for a next hop that never answered", () => {
  it("names the silent branch of a failure_route as the failing component", () => {
    const a = run(
      kam(
        4402,
        "NOTICE: <script>: ci=77aa@10.1.1.5 failure_route[FAILOVER]: 408 Request Timeout from sip:10.9.0.21:5060 (t_branch_timeout=1, t_branch_replied=0)",
      ),
    );
    expect(a.failingComponent).toMatch(/^10\.9\.0\.21:5060, which never answered the request passed to it/);
    expect(a.failingComponent).not.toContain("sent the 408 to 10.9.0.21");
    expect(a.failingComponent).not.toContain("A downstream proxy");
  });

  it("reads a dispatcher probe as an OPTIONS its host never answered, and shows that host's recovery", () => {
    const probe = (pid: number, code: number, host: string) =>
      kam(
        pid,
        `DEBUG: dispatcher [dispatch.c:3226]: ds_options_callback(): OPTIONS-Request was finished with code ${code} (to sip:${host}:5060, group 2)`,
      );
    const log = [probe(5101, 200, "10.9.0.22"), probe(5102, 408, "10.9.0.21"), probe(5104, 200, "10.9.0.21")];
    const a = run(log.join("\n"));
    expect(a.firstFailure).toMatchObject({ code: 408, method: "OPTIONS" });
    expect(a.failingComponent).toMatch(/^10\.9\.0\.21:5060, which never answered the OPTIONS sent to it;/);
    expect(a.failingComponent).toContain("ended its own request with the 408");
    expect(rows(log.join("\n"))).toContainEqual(
      expect.stringMatching(/✓ SIP 200 OK \(OPTIONS\) from 10\.9\.0\.21:5060 — line 3$/),
    );
  });
});

describe("a login the proxy refused", () => {
  const log = kam(
    7001,
    "NOTICE: <script>: auth failed for 2001@voice.example.org from 198.51.100.77:5071 - sending 403 Forbidden",
  );

  it("says this system refused the client, not that the client failed", () => {
    const a = run(log);
    expect(a.failingComponent).toBe(
      "the system that wrote this log, which sent the 403 to 198.51.100.77:5071",
    );
    expect(rows(log).join("\n")).not.toContain("from 198.51.100.77");
  });

  it("gives the refused login's checks: credentials, bans and scans", () => {
    const checks = run(log).checklist.join("\n");
    expect(checks).toMatch(/auth username/);
    expect(checks).toMatch(/fail2ban/);
    expect(checks).toMatch(/password-guessing/);
    expect(checks).not.toMatch(/^In (?:Asterisk|FreeSWITCH)/m);
  });
});

describe("a 487 after the caller's CANCEL in a one-line proxy log", () => {
  it("is the cancelled call's normal end, not the first failure", () => {
    const log = [
      kam(
        5201,
        "INFO: <script>: [REQ] INVITE sip:3003@voice.example.org ci=c0ffee01@10.1.1.60 cseq=20 INVITE from 10.1.1.60:5060",
      ),
      kam(
        5202,
        "INFO: <script>: [REPLY] 180 Ringing ci=c0ffee01@10.1.1.60 cseq=20 INVITE from 192.0.2.80:5062",
      ),
      kam(
        5203,
        "INFO: <script>: [REQ] CANCEL sip:3003@voice.example.org ci=c0ffee01@10.1.1.60 cseq=20 CANCEL from 10.1.1.60:5060",
      ),
      kam(
        5204,
        "INFO: <script>: [REPLY] 200 canceling ci=c0ffee01@10.1.1.60 cseq=20 CANCEL from 192.0.2.80:5062",
      ),
      kam(
        5204,
        "INFO: <script>: [REPLY] 487 Request Terminated ci=c0ffee01@10.1.1.60 cseq=20 INVITE from 192.0.2.80:5062",
      ),
    ].join("\n");
    const a = run(log);
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join("\n")).toMatch(
      /SIP 487 Request Terminated on line 5 \(INVITE\): cancelled by the caller/,
    );
  });
});

describe("a 404 Kamailio sent itself", () => {
  it("leads with the callee's missing registration", () => {
    const log = [
      kam(9921, "DEBUG: registrar [lookup.c:350]: lookup_helper(): 'carol' Not found in usrloc"),
      kam(
        9921,
        "DEBUG: sl [sl_funcs.c:415]: sl_reply_helper(): reply sent: 404 Not Found (src ip 192.0.2.50:5060)",
      ),
    ].join("\n");
    expect(run(log).checklist[0]).toMatch(
      /^In Kamailio or OpenSIPS, a 404 the proxy sent itself usually follows a failed lookup\("location"\)/,
    );
  });

  it("keeps Kamailio's check out of other systems' 404s", () => {
    const checks = run("SIP/2.0 404 Not Found\r\nCSeq: 1 INVITE\r\n").checklist.join("\n");
    expect(checks).not.toContain("Kamailio");
  });
});

describe("a Webex Calling (Mobius) log", () => {
  it("gets no Asterisk or FreeSWITCH steps", () => {
    const log = [
      "2025-03-12 13:10:02.380  INFO 1 --- [sip-app-3] c.c.w.m.sip.SipClient : [callId=5d2e] Received SIP/2.0 488 Not Acceptable Here from sse-b.wxc.example:5061 for INVITE",
      "2025-03-12 13:10:02.384 ERROR 1 --- [sip-app-3] c.c.w.m.call.CallHandler : [callId=5d2e] Call: Error code: 403: FORBIDDEN, mobius-error: 118, due to Not Acceptable",
    ].join("\n");
    const checks = run(log).checklist;
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.join("\n")).not.toMatch(/^In (?:Asterisk|FreeSWITCH)/m);
  });
});
