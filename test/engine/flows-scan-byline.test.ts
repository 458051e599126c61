// `ngrep -W byline` prints the CR that ends every SIP line as "." ("Retry-After: 300."): the dot
// belongs to no header value, so the Retry-After is read and the Call-ID and Server keep their
// real values, the same as in a trace without the dots.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function trace(dot: string): string {
  return [
    "#",
    "U 2024/03/05 02:14:07.110500 10.0.0.20:5080 -> 198.51.100.10:5060 #3",
    "INVITE sip:+14155550123@198.51.100.10 SIP/2.0",
    "Via: SIP/2.0/UDP 10.0.0.20:5080;rport;branch=z9hG4bKQ9aZ1",
    "From: <sip:+12125550100@10.0.0.20>;tag=Fs7gH2",
    "To: <sip:+14155550123@198.51.100.10>",
    "Call-ID: 7d3c5e1a-9b2f-4c11-8e77-2a6b0f3d9e01",
    "CSeq: 45012301 INVITE",
    "Content-Length: 0",
    "",
    "",
    "#",
    "U 2024/03/05 02:14:07.412900 198.51.100.10:5060 -> 10.0.0.20:5080 #5",
    "SIP/2.0 503 Service Unavailable",
    "Via: SIP/2.0/UDP 10.0.0.20:5080;rport=5080;branch=z9hG4bKQ9aZ1",
    "From: <sip:+12125550100@10.0.0.20>;tag=Fs7gH2",
    "To: <sip:+14155550123@198.51.100.10>;tag=as5f1e2d3c",
    "Call-ID: 7d3c5e1a-9b2f-4c11-8e77-2a6b0f3d9e01",
    "CSeq: 45012301 INVITE",
    "Server: CarrierSBC/4.2",
    "Retry-After: 300",
    "Content-Length: 0",
    "",
    "",
  ]
    .map((l, i, all) => {
      // ngrep's packet lines, separators and the empty line between packets carry no CR; every
      // SIP line, and the blank line that ends the headers, does.
      const packet = l === "#" || l.startsWith("U ") || (l === "" && all[i - 1] === "");
      return packet ? l : `${l}${dot}`;
    })
    .join("\n");
}

describe("ngrep -W byline traces", () => {
  it("read the 503's Retry-After, Call-ID and Server without the trailing dot", () => {
    const f = scanText(catalog(), trace(".")).findings.find((x) => x.code === 503);
    expect(f?.retryAfter).toBe(300);
    expect(f?.callId).toBe("7d3c5e1a-9b2f-4c11-8e77-2a6b0f3d9e01");
    expect(f?.agent).toBe("CarrierSBC/4.2");
    expect(f?.host).toBe("198.51.100.10:5060");
  });

  it("give the same answer as the trace without dots", () => {
    const dotted = analyze(catalog(), scanText(catalog(), trace(".")));
    const plain = analyze(catalog(), scanText(catalog(), trace("")));
    expect(dotted.summary).toBe(plain.summary);
    expect(dotted.failingComponent).toContain("(CarrierSBC/4.2)");
  });

  it("keep a dot that ends a value when the message's lines carry none", () => {
    const text = trace("").replace(
      "Call-ID: 7d3c5e1a-9b2f-4c11-8e77-2a6b0f3d9e01\nCSeq: 45012301 INVITE\nServer",
      "Call-ID: abc.\nCSeq: 45012301 INVITE\nServer",
    );
    const f = scanText(catalog(), text).findings.find((x) => x.code === 503);
    expect(f?.callId).toBe("abc.");
  });
});
