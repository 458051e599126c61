// Phone numbers in echoed text: which digit runs are numbers, and how they are masked (the first
// three digits and the last two stay, the length stays). A national number is only masked where
// the text says it is one, so codes, CSeq, ports, times and Call-IDs stay readable.

/**
 * Keys whose value is a calling or called number, as they end (sip_from_user, dst_ouser), after `=`,
 * `:` or a space. A key may be the last part of a longer one, never the tail of a word (portnumber);
 * a sequence, serial, frame or port number is not a phone number.
 */
const NUMBER_KEYS = [
  "(?:dest|src|dst|orig(?:inal)?|effective|outbound)?[-_]?(?:caller|callee|called|calling|dialed|dialled|dest(?:ination)?|target|source|cid|caller[-_]?id|connected[-_]?line|redirecting|ani|cli|phone)[-_]?(?:number|num)",
  String.raw`caller|callee|calling|called|caller[-_]?id|callerid\(\w+\)|cli|clip|cld|ani|dnis|rdnis|dnid|did|msisdn`,
  // AudioCodes CDR fields: each party's number, also as it was before number manipulation
  // (SrcPhoneNum, DstNum, SrcNumBeforeMap); SrcNumPlan and DstNumType are codes and stay.
  "(?:src|dst|dest|orig)[-_]?(?:phone[-_]?)?num(?:ber)?(?:[-_]?(?:before|after)[-_]?map)?",
  "dest(?:ination)?|(?:dest)?exten(?:sion)?|o?user|user_?name|identity",
  // Kamailio/OpenSIPS pseudo-variables as xlog lines print them: the R-URI, original R-URI, From and
  // To user ("rU=4155550199", "$fU: 02079460958").
  "[rfto]U",
  // RADIUS: the calling and called station, and User-Name, where Cisco voice gateways put the ANI.
  "call(?:ing|ed)-station-id|user-name",
  // Cisco: the far end of a call leg (VOIPAAA "PeerAddress 4155550123,", show call history
  // "PeerAddress="), and the calling/called/redirecting number of feature VSAs and ccapi ("cgn:").
  "peer[-_]?address|cgn|cdn|rdn",
  String.raw`(?<!(?:seq|sequence|serial|frame|packet|port|version|build|error)[\s_-]?)number`,
];

/** How a key is followed by its value: `=`, `:`, a space, or a Cisco RADIUS debug `[31]  12  `. */
const KEY_VALUE = String.raw`["']?(?:\s*[:=]\s*|\s*\[\d+\]\s+\d+\s+|\s+)["'<(]?`;

/**
 * Contexts that make a national number (a run of 7–15 digits) a phone number. Each is a
 * lookbehind (or a lookahead at the run), so the match is the number alone.
 */
const NATIONAL_CONTEXTS = [
  // After sip:, sips: and tel:, whatever ends it; and after a URL-encoded "+" (From=%2B1415…).
  String.raw`(?<=\b(?:sips?|tel):)`,
  "(?<=%2B)",
  `(?<=(?<![A-Za-z0-9])(?:${NUMBER_KEYS.join("|")})${KEY_VALUE})`,
  // Any key that ends in a calling or called number or party, in any case and after any prefix:
  // Cisco's TranslatedCallingNumber=, GwOutpulsedCalledNumber=, calling_party=, and the ISDN debug
  // "Calling Party Number i = 0x0081, '4155550123'".
  String.raw`(?<=call(?:ing|ed)[-_ ]?(?:number|num|party(?:[-_ ]?(?:number|num))?)(?:${KEY_VALUE}|\s+i\s*=\s*0x[0-9a-f]+,\s*'))`,
  // Cisco AV pairs put the digits after "#:": gw-rxd-cgn=ton:0,npi:1,pi:0,si:0,#:4155550123.
  String.raw`(?<=(?<![A-Za-z0-9])(?:[\w-]*-)?(?:cgn|cdn|rdn)\s*=[^\s#"]{0,40}#:)`,
  // From and To are words too ("from 1048576 to 2097152 bytes"): after `=` or `:` any run, after a
  // space only one that starts with the trunk prefix 0 or has 10 digits or more.
  String.raw`(?<=(?<![A-Za-z0-9])(?:from|to)["']?\s*[:=]\s*["'<(]?)`,
  String.raw`(?<=(?<!\b(?:up|set|changed|increased|decreased|raised|reduced|grew|rose|fell|dropped|limited|reset)\s+)(?<![A-Za-z0-9])(?:from|to)\s+["'<(]?)(?=0|\d{10})`,
  // A whole segment of a URL path (`/Numbers/09876543210.json`, `/lookup/14155550123?x`): REST APIs
  // take the number in the path (Exotel's number metadata, lookup services). Only digits count, so
  // hex ids, UUIDs and SIDs stay; a segment that goes on with digits (`/1234567.89`) is no number.
  String.raw`(?<=\/[^\s/"'<>]+\/)(?=\d+(?!\d|[.\-]\d))`,
  // A display name's number: "Alice" <4155550123>.
  String.raw`(?<="\s*<)`,
  // After a channel technology: PJSIP/4155550123@trunk, SIP/trunk/4155550123, sofia/gateway/gw/….
  String.raw`(?<=\b(?:PJSIP|SIP|IAX2|DAHDI|Local|loopback|sofia)\/(?:[\w.-]+\/){0,2})`,
  // A user part before @ (4155550123@host, an Asterisk exten@context), not a Call-ID's: not after
  // Call-ID:, i:, callid=, SIPCallId= or Replaces:, and in brackets only as Asterisk's
  // [exten@context:priority].
  String.raw`(?<=[^\w.+\-[])(?<!(?<![A-Za-z0-9])(?:i|replaces)["']?\s*[:=]\s*["'<]?)(?<!call[-_ ]?id["']?(?:\s*[:=]\s*|\s+)["'<]?)(?=\d+@)`,
  String.raw`(?<=\[)(?=\d+@[\w-]+:\d+\])`,
];
/**
 * An international number written in groups: +44 20 7946 0958, +1 (415) 555-0123, +49-30-1234567,
 * or with the 00 international prefix for "+": 0044 20 7946 0958 (a hex dump's groups of four are
 * no number). Fewer than 7 digits in all is left alone (maskPhone).
 */
const GROUPS = String.raw`(?:[ .\-]?\(\d{1,5}\)|[ .\-]\d{1,8}){1,5}(?![\d.\-]?\d)`;
const GROUPED = String.raw`\+\d{1,4}${GROUPS}|00(?<![\w.+\-/:]00)(?!\d\d(?: [\da-f]{4}){2})[1-9]\d{0,2}${GROUPS}`;
/**
 * Words after which three space-separated numbers are measurements, not a phone number: RTCP and
 * rtpengine stats print "packets 250 300 1200", "jitter 250 300 1200", "min/avg/max 250 300 1200".
 * A unit or a list of labels may sit between the word and the numbers ("packets(sent/recv/lost):").
 */
const STATS_WORDS =
  "packets?|pkts|bytes|octets|frames|jitter|loss|lost|drop(?:s|ped)?|discard(?:s|ed)?|dup(?:licate)?s?|errors?|rtt|delay|latency|mos|r-?factor|min|max|avg|mean|median|stddev|rx|tx|stats|seq|ts|bitrate|kbps|bps";
/**
 * A national number written in groups: "07700 900123", "020 7946 0958", "(415) 555-0123",
 * "415-555-0123", "415.555.0123", and a North American "415 555 0123". Spaces alone separate
 * numbers in any list of counters, so that last form must look like a NANP number (area code and
 * exchange start with 2–9, the line number has exactly four digits, no further group on either
 * side, no unit after it) and must not follow a stats word; dashes, dots or brackets are a
 * number's own notation and need no such care. Never inside a longer token; fewer than 10 digits
 * is left alone.
 */
const NATIONAL_GROUPED = new RegExp(
  String.raw`(?<![\w.+\-/:])(?:0\d{2,4}[ -]\d{3,6}(?:[ -]\d{3,4})?|\(\d{3}\) ?\d{3}[-.]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}|(?<!\d[ ,.])(?<!\b(?:${STATS_WORDS})\b[^\s\d]{0,24}\s*)[2-9][0-8]\d [2-9]\d\d \d{4}(?! ?\d|\s?(?:bytes?|octets|[kmg]i?b|ms|s|packets?|pkts|frames?)\b))(?!\w|[.\-/:]\d)`,
  "gi",
);
/** The cheap test before NATIONAL_GROUPED: three digits, a separator, three digits (or ") 555"). */
const NATIONAL_MIDDLE = /\d{3}[ .-]\d{3}|\) ?\d{3}/;
/** Not a phone number, whatever the context says: Unix times (s and ms), dates, byte counts. */
const NOT_A_NUMBER = String.raw`(?!1[5-9]\d{8}(?!\d)|1[5-9]\d{11}(?!\d)|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?(?!\d)|\d+\s?(?:bytes?|octets|[kmg]i?b|ms|packets?|pkts|frames?)\b)`;
const PHONE = new RegExp(
  // The leading peek lets most positions fail on one character, before any lookbehind is tried.
  // "00" and a country code is the European way of writing "+": 00442079460958.
  String.raw`(?=[+\d])(?:\+\d{6,15}\b|00(?<![\w.+\-/:=#]00)[1-9]\d{8,12}\b|${GROUPED}|(?<!\d)(?=\d{7,15}\b)${NOT_A_NUMBER}(?:${NATIONAL_CONTEXTS.join("|")})\d+)`,
  "gi",
);
/** The cheap test before PHONE: a run long enough for a national number, or an E.164 one. */
const LONG_RUN = /\d{7}|\+\d{6}/;
/** "+" or "00" and a country code followed by a group separator: "+44 20 …", "+1 (415) …", "0044 20 …". */
const PLUS_START = /\+\d{1,4}[ .(-]/;
const ZERO_START = /00[1-9]\d{0,2}[ .-]/;
const longDigits = (text: string): boolean =>
  LONG_RUN.test(text) ||
  (text.includes("+") && PLUS_START.test(text)) ||
  (text.includes("00") && ZERO_START.test(text));

/** Whether `text` may hold a phone number: the cheap tests before PHONE and NATIONAL_GROUPED. */
export const mayHoldNumber = (text: string): boolean => longDigits(text) || NATIONAL_MIDDLE.test(text);

/**
 * A table row (an AudioCodes CDR: `|SBC |CALL_END |2449857765@203.0.113.5 |+1408…@…`) names its
 * Call-ID before any URI, so its first cell that holds `@` is the Call-ID; when that is a number
 * at a host, the offset of the number (it is no phone number), else -1.
 */
const FIRST_AT_CELL = /\|[ \t]*([^|@\s]*)@[^|\s]*[ \t]*(?=\||$)/;
export function callIdCell(text: string): number {
  if (!text.includes("|") || !text.includes("@")) return -1;
  const m = FIRST_AT_CELL.exec(text);
  if (!m || !/^\d+$/.test(m[1] as string)) return -1;
  return m.index + m[0].indexOf(m[1] as string);
}

/**
 * `text` with its phone numbers masked (lengths kept); the national grouped ones in a second pass.
 * `keep` is the offset in `text` of a number that is a Call-ID's (callIdCell), or -1.
 */
export function maskNumbers(text: string, keep = -1): string {
  const mask = (num: string, at: number) => (at === keep ? num : maskPhone(num));
  let out = longDigits(text) ? text.replace(PHONE, mask) : text;
  if (NATIONAL_MIDDLE.test(out)) out = out.replace(NATIONAL_GROUPED, mask);
  return out;
}

/** The number with all but its first three and last two digits masked; separators stay. */
function maskPhone(num: string): string {
  let digits = 0;
  for (let i = 0; i < num.length; i++) if (isDigit(num.charCodeAt(i))) digits++;
  if (digits < 7 && !/^\+\d+$/.test(num)) return num;
  // A national number in groups has 10 or 11 digits; fewer is a version, a count or a time.
  if (digits < 10 && !num.startsWith("+") && /[ ().-]/.test(num)) return num;
  if (digits <= 5) return num;
  // "00" stands for "+": the country code after it shows as it does after "+".
  const shown = num.startsWith("00") ? 5 : 3;
  let out = "";
  let d = 0;
  for (let i = 0; i < num.length; i++) {
    const c = num[i] as string;
    if (!isDigit(num.charCodeAt(i))) out += c;
    else out += d++ < shown || d > digits - 2 ? c : "•";
  }
  return out;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
