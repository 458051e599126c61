// Lines behind a leading ISO timestamp: the time each gives, the excerpt each shows, and the order
// across midnight and New Year, however many lines share a day or the same text.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { parseTimestamp } from "../../src/engine/scan/timestamps.js";
import { catalog } from "../helpers/catalog.js";

describe("leading ISO stamps", () => {
  it("give the time Date.parse gives, across month ends, leap days and years", () => {
    const stamps = [
      "2024-02-28T23:59:59.999Z",
      "2024-02-29T00:00:00Z",
      "2024-03-01 00:00:00.5",
      "2023-12-31T23:59:59,123456",
      "2024-01-01T00:00:00.000Z",
      "2024-04-31T10:00:00Z",
      "1999-07-04 12:30:45",
      "2024-01-01T24:00:00Z",
    ];
    for (const s of stamps) {
      const iso = s.replace(" ", "T").replace(",", ".");
      const want = Date.parse(/Z$/.test(iso) ? iso : `${iso}Z`);
      expect(parseTimestamp(`${s} SIP/2.0 486 Busy Here`)?.ms, s).toBe(want);
    }
  });

  it("leave an impossible date or time to the slower readers, which reject it", () => {
    expect(parseTimestamp("2024-13-01T10:00:00Z x")?.text).not.toBe("2024-13-01T10:00:00Z");
    expect(parseTimestamp("2024-01-01T10:61:00Z x")?.text).not.toBe("2024-01-01T10:61:00Z");
  });

  it("order a trace that runs past midnight into the new year", () => {
    const log = [
      "2023-12-31T23:59:59.900Z SIP/2.0 180 Ringing",
      "2024-01-01T00:00:00.100Z SIP/2.0 503 Service Unavailable",
      "2023-12-31T23:59:59.950Z SIP/2.0 486 Busy Here",
    ].join("\n");
    const a = analyze(catalog(), scanText(catalog(), log));
    expect(a.firstFailure?.code).toBe(486);
  });
});

describe("excerpts of stamped lines that repeat", () => {
  it("mask a number after the stamp every time the same text comes back", () => {
    const log = Array.from(
      { length: 3 },
      (_, i) => `2024-05-01T10:00:0${i}.000Z SIP/2.0 486 Busy Here to +14155550123`,
    ).join("\n");
    const out = scanText(catalog(), log);
    expect(out.findings).toHaveLength(3);
    for (const f of out.findings) {
      expect(f.text).not.toContain("4155550123");
      expect(f.text.startsWith("2024-05-01T10:00:0")).toBe(true);
    }
  });

  it("show a clean line whole, and a secret after the same stamp redacted", () => {
    const log = [
      "2024-05-01T10:00:00.000Z SIP/2.0 403 Forbidden",
      "2024-05-01T10:00:01.000Z SIP/2.0 403 Forbidden password=Hunter22",
      "2024-05-01T10:00:02.000Z SIP/2.0 403 Forbidden",
    ].join("\n");
    const texts = scanText(catalog(), log).findings.map((f) => f.text);
    expect(texts[0]).toBe("2024-05-01T10:00:00.000Z SIP/2.0 403 Forbidden");
    expect(texts[1]).not.toContain("Hunter22");
    expect(texts[1]).toContain("[redacted]");
    expect(texts[2]).toBe("2024-05-01T10:00:02.000Z SIP/2.0 403 Forbidden");
  });

  it("read a stamp's seven-digit fraction as part of the time, not as a phone number", () => {
    const line = "2024-05-01 10:00:00,1234567 SIP/2.0 486 Busy Here";
    const f = scanText(catalog(), line).findings[0];
    expect(f?.code).toBe(486);
    expect(f?.text).toContain("486 Busy Here");
  });
});
