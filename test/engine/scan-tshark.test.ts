// `tshark -V` prints each frame as a tree: a SIP message found there is shown with its frame's
// arrival time and IP source, and a Reason header's dissected "Cause:" field is that header's
// cause, not a second release.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const scan = scanText(catalog(), log);
  const a = analyze(catalog(), scan);
  return { findings: scan.findings, text: cardToText(scanCard(a), { full: true }) };
}

/** One frame of `tshark -V` with a 480 and its Reason header, dissected into fields. */
function frame(opts: { arrival: string; epoch?: string; ip: string; transport?: string }): string {
  return [
    "Frame 12: 612 bytes on wire (4896 bits), 612 bytes captured (4896 bits) on interface eth0, id 0",
    "    Interface id: 0 (eth0)",
    `    Arrival Time: ${opts.arrival}`,
    ...(opts.epoch ? [`    Epoch Arrival Time: ${opts.epoch}`] : []),
    "    Frame Number: 12",
    "Ethernet II, Src: 52:54:00:65:43:21, Dst: 52:54:00:12:34:56",
    `Internet Protocol Version 4, Src: ${opts.ip}, Dst: 198.51.100.20`,
    "    Time to Live: 64",
    `${opts.transport ?? "User Datagram Protocol"}, Src Port: 5060, Dst Port: 5060`,
    "Session Initiation Protocol (480)",
    "    Status-Line: SIP/2.0 480 Temporarily Unavailable",
    "        Status-Code: 480",
    "        [Resent Packet: False]",
    "        [Response Time (ms): 4123]",
    "    Message Header",
    "        Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK776asdhds",
    "        Call-ID: a84b4c76e66710@pc33.example.com",
    "        CSeq: 314159 INVITE",
    "            Sequence Number: 314159",
    "            Method: INVITE",
    '        Reason: Q.850;cause=18;text="No user responding"',
    "            Protocol: Q.850",
    "            Cause: 18",
    '            Text: "No user responding"',
    "        Server: CarrierSBC 4.1",
    "        Content-Length: 0",
    "",
  ].join("\n");
}

describe("tshark -V output", () => {
  it("gives the status line its frame's arrival time and IP source, and counts the Reason's cause once", () => {
    const { findings, text } = scanned(
      frame({
        arrival: "Mar  5, 2024 03:15:06.124345000 UTC",
        epoch: "1709608506.124345000",
        ip: "203.0.113.10",
      }),
    );
    const status = findings.find((f) => f.code === 480);
    expect(status).toMatchObject({ timestamp: "2024-03-05 03:15:06.124345", host: "203.0.113.10:5060" });
    const causes = findings.filter((f) => f.namespace === "q850");
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({
      line: 21,
      timestamp: "2024-03-05 03:15:06.124345",
      host: "203.0.113.10:5060",
      callId: "a84b4c76e66710@pc33.example.com",
    });
    expect(text).toContain(
      "• 2024-03-05 03:15:06.124345 ✗ SIP 480 Temporarily Unavailable (INVITE) from 203.0.113.10:5060 — line 11",
    );
    expect(text).toContain("✗ Q.850 cause 18 No user responding from 203.0.113.10:5060 — line 21");
    expect(text).not.toContain("No user responding ×2");
  });

  it("reads a resolved source name's address, TCP ports, and a local zone from the epoch time", () => {
    const { findings } = scanned(
      frame({
        arrival: "Mar  5, 2024 04:15:06.124345000 CET",
        epoch: "1709608506.124345000",
        ip: "sbc.carrier.example (203.0.113.10)",
        transport: "Transmission Control Protocol",
      }),
    );
    const status = findings.find((f) => f.code === 480);
    expect(status?.timestamp).toBe("2024-03-05 04:15:06.124345 CET");
    expect(status?.tsMs).toBe(Date.UTC(2024, 2, 5, 3, 15, 6, 124));
    expect(status?.host).toBe("203.0.113.10:5060");
  });

  it("still reports a cause field that no Reason header above it gave", () => {
    const { findings } = scanned(
      ["Event: Hangup", "Channel: PJSIP/carrier-00000001", "Cause: 17", "Cause-txt: User busy", ""].join(
        "\n",
      ),
    );
    expect(findings.filter((f) => f.namespace === "q850").map((f) => f.code)).toEqual([17]);
  });
});
