// A failure repeated for a few destinations (two dispatcher targets that never answered, two
// FreeSWITCH gateways that failed) keeps a timeline row per destination (timeline-rows.ts); the
// failing component names the first failure's, and says the same failure also hit the others.
import type { Row } from "./rows.js";
import type { Finding } from "./scan/scanner.js";

/** "; the same failure also hit 10.0.0.22:5060" for the other destinations of `first`'s code. */
export function otherDestinations(first: Finding | null, rows: readonly Row[]): string {
  if (!first) return "";
  const code = `${first.namespace}:${first.code}:${first.subcode}`;
  const mine = rows.find((r) => r.code === code && r.item.firstLine === first.line)?.dest;
  if (mine === undefined) return "";
  const others = rows
    .filter((r) => r.code === code && r.item.failure && r.dest !== undefined && r.dest !== mine)
    // The row's words lead with how the failure reached it ("to 10.0.0.22:5060", "via …").
    .map((r) => (r.dest as string).replace(/^(?:to|via) /, ""));
  const unique = [...new Set(others)];
  return unique.length > 0 ? `; the same failure also hit ${unique.join(", ")}` : "";
}
