// A busy PSTN callee as ACS reports it (486/560486): ACS files the result under "Success", but the
// call never connected, so the scan calls it a failed attempt whether or not details come with it.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

function scanned(log: string) {
  const a = analyze(catalog(), scanText(catalog(), log));
  return { a, text: cardToText(scanCard(a), { full: true }) };
}

describe("ACS busy callee with no SIP details", () => {
  it("reads the Calling SDK's call-end line as the first failure", () => {
    const { a, text } = scanned(
      "Call ended: { code: 486, subCode: 560486, phrase: 'Call ended as the callee is busy' }",
    );
    expect(a.firstFailure?.line).toBe(1);
    expect(text).toMatch(/^First failure: ACS 486\/560486 PSTN callee busy/);
    expect(text).toContain("✗ ACS 486/560486 PSTN callee busy");
    expect(text).not.toContain("Normal traffic");
    expect(text).toContain("[ ] Retry later if the number was simply busy");
  });

  it("reads a JSON callEndReason the same way", () => {
    const { a, text } = scanned('{"callEndReason":{"code":486,"subCode":560486}}');
    expect(a.firstFailure).not.toBeNull();
    expect(text).toMatch(/^First failure: ACS 486\/560486 PSTN callee busy/);
  });

  it("keeps the callee's own normal hang-up normal", () => {
    const { a, text } = scanned('{"callEndReason":{"code":0,"subCode":560000}}');
    expect(a.firstFailure).toBeNull();
    expect(text).toMatch(/^No failures: normal traffic only/);
  });
});
