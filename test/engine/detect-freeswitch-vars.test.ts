// FreeSWITCH channel variables that hold the far end's SIP status, as `info` and `uuid_dump` print
// them and as JSON and XML CDRs store them.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { found } from "../helpers/found.js";

describe("FreeSWITCH SIP status variables", () => {
  it("reads proto_specific_hangup_cause, on either leg, as the SIP status after sip:", () => {
    expect(found("variable_last_bridge_proto_specific_hangup_cause: [sip:486]")).toEqual(["sip 486 @1"]);
    expect(found("variable_proto_specific_hangup_cause: sip:503")).toEqual(["sip 503 @1"]);
    expect(found('{"variables":{"proto_specific_hangup_cause":"sip:480"}}')).toEqual(["sip 480 @1"]);
    expect(found("<proto_specific_hangup_cause>sip%3A404</proto_specific_hangup_cause>")).toEqual([
      "sip 404 @1",
    ]);
  });

  it("reads sip_invite_failure_status as the answer to the call's INVITE", () => {
    const scan = scanText(
      catalog(),
      "variable_sip_invite_failure_status: [486]\nvariable_sip_invite_failure_phrase: [Busy Here]",
    );
    expect(scan.findings.map((f) => `${f.code} ${f.method} @${f.line}`)).toEqual(["486 INVITE @1"]);
  });

  it("reads no code from a cause that is not a SIP status", () => {
    expect(
      found("variable_proto_specific_hangup_cause: sip:48\nvariable_sip_invite_failure_status: [0]"),
    ).toEqual([]);
  });
});
