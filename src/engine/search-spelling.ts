// British and American spellings of one word: UK and Indian support staff type "unauthorised",
// "authorisation" or "behaviour" where the catalog's names say "unauthorized" or "behavior". The
// other spelling is the same word, so it matches as typed, never as a typo that a word the
// catalog's descriptions use ("unauthorised", in a cause) would not get.

/** Endings spelled -is-/-our in British English and -iz-/-or in American English. */
const ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1"],
  [/our(s|ed|ing)?$/, "or$1"],
];

/** Words whose "-ise"/"-our" is no British spelling ("advertise", "noise", "hour", "four"). */
const KEPT: ReadonlySet<string> = new Set(
  "advise advised advises advising arise arises arising comprise comprises compromise compromised devise exercise expertise likewise noise otherwise precise premise promise promised raise raised raises rise rises revise revised supervise surprise surprised wise concise disguise enterprise franchise televise hour hours four tour tours your yours our ours pour poured flour sour detour devour".split(
    " ",
  ),
);

/** The other spelling of `word` ("unauthorised" → "unauthorized"), else null. */
export function spellingVariant(word: string): string | null {
  if (word.length < 6 || KEPT.has(word)) return null;
  for (const [re, to] of ENDINGS) {
    if (re.test(word)) return word.replace(re, to);
  }
  return null;
}

/** `text` with each word in the other spelling ("unauthorised call" → "unauthorized call"), else null. */
export function respelled(text: string): string | null {
  const words = text.split(" ");
  const out = words.map((w) => spellingVariant(w) ?? w);
  return out.some((w, i) => w !== words[i]) ? out.join(" ") : null;
}
