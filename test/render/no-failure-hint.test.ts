// With no failure, the card still points at symptoms for problems no code shows (audio), and a
// text with no codes at all reads the same in --json as on the card.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const hint = "If the problem is audio with no code, try a symptom such as `one way audio`.";

describe("the audio hint", () => {
  it("is on a card of normal traffic only", () => {
    const a = run(
      "2025-03-14 10:00:01 <-- SIP/2.0 200 OK (INVITE)\nRTP Read error: no packets received (rtptimeout)\nI can hear them but they can't hear me",
    );
    const card = scanCard(a);
    expect(card.title).toBe("No failures: normal traffic only");
    expect(card.sections[0]?.text).toContain(hint);
  });

  it("reads the same in the summary as on the card when there are no codes", () => {
    const a = run("hello\nworld");
    expect(a.summary).toContain(hint);
    expect(a.summary).not.toContain("Found 0 codes");
    expect(scanCard(a).sections[0]?.text).toBe(a.summary);
  });
});
