// The labelled corpus (test/fixtures/logs): recall over expected codes, zero findings on hard
// negatives, and the right first failure on every snippet that has one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

interface Code {
  namespace: string;
  code: number;
  subcode: number | null;
}
interface Label {
  source: string;
  dialect: string;
  expected: Code[];
  firstFailure: Code | null;
  hardNegative: boolean;
  /** Timer ids the timer-aware analysis must report; snippets without it must report none. */
  timers?: string[];
}

const ROOT = "test/fixtures/logs";
const RECALL_BAR = 0.95;

function corpus(): Array<{ name: string; log: string; label: Label }> {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(ROOT, d.name))
        .filter((f) => f.endsWith(".json"))
        .map((f) => {
          const base = join(ROOT, d.name, f.slice(0, -5));
          return {
            name: `${d.name}/${f.slice(0, -5)}`,
            log: readFileSync(`${base}.log`, "utf8"),
            label: JSON.parse(readFileSync(`${base}.json`, "utf8")) as Label,
          };
        }),
    );
}

const key = (c: Code) => `${c.namespace}:${c.code}:${c.subcode ?? null}`;
const snippets = corpus();

describe("labelled log corpus", () => {
  it("has at least 100 snippets with sources, across every namespace", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(100);
    for (const s of snippets) expect(s.label.source.length, s.name).toBeGreaterThan(3);
    const namespaces = new Set(snippets.flatMap((s) => s.label.expected.map((c) => c.namespace)));
    for (const ns of ["sip", "q850", "http", "mobius", "acs", "exotel"])
      expect(namespaces.has(ns), ns).toBe(true);
  });

  it(`finds at least ${RECALL_BAR * 100} % of the expected codes`, () => {
    let expected = 0;
    let found = 0;
    const misses: string[] = [];
    for (const s of snippets) {
      const got = new Set(scanText(catalog(), s.log).findings.map(key));
      for (const c of s.label.expected) {
        expected++;
        if (got.has(key(c))) found++;
        else misses.push(`${s.name}: ${key(c)}`);
      }
    }
    const recall = found / expected;
    expect(recall, `recall ${recall.toFixed(3)}; misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(
      RECALL_BAR,
    );
  });

  it("reports nothing on hard negatives", () => {
    const noisy = snippets
      .filter((s) => s.label.hardNegative)
      .flatMap((s) =>
        scanText(catalog(), s.log).findings.map(
          (f) => `${s.name}:${f.line}: ${key(f)} (${f.detector}) ${f.text}`,
        ),
      );
    expect(noisy).toEqual([]);
  });

  it("recognises timers firing where the trace shows it, and stays silent elsewhere", () => {
    const wrong: string[] = [];
    for (const s of snippets) {
      const got = analyze(catalog(), scanText(catalog(), s.log)).timers.map((t) => t.timer);
      const want = s.label.timers ?? [];
      if (JSON.stringify([...new Set(got)].sort()) !== JSON.stringify([...want].sort())) {
        wrong.push(`${s.name}: expected [${want}], got [${got}]`);
      }
    }
    expect(snippets.filter((s) => s.label.timers).length).toBeGreaterThanOrEqual(5);
    expect(wrong).toEqual([]);
  });

  it("names the right first failure on every snippet that has one", () => {
    const wrong: string[] = [];
    for (const s of snippets) {
      if (!s.label.firstFailure) continue;
      const a = analyze(catalog(), scanText(catalog(), s.log));
      const got = a.firstFailure ? key(a.firstFailure) : "none";
      if (got !== key(s.label.firstFailure))
        wrong.push(`${s.name}: expected ${key(s.label.firstFailure)}, got ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});
