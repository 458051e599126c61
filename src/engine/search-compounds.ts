// Compound words typed as two: "no ring back" is the catalog's "no ringback", "time out" its
// "timeout", "hang up" its "hangup". Only a joined word the catalog's names use is taken, so two
// words that merely sit together ("no tice") are left as typed.
import type { Catalog } from "../catalog/indexes.js";

/** `text` (normalised words) with each pair the catalog's names spell as one word joined, else null. */
export function joinedCompounds(c: Catalog, text: string): string | null {
  const words = text.split(" ");
  if (words.length < 2) return null;
  const out: string[] = [];
  let joined = false;
  for (let i = 0; i < words.length; i++) {
    const a = words[i] ?? "";
    const b = words[i + 1];
    // A map lookup per pair; numbers and single letters are never half of a word.
    if (b !== undefined && a.length >= 2 && b.length >= 2 && !/\d/.test(a + b) && c.byToken.has(a + b)) {
      out.push(a + b);
      joined = true;
      i++;
    } else out.push(a);
  }
  return joined ? out.join(" ") : null;
}
