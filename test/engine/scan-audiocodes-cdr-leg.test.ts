// AudioCodes SBC CDR rows: the method comes from SIPMethod, and when the far end ended the call
// (TrmSd=RMT) its address, by the leg's direction, is the host the code came from.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const header =
  "|CDR_TYPE |SIPMethod |SIPCallId            |Orig |SourceIp     |DestIp        |TrmSd |ReleaseTime                       |SIPTrmReason |SIPTermDesc";
const row = (orig: string, ended: string, code: string, desc: string) =>
  `|CALL_END |INVITE    |18061542@192.0.2.20   |${orig}  |192.0.2.20   |203.0.113.50  |${ended}   |03:20:31.180  UTC Tue Mar 05 2024 |${code}          |${desc}`;

describe("AudioCodes CDR: the leg's method and the far end that ended it", () => {
  it("gives an outbound leg's 503 the INVITE method and the destination as the sender", () => {
    const r = scanText(catalog(), [header, row("LCL", "RMT", "503", "Service Unavailable")].join("\n"));
    expect(r.findings.map((f) => [f.code, f.method, f.host, f.direction])).toEqual([
      [503, "INVITE", "203.0.113.50", "in"],
    ]);
    expect(analyze(catalog(), r).summary).toContain("from 203.0.113.50");
  });

  it("names the source of an inbound leg the far end sent", () => {
    const r = scanText(catalog(), [header, row("RMT", "RMT", "487", "Request Terminated")].join("\n"));
    expect(r.findings[0]?.host).toBe("192.0.2.20");
  });

  it("names no host when the SBC ended the call itself", () => {
    const r = scanText(catalog(), [header, row("LCL", "LCL", "500", "Server Internal Error")].join("\n"));
    expect(r.findings[0]?.method).toBe("INVITE");
    expect(r.findings[0]?.host).toBeUndefined();
  });
});
