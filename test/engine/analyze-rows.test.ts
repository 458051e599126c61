// One code, one row: an occurrence that names no host joins the code's only host row, a code from
// many hosts is one row with its busiest hosts, and "distinct" counts codes, not rows.
import { describe, expect, it } from "vitest";
import { scanFileJson } from "../../src/adapters/cli/json.js";
import { analyze, MAX_LISTED_HOSTS } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";
import { ngrepPacket } from "../helpers/ngrep.js";

function scanned(log: string) {
  const scan = scanText(catalog(), log);
  const a = analyze(catalog(), scan);
  return { text: cardToText(scanCard(a), { full: true }), json: scanFileJson("-", scan, a).summary };
}

const timelineOf = (text: string) => text.split("\n\n").find((s) => s.startsWith("Timeline")) ?? "";
const related = (text: string) => text.split("\n").find((l) => l.startsWith("Related: ")) ?? "";

/** A Kamailio-style warning per BYE: `n` 481s from each host, the first host the busiest. */
function byes481(hosts: number, perHost: (h: number) => number): string {
  const lines: string[] = [];
  let t = 0;
  for (let h = 0; h < hosts; h++) {
    for (let k = 0; k < perHost(h); k++, t++) {
      const ts = new Date(Date.UTC(2024, 4, 14, 5, 10, t)).toISOString().replace("T", " ").slice(0, 23);
      lines.push(
        `${ts} kamailio[100]: WARNING: <script>: BYE for callid=c${t}@10.0.0.1 got 481 Call/Transaction Does Not Exist from 10.0.1.${h}`,
      );
    }
  }
  return lines.join("\n");
}

describe("timeline rows per code", () => {
  it("folds a pjsip DISCONNECTED reason into the response row it summarises", () => {
    const { text, json } = scanned(
      [
        "02:44:02.950   pjsua_core.c  .RX 410 bytes Response msg 480/INVITE/cseq=11543 (rdata0x7f8c3c003e28) from UDP 203.0.113.60:5060:",
        "02:44:02.951   pjsua_app.c  .......Call 0 is DISCONNECTED [reason=480 (Temporarily Unavailable)]",
      ].join("\n"),
    );
    expect(text).toContain("Codes found               2 (1 distinct, 1 failing)");
    expect(text).toContain("Found 2 codes (1 distinct) in 2 lines.");
    expect(timelineOf(text)).toBe(
      "Timeline\n  • 02:44:02.950 ✗ SIP 480 Temporarily Unavailable ×2 (INVITE) from 203.0.113.60:5060 — line 1",
    );
    expect(related(text)).toBe("Related: SIP 480 Temporarily Unavailable");
    expect(json.timeline).toEqual([
      expect.objectContaining({
        key: "sip:480:null:203.0.113.60:5060",
        count: 2,
        hosts: ["203.0.113.60:5060"],
        hostCounts: [1],
        hostTotal: 1,
      }),
    ]);
    expect(json.counts).toMatchObject({ findings: 2, distinct: 1, failures: 1 });
  });

  it("keeps a few hosts of one code as their own rows, but counts and links the code once", () => {
    const { text, json } = scanned(byes481(2, () => 2));
    expect(text).toContain("4 (1 distinct, 1 failing)");
    expect(timelineOf(text)).toContain("×2 from 10.0.1.0 — line 1");
    expect(timelineOf(text)).toContain("×2 from 10.0.1.1 — line 3");
    expect(related(text)).toBe("Related: SIP 481 Call/Transaction Does Not Exist");
    expect(json.timeline).toHaveLength(2);
  });

  it("shows a code from many hosts as one row with the busiest hosts", () => {
    // 200 hosts: host h sends 15 481s, except the first five, which send more.
    const { text, json } = scanned(byes481(200, (h) => (h < 5 ? 40 - h : 15)));
    const total = 40 + 39 + 38 + 37 + 36 + 195 * 15;
    expect(text).toContain(`${total} (1 distinct, 1 failing)`);
    expect(timelineOf(text)).toBe(
      `Timeline\n  • 2024-05-14 05:10:00.000 ✗ SIP 481 Call/Transaction Does Not Exist ×${total} from 200 hosts: 10.0.1.0 ×40, 10.0.1.1 ×39, 10.0.1.2 ×38, 10.0.1.3 ×37, 10.0.1.4 ×36, … — line 1`,
    );
    expect(text).not.toContain("more codes");
    expect(related(text)).toBe("Related: SIP 481 Call/Transaction Does Not Exist");
    expect(json.timeline).toHaveLength(1);
    expect(json.timeline[0]).toMatchObject({
      key: "sip:481:null:*",
      count: total,
      firstLine: 1,
      hosts: ["10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.4"],
      hostCounts: [40, 39, 38, 37, 36],
      hostTotal: 200,
      failure: true,
    });
    expect(json.timeline[0]?.hosts).toHaveLength(MAX_LISTED_HOSTS);
  });

  it("says how many more codes the timeline leaves out, counting codes", () => {
    const codes = [400, 402, 403, 404, 405, 406, 410, 413, 415, 420, 423, 480, 482, 483, 484, 485, 486, 488];
    const { text, json } = scanned(codes.map((c, i) => `SIP/2.0 ${c} x\nCSeq: ${i} INVITE\n`).join("\n"));
    expect(json.counts.distinct).toBe(codes.length);
    expect(timelineOf(text)).toMatch(/… and 3 more codes$/);
  });
});

describe("responses this log's system sent", () => {
  /** pjsip: 200s to INVITEs received from the carrier, 200s to its BYEs sent back to it (as a
   *  one-line summary, or with the message under its transport line). */
  function pjsipCalls(calls: number, sentMessage = false): string {
    const lines: string[] = [];
    for (let c = 0; c < calls; c++) {
      const ts = (s: number) =>
        new Date(Date.UTC(2024, 4, 14, 8, 0, 0) + (c * 10 + s) * 1000)
          .toISOString()
          .replace("T", " ")
          .slice(0, 23);
      lines.push(
        `${ts(0)} [${c}] RX 312 bytes Response msg 200/INVITE/cseq=${100 + c} (rdata0x7f) from UDP 198.51.100.20:5060:`,
        "SIP/2.0 200 OK",
        `Call-ID: call-${c}@10.0.0.5`,
        `CSeq: ${100 + c} INVITE`,
        "Content-Length: 0",
        "--end msg--",
        `${ts(5)} [${c}] RX 290 bytes Request msg BYE/cseq=${200 + c} from UDP 198.51.100.20:5060`,
        `${ts(5)} [${c}] TX 300 bytes Response msg 200/BYE/cseq=${200 + c} (tdta0x7f) to UDP 198.51.100.20:5060${sentMessage ? ":" : ""}`,
      );
      if (sentMessage)
        lines.push("SIP/2.0 200 OK", `Call-ID: call-${c}@10.0.0.5`, `CSeq: ${200 + c} BYE`, "--end msg--");
    }
    return lines.join("\n");
  }

  it("are not shown as from the host they were sent to", () => {
    const { text, json } = scanned(pjsipCalls(3));
    expect(timelineOf(text)).toBe(
      [
        "Timeline",
        "  • 2024-05-14 08:00:00.000 ✓ SIP 200 OK ×3 (INVITE) from 198.51.100.20:5060 — line 2",
        "  • 2024-05-14 08:00:05.000 ✓ SIP 200 OK ×3 (BYE) — line 8",
      ].join("\n"),
    );
    expect(json.timeline.map((t) => t.key)).toEqual([
      "sip:200:null:198.51.100.20:5060",
      "sip:200:null:>198.51.100.20:5060",
    ]);
    expect(json.counts).toMatchObject({ findings: 6, distinct: 1 });
  });

  it.each([
    ["summary line", false, 8],
    ["message under its transport line", true, 9],
  ])("keep their own row past the storage cap, with every repeat counted (%s)", (_name, full, line) => {
    const { text, json } = scanned(pjsipCalls(1500, full));
    expect(json.counts.omitted).toBeGreaterThan(0);
    expect(timelineOf(text)).toContain("✓ SIP 200 OK ×1500 (INVITE) from 198.51.100.20:5060 — line 2");
    expect(timelineOf(text)).toContain(`✓ SIP 200 OK ×1500 (BYE) — line ${line}`);
  });

  it("join other rows that name no sender, never a sender's row", () => {
    const { text } = scanned(
      [
        "2024-05-14 08:00:00.000 [0] RX 312 bytes Response msg 486/INVITE/cseq=1 (rdata0x7f) from UDP 198.51.100.20:5060:",
        "2024-05-14 08:00:01.000 pjsua_app.c Call 0 got SIP/2.0 486 Busy Here",
        "2024-05-14 08:00:02.000 [1] TX 300 bytes Response msg 486/INVITE/cseq=7 to UDP 198.51.100.30:5060",
      ].join("\n"),
    );
    expect(timelineOf(text)).toContain("✗ SIP 486 Busy Here ×2 (INVITE) from 198.51.100.20:5060 — line 1");
    expect(timelineOf(text)).toContain("2024-05-14 08:00:02.000 ✗ SIP 486 Busy Here (INVITE) — line 3");
  });
});

describe("hang-up reasons in the timeline", () => {
  const PACKET = (time: string, from: string, to: string, lines: string[]) =>
    ngrepPacket({ date: "2025/03/11", time: `09:14:${time}`, from, to, lines });
  const CALL = "8c1e2f0a-55aa-4f7e@10.1.1.20";
  const OK = (time: string, from: string, cseq: string) =>
    PACKET(time, from, "10.1.1.10:5060", ["SIP/2.0 200 OK", `Call-ID: ${CALL}`, `CSeq: ${cseq}`]);
  const CANCEL = (time: string, to: string) =>
    PACKET(time, "10.1.1.10:5060", to, [
      `CANCEL sip:2001@${to} SIP/2.0`,
      `Call-ID: ${CALL}`,
      "CSeq: 101 CANCEL",
      'Reason: SIP;cause=200;text="Call completed elsewhere"',
      "Content-Length: 0",
    ]);

  it("keeps a CANCEL's Reason out of the 200 OK row, whose hosts add up to its count", () => {
    const { text, json } = scanned(
      [
        OK("07.890112", "10.1.2.31:5060", "101 INVITE"),
        CANCEL("07.891000", "10.1.2.45:5062"),
        CANCEL("07.891500", "203.0.113.77:41234"),
        OK("07.901000", "10.1.2.45:5062", "101 CANCEL"),
        OK("07.902000", "203.0.113.77:41234", "101 CANCEL"),
        OK("10.000000", "10.1.1.20:5060", "2 BYE"),
      ].join("\n"),
    );
    const ok = json.timeline.find((t) => t.label === "SIP 200 OK");
    expect(ok).toMatchObject({ count: 4, hostTotal: 4 });
    expect(ok?.hostCounts.reduce((x, y) => x + y, 0)).toBe(4);
    // Both CANCELs came from the proxy that forked the call.
    expect(timelineOf(text)).toContain(
      "✓ CANCEL Reason: SIP 200 Call completed elsewhere ×2 from 10.1.1.10:5060 — line 10",
    );
  });

  it("keeps a CANCEL's Reason and a later BYE's Reason with the same cause on rows of their own", () => {
    const withReason = (time: string, method: string, cseq: string) =>
      PACKET(time, "10.1.1.10:5060", "10.1.2.31:5060", [
        `${method} sip:2001@10.1.2.31 SIP/2.0`,
        `Call-ID: ${CALL}`,
        `CSeq: ${cseq}`,
        "Reason: Q.850;cause=16",
        "Content-Length: 0",
      ]);
    const { text } = scanned(
      [
        OK("07.890000", "10.1.2.31:5060", "101 INVITE"),
        withReason("07.890400", "CANCEL", "101 CANCEL"),
        withReason("07.910000", "BYE", "102 BYE"),
      ].join("\n"),
    );
    const timeline = timelineOf(text);
    expect(timeline).toMatch(/✓ CANCEL Reason: Q\.850 cause 16 [^\n×]*— line/);
    expect(timeline).toMatch(/✓ BYE Reason: Q\.850 cause 16 [^\n×]*— line/);
  });

  it("lists a BYE's Reason and the same cause logged on its own once under normal traffic", () => {
    const { json } = scanned(
      [
        PACKET("10.000000", "203.0.113.50:5060", "10.0.0.5:5060", [
          "BYE sip:2001@10.0.0.5 SIP/2.0",
          `Call-ID: ${CALL}`,
          "CSeq: 3 BYE",
          "Reason: Q.850;cause=16",
        ]),
        OK("10.010000", "10.0.0.5:5060", "3 BYE"),
        "[2025-03-11 09:14:10.562] VERBOSE[3024][C-0000012a] app_dial.c: Hangup cause: 16 (Normal Clearing)",
      ].join("\n"),
    );
    // Both are on the timeline, each on its own line of the log.
    expect(json.timeline.map((t) => t.label)).toEqual([
      "BYE Reason: Q.850 cause 16 Normal call clearing",
      "SIP 200 OK",
      "Q.850 cause 16 Normal call clearing",
    ]);
    expect(json.normal[0]).toBe(
      "Normal traffic: BYE Reason: Q.850 cause 16 Normal call clearing, SIP 200 OK.",
    );
  });
});
