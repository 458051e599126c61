// National phone-number forms that carry no "+" and no trunk-0 group, as support staff paste them
// from a CDR or a customer's message: a North American number with its leading 1 ("1 800 555
// 0199", "1-800-555-0199"), a bare 10- or 11-digit number ("4155550123", "14155550123",
// "09876543210"), an Indian mobile in two fives ("98765 43210", "098765 43210"), a Russian
// number after its trunk 8 ("8 (495) 123-45-67"), a Brazilian one ("(11) 91234-5678") and a
// Spanish one in threes ("912 345 678"). Each is read as a phone number, never as codes.

/**
 * The forms, each whole (no word character, dot or dash around it). Three groups of three digits
 * are codes when each could be a SIP response (100-699: "486 487 488"), so threeGroups checks them.
 */
const FORMS_RE = new RegExp(
  [
    // North American with its leading 1: 1 800 555 0199, 1-800-555-0199, 1 (415) 555-0123.
    String.raw`1[ .-]?(?:\(\d{3}\) ?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}`,
    // Russian, trunk 8 then a 3-digit area or mobile code: 8 (495) 123-45-67, 8 800 555 35 35.
    String.raw`8[ -]?(?:\(\d{3}\)|\d{3})[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}`,
    // Brazilian: (11) 91234-5678, (21) 2345-6789.
    String.raw`\(\d{2}\) ?\d{4,5}-\d{4}`,
    // Indian mobile in two fives, maybe after its trunk 0: 98765 43210, 098765 43210.
    String.raw`0?[6-9]\d{4}[ -]\d{5}`,
    // Bare digits: NANP ten (area and exchange never start 0 or 1), or eleven after a 1; a number
    // dialled with its trunk 0 (10-11 digits); an Indian mobile with 91 before it.
    String.raw`1?[2-9]\d{2}[2-9]\d{6}|0\d{9,10}|91[6-9]\d{9}`,
    // Spanish, in threes or 3-2-2-2: 912 345 678, 612 34 56 78.
    String.raw`[6-9]\d{2}(?: \d{3} \d{3}| \d{2} \d{2} \d{2})`,
  ]
    .map((f) => `(?:${f})`)
    .join("|"),
  "g",
);
const WHOLE_RE = new RegExp(String.raw`(?<![\w.+-])(?:${FORMS_RE.source})(?![\w.]|-\d)`, "g");

/** Cheap check before the forms: seven digits with at most a separator or two between them. */
const SEVEN_DIGITS = /\d(?:[ ().-]{0,2}\d){6}/;

/** "486 487 488" are three codes; "912 345 678" is a number. */
function threeGroups(match: string): boolean {
  const groups = match.split(" ");
  if (groups.length !== 3 || !groups.every((g) => g.length === 3)) return false;
  return groups.every((g) => Number(g) >= 100 && Number(g) <= 699);
}

/** `text` with each number of these forms passed through `phone`. */
export function nationalPhones(text: string, phone: (match: string) => string): string {
  if (!SEVEN_DIGITS.test(text)) return text;
  return text.replace(WHOLE_RE, (m) => (threeGroups(m) ? m : phone(m)));
}

/** Whether the text may hold one of these forms (cheap, for gates). */
export function mayHoldNationalPhone(text: string): boolean {
  return SEVEN_DIGITS.test(text);
}
