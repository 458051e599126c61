// How long a call lasted, as people type it in chat: "31.5 seconds", "2.5 minutes", "thirty
// seconds", "a minute", "half an hour", "1 min 30 sec", "1m30s". The text arrives normalised
// (normalizeText: punctuation folded to spaces), so "31.5 s" reads "31 5 s" and "1,5 min" (a
// decimal comma) "1 5 min": a whole number, then one or two digits right before the unit, is a
// decimal. A number of parts in falling units ("1 h 30 min", "2 minutes and 15 seconds") adds up.

/** Number words up to nineteen, and the tens ("twenty five" is read as 25). */
const SMALL: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

const WORD = `${Object.keys(TENS).join("|")}|${Object.keys(SMALL).join("|")}`;
/** Units after digits; a lone letter ("15m", "2 h") only there, never after a word ("10 a m"). */
const UNIT = "s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?";
const LONG_UNIT = "secs?|seconds?|mins?|minutes?|hrs?|hours?";
/**
 * One part: digits (maybe a decimal split by normalisation) and a unit, which may be written
 * against them ("15m", "1m30s"); or a number in words ("thirty", "twenty five", "a", "half an")
 * and a unit word.
 */
const PART = String.raw`(?:(\d{1,5})(?: (\d{1,2}))? ?(${UNIT})|((?:${WORD})(?: (?:${WORD}))?(?: and a half)?|half(?: an| a)?|quarter(?: of)?(?: an| a)?) (${LONG_UNIT}))(?![a-z])`;
const FIRST_RE = new RegExp(`(?<![a-z0-9])${PART}`, "g");
/** A further part right after the first: "… 30 sec", "… and 15 seconds", "… and a half". */
const NEXT_RE = new RegExp(`^ ?(?:and )?(?:${PART}|(a half)(?![a-z]))`);
/** Cheap gate: no digit and no unit word, no duration. */
const GATE_RE = /\d|sec|min|hour|hr/;

function unitSeconds(unit: string): number {
  return unit.startsWith("h") ? 3600 : unit.startsWith("m") ? 60 : 1;
}

/** The value of a number written in words ("thirty", "twenty five", "a", "half an"), else null. */
function wordsValue(words: string): number | null {
  if (words.startsWith("half")) return 0.5;
  if (words.startsWith("quarter")) return 0.25;
  if (words.endsWith(" and a half")) {
    const whole = wordsValue(words.slice(0, -" and a half".length));
    return whole === null ? null : whole + 0.5;
  }
  const [first = "", second] = words.split(" ");
  const tens = TENS[first];
  if (tens !== undefined) {
    if (second === undefined) return tens;
    const unit = SMALL[second];
    return unit !== undefined && unit < 10 && second !== "a" && second !== "an" ? tens + unit : null;
  }
  return second === undefined ? (SMALL[first] ?? null) : null;
}

/**
 * The seconds one matched part names, else null. "503s" is a plural ("getting 503s"), not 503
 * seconds: a SIP-range number with an "s" written against it is no duration.
 */
function partSeconds(m: RegExpExecArray, at: number): { seconds: number; unit: number } | null {
  const [whole, decimals, digitUnit, words, wordUnit] = m.slice(at, at + 5);
  if (whole !== undefined && digitUnit !== undefined) {
    if (
      digitUnit === "s" &&
      decimals === undefined &&
      /^[1-6]\d\d$/.test(whole) &&
      m[0].endsWith(`${whole}s`)
    )
      return null;
    const value = Number(decimals === undefined ? whole : `${whole}.${decimals}`);
    return { seconds: value * unitSeconds(digitUnit), unit: unitSeconds(digitUnit) };
  }
  const value = words === undefined || wordUnit === undefined ? null : wordsValue(words);
  return value === null || wordUnit === undefined
    ? null
    : { seconds: value * unitSeconds(wordUnit), unit: unitSeconds(wordUnit) };
}

/** `n` without float noise: 31.5, 150, 0.5. */
function tidy(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The duration the (normalised) words name, in seconds, else null. */
export function spokenSeconds(text: string): number | null {
  if (!GATE_RE.test(text)) return null;
  for (const m of text.matchAll(FIRST_RE)) {
    const first = partSeconds(m, 1);
    if (first === null) continue;
    let total = first.seconds;
    let unit = first.unit;
    let rest = text.slice((m.index ?? 0) + m[0].length);
    // "1 min 30 sec", "an hour and a half": smaller parts that follow add up.
    for (let round = 0; round < 2; round++) {
      const next = NEXT_RE.exec(rest);
      if (!next) break;
      if (next[6]) {
        total += unit / 2;
        break;
      }
      const part = partSeconds(next, 1);
      if (part === null || part.unit >= unit) break;
      total += part.seconds;
      unit = part.unit;
      rest = rest.slice(next[0].length);
    }
    return tidy(total);
  }
  return null;
}
