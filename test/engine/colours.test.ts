// Logs saved from a terminal carry colour sequences around codes and timestamps; the scan reads
// them as if the colours were not there, also when a sequence is cut between two chunks.
import { describe, expect, it } from "vitest";
import { Scanner, scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const ESC = "\x1b";
const COLOURED = `${ESC}[0;32m2024-05-14 18:25:00.100${ESC}[0m WARNING res_pjsip: Got SIP response ${ESC}[1;31m503${ESC}[0m "Service Unavailable" back from 198.51.100.8:5060
${ESC}[0;32m2024-05-14 18:25:01.100${ESC}[0m Hangup cause: ${ESC}[1;31m34${ESC}[0m
`;
const PLAIN = COLOURED.split(ESC)
  .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, "")))
  .join("");

const seen = (out: ReturnType<typeof scanText>) =>
  out.findings.map((f) => `${f.namespace} ${f.code} line ${f.line} ${f.timestamp ?? "-"}`);

describe("terminal colours", () => {
  it("find the codes and times the plain text holds", () => {
    expect(seen(scanText(catalog(), COLOURED))).toEqual(seen(scanText(catalog(), PLAIN)));
    expect(seen(scanText(catalog(), COLOURED))).toEqual([
      "sip 503 line 1 2024-05-14 18:25:00.100",
      "q850 34 line 2 2024-05-14 18:25:01.100",
    ]);
  });

  it("are removed when a sequence is split between chunks, at every split point", () => {
    const want = seen(scanText(catalog(), PLAIN));
    for (let at = 1; at < COLOURED.length; at++) {
      const s = new Scanner(catalog());
      s.push(COLOURED.slice(0, at));
      s.push(COLOURED.slice(at));
      expect(seen(s.end())).toEqual(want);
    }
  });

  it("keep a lone escape character at the end as text", () => {
    const out = scanText(catalog(), `SIP/2.0 486 Busy Here ${ESC}`);
    expect(out.findings.map((f) => f.code)).toEqual([486]);
  });
});
