// Tokens whose shape says they are no code, read before any number is: phone numbers in the grouped
// forms people write them in ("+44 20 7946 0958", "(415) 555-0123"), ISO timestamps, SIP URIs,
// dotted version numbers ("asterisk 18.20.1") and ticket numbers ("case 00486123"). A query that is
// only such a token gets an answer saying what it is; in a sentence the token is taken out, so
// its digits are never read as a code while the words around it still are.

import { mayHoldNationalPhone, nationalPhones } from "./query-phone-forms.js";
import { withoutWhen } from "./query-when.js";

export type Shape = "phone" | "timestamp" | "uri" | "version" | "ticket";

/** E.164 with its groups ("+44 20 7946 0958", "0044 20 7946 0958", "00 44 20 7946 0958"). */
const E164_RE = /(?<![\w+])(?:\+|00 ?)\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){1,5}(?![\w.]|-\d)/g;
/** North American and similar national groupings: "415-555-0486", "(415) 555-0486", "415.555.0486". */
const NATIONAL_RE = /(?<![\w.+-])(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w.-])/g;
/**
 * A national number dialled with its trunk prefix 0, in groups: "020 7946 0958", "0207 946 0486",
 * "07700 900123", "030 901820", "02 9876 5432", "01 23 45 67 89", and the German and Dutch area
 * code then subscriber ("030 12345678", "0171 1234567", "06 12345678"). Groups after the first
 * hold 3–8 digits, or exactly 2 in the French five-pair form; the digit count is checked by
 * trunkPhone.
 */
const TRUNK_RE = /(?<![\w.+-])0\d{1,4}(?:(?:[ -]\d{3,8}){1,3}|(?:[ -]\d{2}){4})(?![\w.]|-\d)/g;
/** The start of TRUNK_RE's match: a trunk 0 group, then a separator and a digit. */
const TRUNK_START = /(?<![\w.+-])0\d{1,4}[ -]\d/;
/**
 * A national number has at most this many digits with its 0; a longer match ends in a code ("… 0958
 * 486"). Two groups alone may run to twelve, as a German mobile does ("0171 12345678").
 */
const TRUNK_DIGITS = { min: 9, max: 11, twoGroupsMax: 12 };
/** An ISO 8601 date, with or without its time, fraction and zone ("2024-03-05T14:22:31.480Z"). */
const ISO_RE =
  /(?<![\w.])\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w.:])/gi;
/** A date written with slashes: "2024/05/01", "01/05/2024", "5/1/24"; never a code pair. */
const SLASH_DATE_RE =
  /(?<![\w./])(?:\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2}))(?![\w/]|\.\d)/g;
/**
 * Whether a slashed triple can be a date: a year first, or a day and a month (either order) that
 * exist. "34/38/41" are three causes, not a date.
 */
function slashDate(m: string): boolean {
  const [a = 0, b = 0] = m.split("/").map(Number);
  if (m.indexOf("/") === 4) return b >= 1 && b <= 12;
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

/** A time of day alone ("14:22:31.486", "14:22:31Z"). */
const TIME_RE = /(?<![\w.:])\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?![\w.:])/gi;
/** A sip:, sips: or tel: URI, in angle brackets or not. */
const URI_RE = /<?\b(?:sips?|tel):[^\s<>]+>?/gi;
/**
 * A dotted version of three parts or more ("18.20.1", "v1.10.9-release"), never an IPv4 address,
 * or one of two parts after the word "version" ("version 4.4").
 */
const VERSION_RE =
  /(?<![\w.])v?(?:\d{1,4}\.\d{1,4}\.\d{1,5}(?:\.\d+)?(?:[-+][\w.]+)?|(?<=\bversion\s+|\bver\.?\s+|\brelease\s+)\d{1,4}\.\d{1,4})(?![\w.])/gi;
/** An IPv4 address: four dotted parts; a version of four parts keeps its place as an address. */
const IPV4_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A case or ticket number: "case 00486123", "ticket #1234567", "INC0012345", "SR 12345678". */
const TICKET_RE =
  /\b(?:(?:support\s+)?case|ticket|incident|service\s+request|sr|req|jira)\s*(?:#|no\.?|number|id)?\s*[:#]?\s*#?\d{5,}\b|\b(?:INC|RITM|CHG|CS|TKT)\d{5,}\b/gi;
/** Words that may stand beside such a token without making it a question about a code. */
const FILLER_RE =
  /\b(?:version|ver|release|build|running|on|is|was|the|a|at|from|to|number|no|uri|address|time|timestamp|phone|called|calling|caller|callee|call|ext|extension|asterisk|freeswitch|kamailio|opensips|sbc|pbx|firmware|we|are|our|my)\b/gi;

const PHONE_DIGITS = { min: 7, max: 15 };

function isPhone(match: string): boolean {
  const digits = match.replace(/\D/g, "").length;
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max;
}

/**
 * A dotted triple that is a phone number, not a version: North American 3-3-4 ("415.555.0486") or
 * a number with its trunk 0 ("020.7946.0958"); versions neither start with 0 nor run that long.
 */
function dottedPhone(match: string): boolean {
  if (/^\d{3}\.\d{3}\.\d{4}$/.test(match)) return true;
  return /^0\d+(?:\.\d+){2}$/.test(match) && match.replace(/\D/g, "").length >= TRUNK_DIGITS.min;
}

/**
 * A grouped national number with its trunk 0, as the phone mark, then any trailing groups that
 * make it too long to be one (a code typed right after it), kept to be read. A leading 0 with
 * nine digits or more in two groups is a number ("030 1234567"); in three groups or more a
 * two-digit first group ("02 9876 5432") needs ten digits, so a date's day and year ("05 2024 486")
 * stay apart.
 */
function trunkPhone(match: string, mark: (phone: string) => string): string {
  const groups = match.split(/[ -]/);
  for (let n = groups.length; n >= 2; n--) {
    const digits = groups.slice(0, n).join("").length;
    const min = n > 2 && (groups[0] ?? "").length === 2 ? 10 : TRUNK_DIGITS.min;
    const max = n === 2 && groups.length === 2 ? TRUNK_DIGITS.twoGroupsMax : TRUNK_DIGITS.max;
    if (digits >= min && digits <= max) {
      const rest = groups.slice(n).join(" ");
      const phone = match.slice(0, digits + n - 1);
      return rest === "" ? mark(phone) : `${mark(phone)} ${rest}`;
    }
  }
  return match;
}

/** Each shape's matches, phone numbers only where the digit count fits one. */
function replaceShapes(
  text: string,
  put: (shape: Shape, match: string) => string,
  seen?: Set<Shape>,
): string {
  const swap = (shape: Shape) => (match: string) => {
    seen?.add(shape);
    return put(shape, match);
  };
  let out = text.replace(URI_RE, swap("uri"));
  out = out.replace(ISO_RE, swap("timestamp")).replace(TIME_RE, swap("timestamp"));
  out = out.replace(SLASH_DATE_RE, (m) => (slashDate(m) ? swap("timestamp")(m) : m));
  out = out.replace(TICKET_RE, swap("ticket"));
  out = out.replace(VERSION_RE, (m) =>
    IPV4_RE.test(m) ? m : dottedPhone(m) ? swap("phone")(m) : swap("version")(m),
  );
  const phone = (m: string) => (isPhone(m) ? swap("phone")(m) : m);
  out = nationalPhones(out.replace(E164_RE, phone), phone).replace(NATIONAL_RE, phone);
  return out.replace(TRUNK_RE, (m) => trunkPhone(m, swap("phone")));
}

/**
 * Cheap check before any regex: shapes need a colon, dot, dash, parenthesis, plus, long digits,
 * or a group starting with 0 followed by another group ("020 7946 0958", "0044 20 …").
 */
function mayHoldShape(text: string): boolean {
  return /[:.\-(+]|\d{5}|\b0\d* \d|\d\/\d{1,2}\/\d/.test(text) || mayHoldNationalPhone(text);
}

/** The shape a whole query has when it is nothing but such a token (and a few plain words). */
export function shapeOf(text: string): Shape | null {
  const t = text.trim();
  if (!/\d/.test(t) || !mayHoldShape(t)) return null;
  const seen = new Set<Shape>();
  const rest = replaceShapes(t, () => " ", seen).replace(FILLER_RE, " ");
  // A header name's colon ("From: <sip:…>") or a key's "=" makes it a pasted line, read by its rules.
  if (seen.size !== 1 || /[\p{L}\p{N}:=]/u.test(rest)) return null;
  return [...seen][0] ?? null;
}

/**
 * The query with such tokens taken out of a sentence: a phone number becomes "•••" (as a masked one
 * reads), the others a space. A URI is left in place: pasted headers and request lines hold them
 * and are read by their own rules.
 */
export function withoutShapes(typed: string): string {
  // When it happened ("yesterday", "since 14:00") and how many calls ("3/4 of calls") go first.
  const text = withoutWhen(typed);
  if (!/\d/.test(text) || !mayHoldShape(text)) return text;
  const uris: string[] = [];
  const kept = text.replace(URI_RE, (m) => {
    uris.push(m);
    return `\u0000${uris.length - 1}\u0000`;
  });
  // "calling 0207 946 0486 gives busy": the verb only says the number was dialled, and left alone
  // it is searched as "calling" (a calling-party cause), so it is read as the noun "call".
  const out = replaceShapes(kept, (shape) => (shape === "phone" ? "•••" : " ")).replace(
    /\b(?:calling|dialling|dialing|dialled|dialed)(?=\s+•••)/gi,
    "call",
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the placeholder is a NUL on purpose.
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => uris[Number(i)] ?? "");
}

/**
 * The text with every phone number these shapes find masked as the echo masks one (scan/phone.ts):
 * the first three digits and the last two stay ("00" and a country code show as after "+"), the
 * separators and the length stay. It catches the forms the log masker leaves for want of context
 * ("030 901820", "01 23 45 67 89"); other shapes are put back as they were.
 */
export function maskShapedPhones(text: string): string {
  // Only a number with its trunk 0 in groups, or of a national form the log masker does not know
  // (query-phone-forms.ts), can be left unmasked, so nothing else pays for this.
  if (!TRUNK_START.test(text) && !mayHoldNationalPhone(text)) return text;
  const kept: string[] = [];
  const out = replaceShapes(text, (shape, m) => {
    if (shape === "phone") return maskDigits(m);
    kept.push(m);
    return `\u0000${kept.length - 1}\u0000`;
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the placeholder is a NUL on purpose.
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => kept[Number(i)] ?? "");
}

function maskDigits(num: string): string {
  const digits = num.replace(/\D/g, "").length;
  const shown = num.startsWith("00") ? 5 : 3;
  let d = 0;
  return num.replace(/\d/g, (c) => (d++ < shown || d > digits - 2 ? c : "•"));
}

/** What the answer says about each shape. */
export const SHAPE_NOTES: Readonly<Record<Shape, string>> = {
  phone:
    "That looks like a phone number, not a code, so none was read from it. Ask about the code the call failed with, e.g. `404` or `cause 1`.",
  timestamp:
    "That looks like a timestamp, not a code, so none was read from it. Paste the log line with the code, or `scan` the log.",
  uri: "That is a SIP URI (user@host), not a code: its user part is an extension or a number and its host an address. Ask about the code the request got, e.g. `408`.",
  version:
    "That looks like a version number, not a code, so none was read from it. Ask about the code or error you see, e.g. `503`.",
  ticket:
    "That looks like a case or ticket number, not a code, so none was read from it. Ask about the code or error in the case, e.g. `486`.",
};
