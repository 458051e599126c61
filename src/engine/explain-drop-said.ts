// A drop time said back as the user typed it, with the seconds it was read as: "2.5 minutes
// (150 s)", "1 min 30 sec (90 s)", "a minute (60 s)". A time typed in plain seconds ("45 s",
// "45 seconds") is said as "45 s" alone. The text arrives normalised, as spokenSeconds reads it
// (explain-spoken-time.ts): "2.5 minutes" reads "2 5 minutes", so the decimal point is put back.

const WORD =
  "twenty|thirty|forty|fifty|sixty|ninety|an|a|one|two|three|four|five|six|seven|eight|nine|ten|" +
  "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const UNIT = "s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?";
const LONG_UNIT = "secs?|seconds?|mins?|minutes?|hrs?|hours?";
/** One part of a time, as explain-spoken-time.ts reads one: digits and a unit, or words and a unit. */
const PART = String.raw`(?:\d{1,5}(?: \d{1,2})? ?(?:${UNIT})|(?:(?:${WORD})(?: (?:${WORD}))?(?: and a half)?|half(?: an| a)?|quarter(?: of)?(?: an| a)?) (?:${LONG_UNIT}))(?![a-z])`;
/** The whole time: its first part and the smaller ones after it ("1 min 30 sec", "an hour and a half"). */
const TIME_RE = new RegExp(`(?<![a-z0-9])${PART}(?: ?(?:and )?(?:${PART}|a half(?![a-z]))){0,2}`, "g");
/** Plain seconds, said as they are: "45 s", "45 seconds", "31.5 seconds". */
const PLAIN_SECONDS_RE = /^\d+(?:\.\d{1,2})? ?(?:s|secs?|seconds?)$/;

/** `seconds` as the answer says it: the typed form with its seconds, or "N s" for plain seconds. */
export function saidTime(text: string, seconds: number): string {
  for (const m of text.matchAll(TIME_RE)) {
    // "getting 503s" is a plural, not a time (explain-spoken-time.ts skips it the same way).
    if (/^[1-6]\d\ds$/.test(m[0])) continue;
    const typed = m[0].trim().replace(/(\d) (\d{1,2})(?= ?[a-z])/g, "$1.$2");
    return PLAIN_SECONDS_RE.test(typed) ? `${seconds} s` : `${typed} (${seconds} s)`;
  }
  return `${seconds} s`;
}
