// Log messages the catalog lists, found inside pasted text ("OBP resolution failed" → the entry
// whose dependency logs it).
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";

const shortestByCatalog = new WeakMap<Catalog, number>();

/** Length of the shortest normalised log message: shorter text cannot contain one. */
function shortestMessage(catalog: Catalog): number {
  let n = shortestByCatalog.get(catalog);
  if (n === undefined) {
    n = Math.min(...catalog.logMessages.map((m) => m.parts.join(" ").length), Number.MAX_SAFE_INTEGER);
    shortestByCatalog.set(catalog, n);
  }
  return n;
}

/**
 * Entries one of whose log messages the text contains, fixed parts in order ("Failed to add
 * device: 42 in sorted set"); the longest message first, so a specific one wins.
 */
export function logMessageMatches(
  catalog: Catalog,
  text: string,
): Array<{ entry: Entry; message: string; dependency: string }> {
  const shortest = shortestMessage(catalog);
  if (text.length < shortest) return [];
  const hay = ` ${normalizeText(text)} `;
  if (hay.length < shortest + 2) return [];
  const out: Array<{ entry: Entry; message: string; dependency: string; length: number }> = [];
  for (const m of catalog.logMessages) {
    const length = m.parts.join(" ").length;
    const known = out.find((o) => o.entry === m.entry);
    if (known && known.length >= length) continue;
    let from = 0;
    let ok = true;
    for (const part of m.parts) {
      const at = hay.indexOf(` ${part} `, from);
      if (at < 0) {
        ok = false;
        break;
      }
      from = at + part.length + 1;
    }
    if (!ok) continue;
    if (known) Object.assign(known, { message: m.text, dependency: m.dependency, length });
    else out.push({ entry: m.entry, message: m.text, dependency: m.dependency, length });
  }
  return out
    .sort((a, b) => b.length - a.length)
    .map(({ entry, message, dependency }) => ({ entry, message, dependency }));
}
