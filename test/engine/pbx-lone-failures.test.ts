// PBX lines that hold a failure with no cause line under them, pasted alone: FreeSWITCH's gateway
// found down, Asterisk's Dial() ending CHANUNAVAIL, FreeSWITCH's CODEC NEGOTIATION ERROR. Each is
// one finding, and the lines that restate it (a cause line, a summary, a hang-up) count no more.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { GATEWAY_DOWN_ENTRY } from "../../src/engine/scan/gateway-refusals.js";
import { scanIndexFor } from "../../src/engine/scan/scan-index.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const fs = (time: string, level: string, text: string) => `2024-03-05 02:30:${time} [${level}] ${text}`;
const ast = (call: string, text: string) => `[Mar  5 03:10:12] VERBOSE[4521][${call}] ${text}`;

describe("a FreeSWITCH gateway found down", () => {
  const down = fs("05.223456", "WARNING", "mod_sofia.c:5082 Gateway 'carrier_a' is down!");

  it("is FreeSWITCH's own GATEWAY_DOWN when the line is pasted alone, naming the gateway", () => {
    const a = run([down]);
    expect(a.firstFailure).toMatchObject({ namespace: "sip", code: 503, line: 1, direction: "local" });
    expect(a.firstFailure?.reason).toBe("GATEWAY_DOWN");
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a, which FreeSWITCH had marked DOWN/);
    expect(a.checklist[0]).toMatch(/sofia status gateway NAME.*OPTIONS pings/);
    expect(a.checklist.join("\n")).toMatch(/carrier is reachable from this host/);
  });

  it("reads GATEWAY_DOWN as the same entry the catalog reads it as", () => {
    const own = scanIndexFor(catalog()).ownCauses.get("GATEWAY_DOWN");
    expect(own).toMatchObject({ namespace: GATEWAY_DOWN_ENTRY.namespace, code: GATEWAY_DOWN_ENTRY.code });
    expect(own?.id).toBe(GATEWAY_DOWN_ENTRY.id);
  });

  it("comes after the failed ping's own answer, which leads when the ping line gives one", () => {
    const a = run([
      fs(
        "01.123456",
        "WARNING",
        "sofia.c:6171 Ping failed carrier_a with code 408 - count 0/1/1, state DOWN",
      ),
      down,
    ]);
    // The ping is the cause; the refused call is what it cost, and is told too (gateway-pings.test.ts).
    expect(a.counts.findings).toBe(2);
    expect(a.firstFailure).toMatchObject({ code: 408, line: 1, method: "OPTIONS" });
    expect(a.failingComponent).toMatch(/^FreeSWITCH gateway carrier_a \(its OPTIONS ping got 408/);
  });

  it("counts the refusal once with the cause and originate lines that restate it", () => {
    const a = run([
      down,
      fs(
        "05.223456",
        "ERR",
        "switch_ivr_originate.c:2947 Cannot create outgoing channel of type [sofia] cause: [GATEWAY_DOWN]",
      ),
      fs(
        "05.223456",
        "INFO",
        "switch_ivr_originate.c:3941 Originate Resulted in Error Cause: 609 [GATEWAY_DOWN]",
      ),
      fs("05.223456", "INFO", "mod_dptools.c:3635 Originate Failed.  Cause: GATEWAY_DOWN"),
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.firstFailure).toMatchObject({ code: 503, line: 1 });
  });

  it("counts the refusal once when the summary follows it with no cause line", () => {
    const a = run([
      down,
      fs("05.223456", "INFO", "mod_dptools.c:3635 Originate Failed.  Cause: GATEWAY_DOWN"),
    ]);
    expect(a.counts.findings).toBe(1);
  });

  it("finds nothing wrong in a gateway that is up", () => {
    const a = run([
      fs("01.123456", "NOTICE", "sofia_reg.c:3105 Gateway 'carrier_a' is up"),
      fs(
        "01.223456",
        "NOTICE",
        "sofia.c:6171 Ping succeeded carrier_a with code 200 - count 1/1/1, state UP",
      ),
    ]);
    expect(a.firstFailure).toBeNull();
  });

  const dialled = (call: string, target: string) =>
    ast(
      call,
      `pbx.c: Executing [914155550123@from-internal:1] Dial("PJSIP/1000-00000021", "${target},30") in new stack`,
    );
  const fellThrough = (call: string) =>
    ast(call, "pbx.c: Auto fallthrough, channel 'PJSIP/1000-00000021' status is 'CHANUNAVAIL'");

  it("blames this Asterisk's trunk, with its endpoint checks, when the Dial() went through one", () => {
    const a = run([dialled("C-00000016", "PJSIP/14155550123@carrier-trunk"), fellThrough("C-00000016")]);
    expect(a.firstFailure).toMatchObject({ code: 20, trunk: "PJSIP/carrier-trunk" });
    expect(a.failingComponent).toMatch(
      /^This Asterisk's PJSIP trunk carrier-trunk: .*nothing was sent to the carrier/,
    );
    expect(a.checklist[0]).toMatch(/pjsip show endpoint carrier-trunk/);
    expect(a.checklist.join("\n")).not.toMatch(/called user's registrations|mobile numbers/);
    expect(JSON.stringify(a)).not.toContain("14155550123");
  });

  it("names a chan_sip peer in its own CLI words", () => {
    const a = run([dialled("C-00000017", "SIP/carrier/14155550123"), fellThrough("C-00000017")]);
    expect(a.checklist[0]).toMatch(/sip show peer carrier/);
  });

  it("keeps the callee's registration checks for a phone, and reads no other call's Dial()", () => {
    const phone = run([dialled("C-00000018", "PJSIP/2001"), fellThrough("C-00000018")]);
    expect(phone.firstFailure?.trunk).toBeUndefined();
    expect(phone.checklist[0]).toMatch(/registrations on the registrar/);
    const other = run([dialled("C-00000019", "PJSIP/1415@carrier-trunk"), fellThrough("C-00000020")]);
    expect(other.firstFailure?.trunk).toBeUndefined();
  });
});

describe("an Asterisk Dial() that ended CHANUNAVAIL with no cause", () => {
  it("is the callee not reachable (cause 20), with registration checks", () => {
    const a = run([
      ast("C-00000012", "app_dial.c: Called PJSIP/100"),
      ast("C-00000012", "pbx.c: Auto fallthrough, channel 'PJSIP/200-00000001' status is 'CHANUNAVAIL'"),
    ]);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 20, line: 2 });
    expect(a.checklist[0]).toMatch(/registrations on the registrar/);
    // The code is the catalog's reading of the status, and the headline says what the log said.
    expect(a.firstFailureLabel).toBe(
      "Q.850 cause 20 Subscriber absent (Asterisk CHANUNAVAIL, no cause logged)",
    );
  });

  it("counts the summary, the fall-through and the printed status of one Dial() once", () => {
    const a = run([
      ast("C-00000012", "app_dial.c: Everyone is busy/congested at this time (1:0/0/1)"),
      ast("C-00000012", "pbx.c: Auto fallthrough, channel 'PJSIP/200-00000001' status is 'CHANUNAVAIL'"),
      ast(
        "C-00000012",
        'pbx.c: Executing [h@from-internal:1] NoOp("PJSIP/200-00000001", "DIALSTATUS=CHANUNAVAIL")',
      ),
      ast("C-00000013", "pbx.c: Auto fallthrough, channel 'PJSIP/201-00000002' status is 'CHANUNAVAIL'"),
    ]);
    expect(a.counts.findings).toBe(2);
  });

  it("leaves the cause to the line that gave it", () => {
    const a = run([
      "[Mar  5 03:10:12] WARNING[4521][C-00000012] app_dial.c: Unable to create channel of type 'PJSIP' (cause 3 - No route to destination)",
      ast("C-00000012", "pbx.c: Auto fallthrough, channel 'PJSIP/200-00000001' status is 'CHANUNAVAIL'"),
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.firstFailure).toMatchObject({ code: 3, line: 1 });
  });

  it("reads nothing new from a call cleared normally", () => {
    const a = run([
      ast("C-00000014", "app_dial.c: PJSIP/100-00000003 answered PJSIP/200-00000002"),
      ast(
        "C-00000014",
        'pbx.c: Executing [h@from-internal:1] NoOp("PJSIP/200-00000002", "DIALSTATUS=ANSWER")',
      ),
    ]);
    expect(a.firstFailure).toBeNull();
  });
});

describe("FreeSWITCH's CODEC NEGOTIATION ERROR", () => {
  const codec = fs("07.200000", "ERR", "sofia_glue.c:1660 CODEC NEGOTIATION ERROR.  SDP:");

  it("is FreeSWITCH's own INCOMPATIBLE_DESTINATION when pasted alone, with the codec checks", () => {
    const a = run([codec, "v=0", "m=audio 16384 RTP/AVP 18 101", "a=rtpmap:18 G729/8000"]);
    expect(a.firstFailure).toMatchObject({ namespace: "q850", code: 88, line: 1, direction: "local" });
    expect(a.checklist.join("\n")).toMatch(/compare the codecs in the caller's offer/);
    // This FreeSWITCH refused the offer: its codec settings, not "the called equipment".
    expect(a.failingComponent).toMatch(
      /^This FreeSWITCH's codec settings: it accepted nothing in an SDP offer/,
    );
  });

  it("is counted once with the CS_NEW hang-up that restates it", () => {
    const a = run([
      codec,
      "m=audio 16384 RTP/AVP 18 101",
      "a=rtpmap:18 G729/8000",
      fs(
        "07.201000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/external/+14155550123@198.51.100.20 [CS_NEW] [INCOMPATIBLE_DESTINATION]",
      ),
    ]);
    expect(a.counts.findings).toBe(1);
    expect(a.failingComponent).toMatch(/^This FreeSWITCH's codec settings: .*from 198\.51\.100\.20/);
  });

  it("reads nothing new from a call cleared normally", () => {
    const a = run([
      fs(
        "09.100000",
        "NOTICE",
        "sofia.c:1065 Hangup sofia/internal/1001@10.10.20.31:5060 [CS_EXECUTE] [NORMAL_CLEARING]",
      ),
    ]);
    expect(a.firstFailure).toBeNull();
  });
});
