// A GATEWAY_DOWN refusal's failover leg compared with the refused leg by the digits of their
// numbers: the same number in another format (+, 00, 011, a national form) is not another number.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { sameNumber } from "../../src/engine/gateway-numbers.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const legs = (refused: string, next: string) =>
  [
    `2024-06-11 14:06:12.500000 [NOTICE] switch_core_state_machine.c:755 Hangup sofia/gateway/trunk1/${refused} [CS_NEW] [GATEWAY_DOWN]`,
    `2024-06-11 14:06:40.100000 [NOTICE] switch_core_state_machine.c:755 Hangup sofia/gateway/trunk2/${next} [CS_EXCHANGE_MEDIA] [NORMAL_CLEARING]`,
  ].join("\n");
const run = (text: string, maskPhoneNumbers = true) =>
  analyze(catalog(), scanText(catalog(), text, { maskPhoneNumbers }));

describe("the failover leg's number against the refused leg's", () => {
  it("calls the same number without its + written differently, never a different number", () => {
    const a = run(legs("+14155550123", "14155550123"));
    expect(a.failingComponent).not.toMatch(/different number/);
    expect(a.failingComponent).toMatch(/to 141\S*23 \(written differently from the refused leg's \+141\S*23/);
    expect(a.failingComponent).not.toContain("4155550123");
    expect(a.checklist.join("\n")).toMatch(/Confirm the leg through gateway trunk2/);
  });

  it("reads 00 and 011 as the international prefix", () => {
    for (const next of ["0014155550123", "01114155550123"])
      expect(run(legs("+14155550123", next)).failingComponent).not.toMatch(/different number/);
  });

  it("says a different number when the digits differ, even where the masks look alike", () => {
    expect(run(legs("+14155550123", "+442079460958")).failingComponent).toMatch(
      /but to a different number than the refused leg's \+141\S*23/,
    );
    const unmasked = run(legs("+14155550123", "+14155559923"), false);
    expect(unmasked.failingComponent).toMatch(
      /but to a different number than the refused leg's \+14155550123/,
    );
  });

  it("with masking off, takes the same digits in another format as the same number", () => {
    const a = run(legs("+14155550123", "0014155550123"), false);
    expect(a.failingComponent).toMatch(/the call to the same number then went out through gateway trunk2/);
    expect(a.failingComponent).not.toMatch(/different number/);
  });
});

describe("sameNumber", () => {
  it("compares digits after the international prefix and from the last digit", () => {
    expect(sameNumber("+14155550123", "14155550123")).toBe("same");
    expect(sameNumber("+14155550123", "4155550123")).toBe("same");
    expect(sameNumber("+442079460958", "02079460958")).toBe("same");
    expect(sameNumber("+14155550123", "+4155550123")).toBe("differs");
    expect(sameNumber("+141••••••23", "141••••••23")).toBe("unknown");
    expect(sameNumber("+141••••••23", "141••••••24")).toBe("differs");
    expect(sameNumber("alice", "bob")).toBe("differs");
  });
});
