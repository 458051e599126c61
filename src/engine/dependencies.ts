// The failing component when log messages name it: every dependency the failures' messages name
// (CPAPI, Redis, OBP …), each with the line that names it first. A Mobius log with a CPAPI
// timeout, a Redis write failure and an OBP resolution failure has three problems, not one.
import type { Finding } from "./scan/scanner.js";

/** A log message's dependency in words, where its short name alone says little. */
const DEPENDENCY_WORDS: Readonly<Record<string, string>> = {
  RTP: "The RTP media path: packets stopped arriving",
  CXAPI: "CXAPI (Call Control API)",
  CPAPI: "CPAPI (Cisco Platform API)",
  CI: "Common Identity (CI)",
  SSE: "SSE (Signaling Service Edge)",
};

/** At most this many dependencies are named; the rest are counted. */
const MAX_NAMED = 4;

/**
 * "CPAPI (named by the log message on line 1)", or with several dependencies "CPAPI (named by the
 * log message on line 1), Redis (line 3) and OBP (line 5)", in log order. Only findings that
 * `failed` accepts count: a message that reports correct behaviour names no failing component.
 * Null when no failure names one.
 */
export function namedDependencies(
  findings: readonly Finding[],
  failed: (f: Finding) => boolean = () => true,
): string | null {
  const first = new Map<string, number>();
  for (const f of findings) {
    if (!f.dependency || first.has(f.dependency) || !failed(f)) continue;
    first.set(f.dependency, f.line);
  }
  if (first.size === 0) return null;
  const all = [...first].sort((a, b) => a[1] - b[1]);
  const shown = all.slice(0, MAX_NAMED).map(([d, line], i) => {
    const name = DEPENDENCY_WORDS[d] ?? d;
    const where = i === 0 ? `named by the log message on line ${line}` : `line ${line}`;
    // "CPAPI (Cisco Platform API; line 3)": one pair of brackets, not two in a row.
    return name.endsWith(")") ? `${name.slice(0, -1)}; ${where})` : `${name} (${where})`;
  });
  const more = all.length - shown.length;
  if (more > 0) shown.push(`${more} more`);
  if (shown.length === 1) return shown[0] as string;
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
