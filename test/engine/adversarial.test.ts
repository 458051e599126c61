// Hostile input: random strings and bytes never make the scanner, the analysis or a renderer
// throw; pathological shapes (huge lines, endless repeats, binary, deep JSON) still finish.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { explain } from "../../src/engine/explain.js";
import { Scanner, scanText } from "../../src/engine/scan/scanner.js";
import { toBlocks } from "../../src/render/block-kit.js";
import { respond } from "../../src/respond.js";
import { catalog } from "../helpers/catalog.js";

const logish = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "SIP/2.0 ",
        "SIP/2.0 486 Busy Here",
        "CSeq: 1 INVITE",
        "Reason: Q.850;cause=",
        "mobius-error: ",
        '{"code": 410, "subCode": ',
        "\n",
        "\r\n",
        "<--",
        "HANGUPCAUSE=",
        "NORMAL_CLEARING",
        "status code ",
      ),
      fc.integer({ min: 0, max: 999999 }).map(String),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("property: no input makes sipcode throw", () => {
  it("scans, analyses and renders thousands of random log-like strings", () => {
    fc.assert(
      fc.property(logish, (text) => {
        const scan = scanText(catalog(), text);
        const a = analyze(catalog(), scan);
        expect(a.counts.findings).toBeGreaterThanOrEqual(0);
        toBlocks(respond(catalog(), text, "slack").cards);
      }),
      { numRuns: 3000 },
    );
  });

  it("explains random queries", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        expect(["found", "ambiguous", "unknown"]).toContain(explain(catalog(), q).kind);
      }),
      { numRuns: 3000 },
    );
  });

  it("scans random bytes decoded as UTF-8 (invalid sequences included)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        scanText(catalog(), Buffer.from(bytes).toString("utf8"));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("pathological input finishes", () => {
  it.each([
    ["a 1 MB single line", "x".repeat(1 << 20)],
    ["100k repeats of `SIP/2.0 `", "SIP/2.0 ".repeat(100_000)],
    ["a 1 MB line of status codes", "SIP/2.0 486 Busy Here ".repeat(48_000)],
    ["long digit runs", "4".repeat(500_000)],
    ["binary", Buffer.from(Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 256)).toString("latin1")],
    ["deeply nested JSON", `${'{"a":'.repeat(50_000)}{"code": 410, "subCode": 3112}${"}".repeat(50_000)}`],
    ["many short lines", "SIP/2.0 200 OK\nCSeq: 1 INVITE\n\n".repeat(30_000)],
    // Each request looks below itself for its Via: never further than a message's headers.
    ["requests logged without headers", "INVITE sip:bob@example.com SIP/2.0\n".repeat(40_000)],
  ])("%s", (_name, text) => {
    const scan = scanText(catalog(), text);
    const a = analyze(catalog(), scan);
    expect(scan.findings.length).toBeLessThanOrEqual(2000);
    expect(a.counts.findings).toBe(scan.findings.length + scan.omitted);
  });
});

describe("very long lines", () => {
  it("finds a code half a megabyte into one line", () => {
    const line = `${"x".repeat(600_000)} SIP/2.0 486 Busy Here ${"y".repeat(1000)}`;
    const out = scanText(catalog(), `${line}\n`);
    expect(out.findings).toContainEqual(expect.objectContaining({ code: 486, line: 1 }));
  });

  it("keeps line numbers right after a line longer than the 1 MB cut", () => {
    const text = `${"x".repeat(2_600_000)}\nSIP/2.0 486 Busy Here\nCSeq: 1 INVITE\n`;
    // Streamed in 1 MB chunks, as `sipcode scan` reads a file, and in one piece, as a paste.
    const streamed = new Scanner(catalog());
    const chunk = 1 << 20;
    for (let i = 0; i < text.length; i += chunk) streamed.push(text.slice(i, i + chunk));
    for (const out of [streamed.end(), scanText(catalog(), text)]) {
      expect(out.findings).toContainEqual(expect.objectContaining({ code: 486, line: 2 }));
      expect(out.lines).toBe(3);
    }
  });
});

describe("codes where a long line is cut into pieces", () => {
  it("reads an ACS pair across every cut position whole, never a cut-short subcode", () => {
    const pair = '{"code": 410, "subCode": 3112}';
    // Slide the pair across the first cut (4,096 characters) one character at a time.
    for (let pad = 4096 - 80; pad <= 4096 + 10; pad++) {
      const line = `${"x".repeat(pad)} callEndReason ${pair} ${"y".repeat(6000)}`;
      const found = scanText(catalog(), `${line}\n`).findings.filter((f) => f.namespace === "acs");
      expect(found.map((f) => `${f.code}/${f.subcode}`)).toEqual(["410/3112"]);
    }
  });
});
