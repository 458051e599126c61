// When it happened, and how many calls, said around a question: "calls failed yesterday", "calls
// dropping since 14:00", "calls failed at 10:32", "calls failed on 2024/05/01" or "on 2024-05-01",
// "3/4 of calls fail". Those words say nothing about which code or symptom is meant, and their digits are no
// codes or drop times, so they are taken out before the rest is read, as filler words are.

/** A clock time: "14:00", "10:32:15", "9am", "9:30 pm". */
const CLOCK = String.raw`\d{1,2}(?::\d{2}(?::\d{2})?)?\s?(?:[ap]\.?m\.?)|\d{1,2}:\d{2}(?::\d{2})?`;
/** A date: "2024-05-01", "2024/05/01", "01/05/2024", "01-05-2024", "5/1/24", "May 1", "1 May", a weekday. */
const MONTH = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE = String.raw`\d{4}[/-]\d{1,2}[/-]\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{4}|(?:${MONTH})[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:${MONTH})[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
/** A day or part of one said in words: "yesterday", "this morning", "last night". */
const DAY = `yesterday|today|tonight|(?:this|last|yesterday) (?:morning|afternoon|evening|night|week)|earlier today|overnight`;
/** A time, date or day after the word that places it: "since 14:00", "at 10:32", "on 2024/05/01". */
const PLACED = new RegExp(
  String.raw`\b(?:(?:ever )?since|from|at|on|around|about|after|before|until|till|between|and|to)\s+(?:(?:${DATE})(?:,?\s+(?:at\s+)?(?:${CLOCK}))?|${CLOCK}|${DAY})(?![\w:/]|[.,]\d)`,
  "gi",
);
/** A time, date or day standing alone ("calls failed yesterday", "2024/05/01 calls failed"). */
const ALONE = new RegExp(
  String.raw`(?<![\w:/-])(?:${DAY}|\d{4}[/-]\d{1,2}[/-]\d{1,2}|${CLOCK})(?![\w:/]|[.,]\d)`,
  "gi",
);
/** A stretch of time up to now: "for the last 2 hours", "in the past hour", "3 hours ago". */
const SPAN =
  /\b(?:(?:for|in|over|during|within)\s+(?:the\s+)?(?:last|past)\s+(?:(?:\d+|a|an|few|couple(?: of)?|several)\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)|(?:\d+|a|an|few|couple(?: of)?|several)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)\b/gi;
/** A share of the calls: "3/4 of calls", "30% of calls", "1 in 10 calls", "2 out of 5 calls". */
const SHARE =
  /(?<![\w./])(?:\d{1,3}\s*\/\s*\d{1,3}\s+of|\d{1,3}(?:\.\d+)?\s*%(?:\s+of)?|\d{1,3}\s+(?:in|out\s+of)\s+\d{1,4})(?=\s)/gi;

/** The share pattern, unanchored and stateless, to tell that one was taken out. */
const SHARE_ALONE = new RegExp(SHARE.source, "i");

/**
 * Cheap check before the patterns: a colon, slash or percent sign, a dashed date, "am"/"pm" after a
 * digit, or a word of a day or a stretch of time. A bare code ("486", "acs 410 3112") pays for
 * nothing more.
 */
const MAY_HOLD =
  /[:/%]|\d-\d{1,2}-\d|\d ?[ap]\.?m\b|\d (?:in|out of) \d|yesterday|today|tonight|morning|afternoon|evening|night|week|day\b|ago\b|last|past|since|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** The text without words that say when it happened or how many calls it hit. */
export function withoutWhen(text: string): string {
  if (!MAY_HOLD.test(text)) return text;
  const out = text
    .replace(SPAN, " ")
    .replace(PLACED, " ")
    .replace(ALONE, " ")
    .replace(SHARE, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
  // Nothing but a time is no question about it: leave that to the shapes' own answer.
  if (out === "") return text;
  // A share of the calls said alone ("30% of calls") is how many fail: the word "calls" by itself
  // would be searched as a name and land on an unrelated cause (calls barred within a CUG).
  if (/^calls?$/i.test(out) && SHARE_ALONE.test(text)) return "calls fail";
  return out;
}
