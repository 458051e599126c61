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

/**
 * Everyday words that say nothing about which entry is meant: function words, question words,
 * greetings and chat filler, number words and generic verbs. They are kept for titles and aliases
 * ("one way audio", "no ringback") but never decide a description match or a suggestion.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    "about above after again against all also am any anyone anything as at be because been before being below " +
    "between both but by can cannot could did do doing done down during each else even ever every few from " +
    "further go goes going gone good great had has have having he hello help her here hey hi him his how " +
    "if into its just keep keeps kind know let like lot lots made make makes making many may me might more " +
    "most much must need needs no nor not now off ok okay once only other our out over own please pls " +
    "really right same see seems she should so some something still such sure tell than thank thanks " +
    "that their them then there these they thing things those though through thx too try trying under " +
    "until up us use very want was way were what when where which while who whom why will work works " +
    "working would yes yet you your " +
    "one two three four five six seven eight nine ten first second third"
  ).split(" "),
);

/**
 * Words of chat-ops messages ("looks like the carrier is down again", "can someone check the
 * trunk?", "thanks all, closing the incident") that name no entry. Titles and aliases still match
 * them ("trunk" in an alias), but a description match never rests on them.
 */
export const CHAT_WORDS: ReadonlySet<string> = new Set(
  (
    "look looks looked looking seem seemed seeming appear appears appeared someone somebody anybody " +
    "everybody everyone anyone guys folks team all check checks checked checking again today tonight " +
    "yesterday morning afternoon evening week now still since happening happened happens happen going " +
    "thanks thank thx cheers closing close closed closes incident incidents ticket tickets issue issues " +
    "problem problems update updates carrier carriers trunk trunks provider providers customer " +
    "customers down back broken fixed fix resolved resolve investigating investigate seeing saw seen " +
    "getting anyone else think guess maybe probably sure idea ideas weird strange odd random"
  ).split(" "),
);

/** Lower-case, fold accents and punctuation to spaces, collapse whitespace. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * "T.38" and "G.711" become one word ("t38", "g711"); a dotted number (a version, decimal or
 * address: "2.0", "v2.0", "4.88", "10.0.0.1") is dropped, so its digits are never read as a code.
 */
export function foldDotted(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/\bv?\d+(?:\.\d+)+\b/gi, " ").replace(/\b([A-Za-z]+)\.(\d+)\b/g, "$1$2");
}

/** Words worth indexing: normalised, stop words dropped, at least two characters. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  for (const w of normalizeText(foldDotted(s)).split(" ")) {
    if (w.length >= 2 && !STOP_WORDS.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** Rows reused by editDistance (three of them: two back for a transposition), grown as needed. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Optimal-string-alignment (Damerau) distance: a swapped pair of neighbouring letters ("tiemout")
 * counts as one edit, unless `transpose` is false. Exits early once every cell of a row exceeds
 * `max`; a transposition can never undercut the row before it, so the early exit stays exact.
 */
export function editDistance(a: string, b: string, max: number, transpose = true): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if ((rows[0]?.length ?? 0) <= n)
    rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      const sub = (prev[j - 1] as number) + (ai === bj ? 0 : 1);
      let v = Math.min(del, ins, sub);
      if (transpose && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) {
        const swap = (before[j - 2] as number) + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[n] as number;
}
