// FreeSWITCH's `info` application and `uuid_dump` print one channel's variables: several of them
// hold the same outcome (sip_term_status, sip_invite_failure_status and
// last_bridge_proto_specific_hangup_cause the 503; sip_term_cause, originate_disposition,
// DIALSTATUS and bridge_hangup_cause its cause 41). One dump is one call's outcome: each code counts
// once, at the dump's time, while another dump, or a code that differs, counts on its own.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));
const codeOf = (key: string) => key.split(":").slice(0, 2).join("/");
const codes = (a: ReturnType<typeof run>) => a.timeline.map((t) => `${codeOf(t.key)}×${t.count}`);

/** One `info` dump of a leg whose bridge a 503 refused. */
function infoDump(time: string, uuid: string, callId: string, status = 503): string[] {
  return [
    `2024-03-05 03:40:${time} [INFO] mod_dptools.c:1743 CHANNEL_DATA:`,
    "Channel-State: [CS_EXECUTE]",
    "Channel-Name: [sofia/external/+14155550123@203.0.113.10]",
    `Unique-ID: [${uuid}]`,
    `variable_sip_call_id: [${callId}]`,
    "variable_start_stamp: [2024-03-05 03:39:58]",
    `variable_sip_term_status: [${status}]`,
    "variable_sip_term_cause: [41]",
    `variable_sip_invite_failure_status: [${status}]`,
    "variable_sip_invite_failure_phrase: [Service Unavailable]",
    "variable_originate_disposition: [NORMAL_TEMPORARY_FAILURE]",
    "variable_DIALSTATUS: [NORMAL_TEMPORARY_FAILURE]",
    `variable_last_bridge_proto_specific_hangup_cause: [sip:${status}]`,
    "variable_bridge_hangup_cause: [NORMAL_TEMPORARY_FAILURE]",
    "variable_read_codec: [PCMU]",
  ];
}

describe("a FreeSWITCH channel variable dump", () => {
  it("is one refused bridge: the 503 and cause 41 once each, at the header's time", () => {
    const a = run(infoDump("01.123456", "6c1f0a52-3b8e", "3c2a1b0f9e8d@203.0.113.10"));
    expect(codes(a)).toEqual(["sip/503×1", "q850/41×1"]);
    expect(a.firstFailure).toMatchObject({ namespace: "sip", code: 503, line: 7, method: "INVITE" });
    expect(a.firstFailure?.timestamp).toBe("2024-03-05 03:40:01.123456");
  });

  it("counts each dump of two calls", () => {
    const a = run([
      ...infoDump("01.123456", "6c1f0a52-3b8e", "3c2a1b0f9e8d@203.0.113.10"),
      ...infoDump("09.500000", "7d2e1b63-4c9f", "4d3b2c1a0f9e@203.0.113.10"),
    ]);
    expect(codes(a)).toEqual(["sip/503×2", "q850/41×2"]);
  });

  it("tells two pasted dumps without headers apart by their Unique-ID", () => {
    const a = run([
      ...infoDump("01.123456", "6c1f0a52-3b8e", "3c2a1b0f9e8d@203.0.113.10").slice(1),
      ...infoDump("09.500000", "7d2e1b63-4c9f", "4d3b2c1a0f9e@203.0.113.10").slice(1),
    ]);
    expect(codes(a)).toEqual(["sip/503×2", "q850/41×2"]);
  });

  it("keeps a code that differs within one dump", () => {
    const a = run([
      "2024-03-05 03:40:01.123456 [INFO] mod_dptools.c:1743 CHANNEL_DATA:",
      "Unique-ID: [6c1f0a52-3b8e]",
      "variable_sip_term_status: [486]",
      "variable_last_bridge_proto_specific_hangup_cause: [sip:503]",
    ]);
    expect(codes(a)).toEqual(["sip/486×1", "sip/503×1"]);
  });

  it("has uuid_dump's Event-Date-Local as its time", () => {
    const a = run([
      "Event-Name: CHANNEL_DATA",
      "Event-Date-Local: 2024-03-05 03:41:07",
      "Unique-ID: 6c1f0a52-3b8e",
      "Channel-State: CS_EXECUTE",
      "Channel-Call-State: HANGUP",
      "variable_sip_call_id: 3c2a1b0f9e8d@203.0.113.10",
      "variable_sip_hangup_disposition: recv_refuse",
      "variable_sip_term_status: 503",
      "variable_sip_term_cause: 41",
      "variable_proto_specific_hangup_cause: sip:503",
    ]);
    expect(codes(a)).toEqual(["sip/503×1", "q850/41×1"]);
    expect(a.firstFailure?.timestamp).toBe("2024-03-05 03:41:07");
  });
});
