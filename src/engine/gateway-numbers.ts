// Whether two gateway legs went to the same number. Each gateway in a bridge dial string gets its
// own format ("sofia/gateway/a/+14155550123|sofia/gateway/b/14155550123"), so the same destination
// is often written with or without "+", or with the 00 or 011 international prefix for it. Only
// digits that really differ make another number. The numbers compared are the ones in the findings'
// lines, masked unless masking is off: a masked digit ("•") matches any digit, so two masked numbers
// that agree where both show digits may still differ, and are not said to be the same.

export type NumberMatch = "same" | "differs" | "unknown";

interface Dialled {
  /** The digits after any international prefix; "?" for a masked one. */
  digits: string;
  /** Written with an international prefix (+, 00, 011): the country code leads the digits. */
  international: boolean;
}

/** The longest country code (ITU-T E.164): a national number may lack this many leading digits. */
const MAX_COUNTRY_CODE = 3;

/** A destination's digits, or undefined when it is no number (a name, a SIP user word). */
function dialled(dest: string): Dialled | undefined {
  // The user part only: no host, no URI parameters.
  const user = dest.split(/[@;]/, 1)[0] as string;
  const plus = user.startsWith("+") ? 1 : user.toUpperCase().startsWith("%2B") ? 3 : 0;
  const international = plus > 0;
  let digits = "";
  for (const c of user.slice(plus)) {
    if (c >= "0" && c <= "9") digits += c;
    else if (c === "•") digits += "?";
    else if (!" ().-".includes(c)) return undefined;
  }
  if (!international && digits.startsWith("00")) return { digits: digits.slice(2), international: true };
  if (!international && digits.startsWith("011")) return { digits: digits.slice(3), international: true };
  // A national number's trunk prefix ("0" in 020 7946 0958) is no digit of the number itself.
  if (!international && digits.startsWith("0")) digits = digits.slice(1);
  return digits.length > 0 ? { digits, international } : undefined;
}

/**
 * Whether destinations `a` and `b` are the same number. They are compared from their last digit:
 * a national number may lack the country code the international one leads with (14155550123 and
 * 4155550123), but two numbers both written internationally, or with more leading digits than a
 * country code, differ when their lengths do.
 */
export function sameNumber(a: string, b: string): NumberMatch {
  const x = dialled(a);
  const y = dialled(b);
  // Not numbers (a SIP user word): only the very same text is the same destination.
  if (!x || !y) return a === b ? "same" : "differs";
  const [long, short] = x.digits.length >= y.digits.length ? [x, y] : [y, x];
  const extra = long.digits.length - short.digits.length;
  if (extra > 0 && (short.international || extra > MAX_COUNTRY_CODE)) return "differs";
  let masked = false;
  for (let i = 0; i < short.digits.length; i++) {
    const c = short.digits[i];
    const d = long.digits[i + extra];
    if (c === "?" || d === "?") masked = true;
    else if (c !== d) return "differs";
  }
  return masked ? "unknown" : "same";
}
