// `sipcode scan` reads files in blocks: a `tshark -V` frame whose tree is cut between two blocks
// is read as in one piece: its arrival time, source, method and Call-ID.
import { describe, expect, it } from "vitest";
import { type Finding, Scanner, scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/tshark-frames.js";

const shown = (findings: Finding[]) =>
  findings.map((f) => `${f.line} ${f.namespace} ${f.code} ${f.method} ${f.callId} ${f.host} ${f.timestamp}`);

/** The findings when `text` is pushed in two pieces cut at `at`. */
function cutAt(text: string, at: number): string[] {
  const s = new Scanner(catalog());
  s.push(text.slice(0, at));
  s.push(text.slice(at));
  return shown(s.end().findings);
}

describe("tshark -V frames cut between blocks", () => {
  for (const summary of [false, true]) {
    it(`reads a frame cut at any of its lines or mid-line as in one piece${summary ? " (-P -V)" : ""}`, () => {
      const lines = capture(summary);
      const text = `${lines.join("\n")}\n`;
      const whole = shown(scanText(catalog(), text).findings);
      // Every line of the second frame, and the middle of each.
      const first = lines.indexOf(lines.find((l) => l.startsWith("Frame 2:")) as string) - (summary ? 1 : 0);
      let offset = lines.slice(0, first).join("\n").length + 1;
      for (let i = first; (i < lines.length && lines[i - 1] !== "") || i === first; i++) {
        const line = lines[i] as string;
        expect(cutAt(text, offset), `cut before line ${i + 1}`).toEqual(whole);
        expect(cutAt(text, offset + (line.length >> 1)), `cut inside line ${i + 1}`).toEqual(whole);
        offset += line.length + 1;
      }
    });
  }

  it("gives each status its own frame's time, source, method and Call-ID", () => {
    const text = `${capture(false).join("\n")}\n`;
    const sip = scanText(catalog(), text).findings.filter((f) => f.namespace === "sip");
    expect(shown(sip)).toEqual([
      "39 sip 480 INVITE call-1@pc33.example.com 203.0.113.10:5060 2024-03-05 03:15:06.124345",
      "97 sip 486 INVITE call-2@pc33.example.com 203.0.113.10:5060 2024-03-05 03:15:07.124345",
      "155 sip 503 INVITE call-3@pc33.example.com 203.0.113.10:5060 2024-03-05 03:15:08.124345",
    ]);
  });
});
