// Lines are merged as one result only when they provably restate it: a burst of tm timeouts, two
// pjsua accounts, a failover's second gateway and two legs of one Dial() each count, and each
// failed destination keeps a timeline row naming it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const failures = (log: string) => analysed(log).timeline.filter((r) => r.failure);
const total = (log: string) => failures(log).reduce((n, r) => n + r.count, 0);

const KAM = "Mar  5 03:20:33 proxy1 /usr/sbin/kamailio[2360]: DEBUG: tm";

describe("Kamailio tm", () => {
  it("counts each transaction timing out in the timer process in one second", () => {
    const cell = (n: number) => [
      `${KAM} [timer.c:608]: final_response_handler(): stop retr. and send CANCEL (0x7f3c1a2b${n}d50)`,
      `${KAM} [t_reply.c:1325]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=408`,
      `${KAM} [t_reply.c:1236]: t_pick_branch(): picked branch 0, code 408 (prio=800)`,
    ];
    const log = [1, 2, 3, 4, 5].flatMap(cell).join("\n");
    expect(total(log)).toBe(5);
  });

  it("counts two relayed 486 decisions of one worker in one second twice", () => {
    const decision = [
      `${KAM} [t_reply.c:1325]: t_should_relay_response(): ->>>>>>>>> T_code=180, new_code=486`,
      `${KAM} [t_reply.c:1236]: t_pick_branch(): picked branch 0, code 486 (prio=4860)`,
    ];
    expect(total([...decision, ...decision].join("\n"))).toBe(2);
  });

  it("still counts one reply's decision, branch pick and sending once", () => {
    const log = [
      `${KAM} [t_reply.c:1325]: t_should_relay_response(): ->>>>>>>>> T_code=0, new_code=408`,
      `${KAM} [t_reply.c:1236]: t_pick_branch(): picked branch 0, code 408 (prio=800)`,
      `${KAM} [t_reply.c:601]: _reply_light(): reply sent out: buf=0x7f1d2c400a10 (SIP/2.0 408 Request Timeout), len=412, code 408`,
    ].join("\n");
    expect(total(log)).toBe(1);
  });
});

describe("pjsua", () => {
  it("counts two accounts whose registrations fail in the same second twice", () => {
    const log = [
      "03:20:01.120    pjsua_acc.c  .Acc 0: setting registration..",
      "03:20:01.121    pjsua_acc.c  .Acc 1: setting registration..",
      "03:20:01.410    pjsua_acc.c  ....SIP registration failed, status=403 (Forbidden)",
      "03:20:01.412    pjsua_acc.c  ....SIP registration failed, status=403 (Forbidden)",
    ].join("\n");
    expect(total(log)).toBe(2);
  });
});

const A = "aaaaaaaa-1111-4222-8333-000000000001";
const fs = (uuid: string, time: string, text: string) => `${uuid} 2024-03-05 03:20:${time} ${text}`;
const bridge = (gw: string, leg: string, time: string) => [
  fs(
    A,
    `${time}.101234`,
    `[INFO] mod_dptools.c:1652 Executing [bridge] sofia/external/1000@203.0.113.10 bridge(sofia/gateway/${gw}/4420)`,
  ),
  fs(
    leg,
    `${time}.301234`,
    `[NOTICE] sofia.c:8736 Hangup sofia/gateway/${gw}/4420 [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]`,
  ),
  fs(
    A,
    `${time}.302234`,
    "[DEBUG] switch_ivr_originate.c:3803 Originate Resulted in Error Cause: 41 [NORMAL_TEMPORARY_FAILURE]",
  ),
  fs(A, `${time}.302534`, "[INFO] mod_dptools.c:3634 Originate Failed.  Cause: NORMAL_TEMPORARY_FAILURE"),
];

describe("a FreeSWITCH failover whose second gateway fails in the same second", () => {
  const log = [
    ...bridge("carrier_a", "bbbbbbbb-1111-4222-8333-000000000001", "01"),
    ...bridge("carrier_b", "cccccccc-1111-4222-8333-000000000001", "01"),
    fs(
      A,
      "01.701234",
      "[NOTICE] switch_channel.c:4052 Hangup sofia/external/1000@203.0.113.10 [CS_EXECUTE] [NORMAL_TEMPORARY_FAILURE]",
    ),
  ].join("\n");

  it("counts one failure per gateway, each row naming its gateway", () => {
    expect(failures(log).map((r) => [r.label, r.count, r.firstLine])).toEqual([
      ["Q.850 cause 41 Temporary failure via FreeSWITCH gateway carrier_a", 1, 2],
      ["Q.850 cause 41 Temporary failure via FreeSWITCH gateway carrier_b", 1, 6],
    ]);
  });

  it("names the first gateway as the failing component, and says the second failed the same way", () => {
    expect(analysed(log).failingComponent).toMatch(
      /^FreeSWITCH gateway carrier_a .*; the same failure also hit FreeSWITCH gateway carrier_b$/,
    );
  });

  it("keeps one gateway's repeats a second apart in one row", () => {
    const again = [
      ...bridge("carrier_a", "bbbbbbbb-1111-4222-8333-000000000001", "01"),
      ...bridge("carrier_a", "cccccccc-1111-4222-8333-000000000001", "05"),
    ].join("\n");
    expect(failures(again).map((r) => [r.label, r.count])).toEqual([
      ["Q.850 cause 41 Temporary failure via FreeSWITCH gateway carrier_a", 2],
    ]);
  });
});

describe("dispatcher probes to two destinations timing out", () => {
  it("gives each dead destination its own row, named", () => {
    const probe = (host: string) =>
      `Mar  5 03:20:10 proxy1 /usr/sbin/kamailio[2371]: WARNING: dispatcher [dispatch.c:3389]: ds_options_callback(): OPTIONS-Request was finished with code 408 (to sip:${host}:5060, group 1)`;
    const rows = failures([probe("10.0.0.21"), probe("10.0.0.22")].join("\n"));
    expect(rows.map((r) => r.label)).toEqual([
      "SIP 408 Request Timeout (generated locally: no answer from 10.0.0.21:5060)",
      "SIP 408 Request Timeout (generated locally: no answer from 10.0.0.22:5060)",
    ]);
    const a = analysed([probe("10.0.0.21"), probe("10.0.0.22")].join("\n"));
    expect(a.failingComponent).toMatch(/^10\.0\.0\.21:5060, which never answered the OPTIONS/);
    expect(a.failingComponent).toMatch(/; the same failure also hit 10\.0\.0\.22:5060$/);
  });
});

describe("one Asterisk Dial() of two destinations", () => {
  it("never calls a busy phone and a congested trunk the same failure", () => {
    const ast = (sec: string, src: string) => `[2024-03-05 03:20:${sec}] VERBOSE[12345][C-00000001] ${src}`;
    const log = [
      ast(
        "01",
        'pbx.c:     -- Executing [200@from-internal:1] Dial("PJSIP/1001-00000001", "PJSIP/2001&PJSIP/trunk/4155550100,20") in new stack',
      ),
      ast("01", "app_dial.c:     -- PJSIP/2001-00000002 is busy"),
      ast("02", "app_dial.c:     -- PJSIP/trunk-00000003 is circuit-busy"),
      ast("02", "app_dial.c:   == Everyone is busy/congested at this time (2:1/1/0)"),
    ].join("\n");
    const a = analysed(log);
    expect(a.timeline.filter((r) => r.failure).map((r) => r.label)).toEqual([
      "Q.850 cause 17 User busy",
      "Q.850 cause 34 No circuit/channel available",
    ]);
    expect(a.correlations.join(" ")).not.toMatch(/same failure/);
  });
});
