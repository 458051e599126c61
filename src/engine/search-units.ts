// Unit words in a search ("500 ms", "32 second drop"): a unit after a number is a value, which
// the value aliases of timers carry ("500 ms" of T1); a unit alone ("ms teams") names none of them.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { foldDotted, normalizeText } from "../catalog/text.js";

/** Words that are units when they follow a number ("500 ms", "32 second drop"). */
const UNIT_WORDS: ReadonlySet<string> = new Set(
  "ms msec msecs millisecond milliseconds sec secs second seconds min mins minute minutes hr hrs hour hours".split(
    " ",
  ),
);

const valueOnlyIndex = new WeakMap<Catalog, Map<string, Set<Entry>>>();

/**
 * Per unit word, the entries whose names use it only after a number (T1's "500 ms", T2's "4
 * seconds"): a value, which the unit alone does not name. "ms teams" or "ms-diagnostics" is
 * Microsoft, not milliseconds.
 */
export function valueOnly(catalog: Catalog, unit: string): ReadonlySet<Entry> {
  let index = valueOnlyIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const e of catalog.entries) {
      const names = [e.title, ...e.aliases].map((n) => normalizeText(n).split(" "));
      const units = new Set(names.flat().filter((w) => UNIT_WORDS.has(w)));
      for (const u of units) {
        const afterNumber = names.every((ws) => ws.every((w, i) => w !== u || /^\d+$/.test(ws[i - 1] ?? "")));
        if (!afterNumber) continue;
        const set = index.get(u) ?? new Set();
        set.add(e);
        index.set(u, set);
      }
    }
    valueOnlyIndex.set(catalog, index);
  }
  return index.get(unit) ?? new Set();
}

/** The query's unit words that follow no number: "ms" in "ms teams", not in "500 ms". */
export function loneUnits(text: string): Set<string> {
  const ws = normalizeText(foldDotted(text)).split(" ");
  const lone = new Set<string>();
  const counted = new Set<string>();
  for (const [i, w] of ws.entries()) {
    if (!UNIT_WORDS.has(w)) continue;
    if (/^\d+$/.test(ws[i - 1] ?? "")) counted.add(w);
    else lone.add(w);
  }
  for (const w of counted) lone.delete(w);
  return lone;
}
