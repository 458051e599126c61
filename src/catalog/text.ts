// Text normalisation shared by the indexes and the query parser, so both agree on tokens.

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "is",
  "are",
  "of",
  "to",
  "in",
  "on",
  "for",
  "and",
  "or",
  "what",
  "does",
  "mean",
  "means",
  "my",
  "with",
  "we",
  "i",
  "get",
  "got",
  "getting",
  "error",
  "code",
  "it",
  "this",
]);

/** Lower-case, fold accents and punctuation to spaces, collapse whitespace. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words worth indexing: normalised, stop words dropped, at least two characters. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  for (const w of normalizeText(s).split(" ")) {
    if (w.length >= 2 && !STOP_WORDS.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** Damerau-free Levenshtein distance with an early exit once `max` is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}
