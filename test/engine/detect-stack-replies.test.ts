// Statuses stacks log in their own encoding: pjsip's "[status=1704xx]".
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function findings(text: string) {
  return scanText(catalog(), text).findings;
}

/** Every finding as "namespace code @line", in order. */
function found(text: string): string[] {
  return findings(text).map((f) => `${f.namespace} ${f.code} @${f.line}`);
}

describe("pjsip status values that carry a SIP status", () => {
  const log = [
    "03:40:05.456        pjsua_call.c  .Unable to make call: Request Timeout [status=170408]",
    "03:40:06.001  pjsua_call.c  Error sending re-INVITE: Service Unavailable [status=170503]",
    "03:40:07.001  pjsua_acc.c  ..Unable to create/send REGISTER: Forbidden [status=170403]",
    "03:40:08.001  pjsua_call.c  Call 0: Unable to make call: Request Timeout (PJSIP_SC_REQUEST_TIMEOUT) [status=170408]",
  ].join("\n");

  it("reports the SIP status, its method and its reason", () => {
    const fs = findings(log);
    expect(fs.map((f) => [f.code, f.method, f.reason])).toEqual([
      [408, "INVITE", "Request Timeout"],
      [503, "re-INVITE", "Service Unavailable"],
      [403, "REGISTER", "Forbidden"],
      [408, "INVITE", "Request Timeout"],
    ]);
    expect(fs.every((f) => f.namespace === "sip")).toBe(true);
  });

  it("reports none of pjsip's own errors", () => {
    expect(
      found("pjsua_call.c  Unable to hangup: INVITE session already terminated [status=171140]"),
    ).toEqual([]);
    expect(found("pjsua_core.c  Error: Invalid argument [status=70004]")).toEqual([]);
  });
});
