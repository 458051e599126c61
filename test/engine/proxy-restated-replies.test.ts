// A reply a proxy or a stack logs on several lines counts once; a tm fr_timer timeout is a timer
// note and a 408 of the proxy's own; a 401 loop fails at the refused credentials; SIPp's aborted
// call is a failure; a header of a pretty-printed Homer record has its record's time.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const scan = (log: string) => scanText(catalog(), log);
const analysed = (log: string) => analyze(catalog(), scan(log));
const failures = (log: string) => analysed(log).timeline.filter((r) => r.failure);

const tm = [
  "Mar  5 03:01:10 px1 /usr/sbin/kamailio[5120]: DEBUG: tm [t_funcs.c:345]: t_relay_to(): new transaction forwarded",
  "Mar  5 03:01:42 px1 /usr/sbin/kamailio[5131]: DEBUG: tm [timer.c:462]: final_response_handler(): stop retr. and send CANCEL (0x7f1d2c3a4b58)",
  "Mar  5 03:01:42 px1 /usr/sbin/kamailio[5131]: DEBUG: tm [t_reply.c:1232]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=408",
  "Mar  5 03:01:42 px1 /usr/sbin/kamailio[5131]: DEBUG: tm [t_reply.c:1325]: t_pick_branch(): picked branch 0, code 408 (prio=800)",
  "Mar  5 03:01:42 px1 /usr/sbin/kamailio[5131]: DEBUG: tm [t_reply.c:601]: _reply_light(): reply sent out: buf=0x7f1d2c400a10 (SIP/2.0 408 Request Timeout), len=412, code 408",
].join("\n");

describe("one reply logged on several lines", () => {
  it("counts tm's debug lines for one 408 once", () => {
    expect(failures(tm).map((r) => [r.label, r.count])).toEqual([["SIP 408 Request Timeout", 1]]);
  });

  it("counts an onreply line and the failure_route's $T_reply_code once", () => {
    const log = [
      "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: INFO: <script>: [ci=a84b@10.20.0.5] onreply: 486 Busy Here from 198.51.100.20:5060 cseq 102 INVITE",
      "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: NOTICE: <script>: [ci=a84b@10.20.0.5] failure_route MANAGE_FAILURE: $T_reply_code=486 branch 0",
    ].join("\n");
    expect(failures(log).map((r) => r.count)).toEqual([1]);
  });

  it("still counts the same code of two calls twice", () => {
    const log = [
      "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: INFO: <script>: [ci=a84b@10.20.0.5] onreply: 486 Busy Here from 198.51.100.20:5060 cseq 102 INVITE",
      "Mar  5 02:14:19 sbc1 /usr/sbin/kamailio[21876]: NOTICE: <script>: [ci=ffee@10.20.0.5] failure_route MANAGE_FAILURE: $T_reply_code=486 branch 0",
    ].join("\n");
    // The other call's 486 names no host: it keeps a row of its own, not 198.51.100.20's.
    expect(failures(log).map((r) => r.count)).toEqual([1, 1]);
  });
});

describe("Kamailio tm's fr_timer", () => {
  it("gives a timer note and calls the 408 the proxy's own", () => {
    const a = analysed(tm);
    expect(a.timers.map((t) => t.title)).toEqual(["Timer B/F"]);
    expect(a.failingComponent).toMatch(/generated the 408 itself/);
  });

  it("is no silent request when the branch had a provisional (fr_inv_timer on a ringing call)", () => {
    const ringing = tm.replace("T_code=0,", "T_code=180,");
    expect(analysed(ringing).timers).toEqual([]);
  });
});

describe("a 401 loop", () => {
  const message = (cseq: number, nonce: string) =>
    [
      `02:14:07.${cseq - 23000}    pjsua_core.c  .RX 498 bytes Response msg 401/REGISTER/cseq=${cseq} (rdata0x7f3c8c003b10) from UDP 203.0.113.10:5060:`,
      "SIP/2.0 401 Unauthorized",
      "Via: SIP/2.0/UDP 192.168.1.20:5060;rport=5060;branch=z9hG4bKPj1f3e5a7c9b",
      "Call-ID: 4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c",
      `CSeq: ${cseq} REGISTER`,
      `WWW-Authenticate: Digest algorithm=MD5, realm="asterisk", nonce="${nonce}"`,
      "Content-Length: 0",
      "",
      "--end msg--",
    ].join("\n");
  const log = [
    message(23401, "6b2c9d1e4f0a8b7c"),
    message(23402, "0d9e8f7a6b5c4d3e"),
    "02:14:07.261         pjsua_acc.c  ....SIP registration failed, status=401 (Unauthorized)",
  ].join("\n");

  it("fails at the challenge to the REGISTER that carried credentials, and says they were refused", () => {
    const a = analysed(log);
    expect(a.firstFailure).toMatchObject({ code: 401, line: 11, cseq: 23402 });
    expect(a.normal.join(" ")).toMatch(/refused the credentials/);
    // pjsua's summary line restates the second 401.
    expect(a.timeline.map((r) => r.count)).toEqual([1, 1]);
  });
});

describe("SIPp's aborted call", () => {
  it("is a failure at the response the scenario did not expect", () => {
    const log = [
      "2024-03-05\t02:14:11.402817\t1709604851.402817: Aborting call on unexpected message for Call-Id '42-31845@10.0.0.5': while expecting '200' (index 3), received 'SIP/2.0 183 Session Progress",
      "Call-ID: 42-31845@10.0.0.5",
      "CSeq: 1 INVITE",
      "",
      "'.",
    ].join("\n");
    const a = analysed(log);
    expect(a.firstFailure).toMatchObject({ code: 183, line: 1 });
    expect(a.firstFailureLabel).toMatch(/SIPp scenario did not expect/);
  });
});

describe("a pretty-printed Homer export", () => {
  it("places a CANCEL's Reason at its own record's time", () => {
    const record = (id: number, date: string, raw: string) =>
      [
        "    {",
        `      "id": ${id},`,
        `      "create_date": "${date}",`,
        '      "srcIp": "10.0.0.1",',
        '      "method": "CANCEL",',
        `      "raw": "${raw}"`,
        "    }",
      ].join("\n");
    const log = [
      '{\n  "data": [',
      `${record(1, "2024-03-05T02:14:07.100Z", "SIP/2.0 183 Session Progress\\r\\nCSeq: 101 INVITE\\r\\n\\r\\n")},`,
      record(
        2,
        "2024-03-05T02:14:21.000Z",
        'CANCEL sip:1001@198.51.100.20 SIP/2.0\\r\\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\\r\\nCSeq: 101 CANCEL\\r\\nReason: Q.850;cause=16;text=\\"Normal call clearing\\"\\r\\n\\r\\n',
      ),
      "  ]\n}",
    ].join("\n");
    const reason = scan(log).findings.find((f) => f.namespace === "q850");
    expect(reason?.timestamp).toBe("2024-03-05T02:14:21.000Z");
  });
});
