// A 487 is the INVITE's answer once a CANCEL terminated it (RFC 3261 §9.2), never the CANCEL's: in
// an AudioCodes one-line log it is normal traffic after the caller's CANCEL, even when the
// CANCEL's own 200 OK is not in the paste.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const P = "10.0.0.50 [S=900002] [SID=d4e5f6:44:2001]  ( lgr_psbrdex)(700002)  ";
const LINES = [
  `Mar  1 20:20:00 ${P} send --> INVITE sip:+442079460958@203.0.113.77;user=phone SIP/2.0 [Time:01-03@20:20:00.150]`,
  `Mar  1 20:20:01 ${P} recv <-- SIP/2.0 180 Ringing [Time:01-03@20:20:01.020]`,
  `Mar  1 20:20:15 ${P} send --> CANCEL sip:+442079460958@203.0.113.77;user=phone SIP/2.0 [Time:01-03@20:20:15.000]`,
];
const OK = `Mar  1 20:20:15 ${P} recv <-- SIP/2.0 200 OK [Time:01-03@20:20:15.040]`;
const TERMINATED = `Mar  1 20:20:15 ${P} recv <-- SIP/2.0 487 Request Terminated [Time:01-03@20:20:15.042]`;

function run(lines: string[]) {
  const scan = scanText(catalog(), lines.join("\n"));
  return { scan, a: analyze(catalog(), scan) };
}

describe("an AudioCodes 487 after its CANCEL", () => {
  it("answers the INVITE and is no failure without the CANCEL's 200 OK", () => {
    const { scan, a } = run([...LINES, TERMINATED]);
    const f = scan.findings.find((x) => x.code === 487);
    expect(f?.method).toBe("INVITE");
    expect(a.firstFailure).toBeNull();
    expect(a.normal.join(" ")).toMatch(
      /487 Request Terminated on line 4 \(INVITE\): cancelled by the caller/,
    );
  });

  it("answers the INVITE with the CANCEL's 200 OK in between", () => {
    const { scan, a } = run([...LINES, OK, TERMINATED]);
    expect(scan.findings.find((x) => x.code === 487)?.method).toBe("INVITE");
    expect(scan.findings.find((x) => x.code === 200)?.method).toBe("CANCEL");
    expect(a.firstFailure).toBeNull();
  });

  it("still fails a 487 that no CANCEL came before", () => {
    const { a } = run([LINES[0] ?? "", LINES[1] ?? "", TERMINATED]);
    expect(a.firstFailure?.code).toBe(487);
  });
});
