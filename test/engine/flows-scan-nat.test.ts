// Media that stopped on a call answered from behind NAT: the 200 OK came from a public address
// but its SDP c= line (or Contact) names a private RFC 1918 one. The summary says so and the NAT
// checks lead the checklist, ahead of the symptom's firewall idle-timeout checks.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

function call(opts: { from?: string; contact?: string; media?: string; dot?: string } = {}): string {
  const from = opts.from ?? "198.51.100.77";
  const contact = opts.contact ?? "192.168.1.50";
  const media = opts.media ?? "192.168.1.50";
  const d = opts.dot ?? "";
  const sip = (lines: string[]) => lines.map((l) => `${l}${d}`);
  return [
    `U 2024/03/05 03:00:02.500000 ${from}:5060 -> 203.0.113.20:5060`,
    ...sip([
      "SIP/2.0 200 OK",
      "Via: SIP/2.0/UDP 203.0.113.20;rport=5060;branch=z9hG4bKNaT1",
      'From: "Carrier" <sip:+14155550123@203.0.113.20>;tag=F3aQ9',
      `To: <sip:1001@${from}:5060>;tag=3984123`,
      "Call-ID: 1c8e0b44-2f6a-4d1e-8b3c-0a9d7e6f5c4b",
      "CSeq: 55 INVITE",
      `Contact: <sip:1001@${contact}:5060>`,
      "User-Agent: Yealink SIP-T46S 66.86.0.15",
      "Content-Type: application/sdp",
      "Content-Length: 160",
      "",
      "v=0",
      `o=- 1234 1234 IN IP4 ${media}`,
      "s=-",
      `c=IN IP4 ${media}`,
      "t=0 0",
      "m=audio 11780 RTP/AVP 0 8 101",
      "a=sendrecv",
    ]),
    "",
    "2024-03-05 03:00:02.502311 [NOTICE] sofia.c:8736 Channel [sofia/internal/1001@198.51.100.77:5060] has been answered",
    "2024-03-05 03:00:33.015011 [NOTICE] switch_channel.c:4114 Hangup sofia/internal/1001@198.51.100.77:5060 [CS_EXCHANGE_MEDIA] [MEDIA_TIMEOUT]",
  ].join("\n");
}

const run = (log: string) => {
  const scan = scanText(catalog(), log);
  return { scan, a: analyze(catalog(), scan) };
};

describe("media timeout after an answer from behind NAT", () => {
  it("names the private SDP address and leads with NAT checks", () => {
    const { scan, a } = run(call());
    const ok = scan.findings.find((f) => f.code === 200);
    expect(ok?.privateSdp).toBe("192.168.1.50");
    expect(ok?.privateContact).toBe("192.168.1.50");
    expect(a.firstFailureLabel).toMatch(/Audio drops after answer/);
    expect(a.summary).toContain(
      "198.51.100.77:5060, a public address, but its SDP c= line gives 192.168.1.50",
    );
    expect(a.summary).toContain("behind NAT");
    expect(a.summary).toContain("30.5 s after that answer");
    expect(a.checklist[0]).toMatch(/^Check NAT traversal toward 198\.51\.100\.77/);
    expect(a.checklist[1]).toMatch(/SIP ALG/);
    // The symptom's own checks still follow.
    expect(a.checklist.join("\n")).toMatch(/UDP idle timeout/);
  });

  it("reads the SDP of an ngrep -W byline trace too", () => {
    const { scan } = run(call({ dot: "." }));
    expect(scan.findings.find((f) => f.code === 200)?.privateSdp).toBe("192.168.1.50");
  });

  it("falls back to a private Contact when the SDP address is public", () => {
    const { a } = run(call({ media: "198.51.100.77" }));
    expect(a.summary).toContain("its Contact gives 192.168.1.50");
    expect(a.checklist[0]).toMatch(/private 192\.168\.1\.50 \(Contact\)/);
  });

  it("gives no NAT hint when the answer names only public addresses", () => {
    const { scan, a } = run(call({ contact: "198.51.100.77", media: "198.51.100.77" }));
    expect(scan.findings.find((f) => f.code === 200)?.privateSdp).toBeUndefined();
    expect(a.summary).not.toMatch(/NAT/);
    expect(a.checklist[0]).not.toMatch(/NAT traversal/);
  });

  it("gives no NAT hint on a LAN, where a private address came from a private one", () => {
    const { scan, a } = run(call({ from: "10.0.0.40" }));
    expect(scan.findings.find((f) => f.code === 200)?.privateSdp).toBeUndefined();
    expect(a.summary).not.toMatch(/NAT/);
  });
});
