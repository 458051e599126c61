// What tells two calls through a Cisco CUBE apart when their failures fall in the same second: the
// call's GUID, which CUBE prints on every message of both legs of one call ("//1002/5A1B2C3D0001/
// SIP/Msg/ccsipDisplayMsg:", and the Cisco-Guid header it sends), and the number an INVITE dialled.
// Only what a comparison needs is kept: the GUID, and the last 7 digits of the number.

/** How far above a request line CUBE's header line for its message may start ("…ccsipDisplayMsg:",
 *  then "Sent:" or "Received:"). */
const HEADER_SPAN = 240;
/** CUBE's debug header: "//<call entry id>/<GUID>/SIP/Msg/ccsipDisplayMsg:". A call with no GUID yet
 *  is printed "//-1/xxxxxxxxxxxx/": nothing to compare. */
const DEBUG_GUID = /\/\/-?\d+\/([0-9A-F]{8,32})\/SIP\/Msg\/ccsipDisplayMsg\b/i;
/** How far below a request line its headers may reach. */
const HEADERS_SPAN = 2000;
/** A Cisco-Guid header: four 32-bit words in decimal, as CUCM and IOS write it
 *  ("3659524871-1844515286-2148452871-566800187"), or in hex as some other boxes do. */
const CISCO_GUID = /\nCisco-Guid\s*:\s*([\dA-F-]{8,60})/i;

/** The headers of the request whose line ends at text[le]: up to the blank line that ends them. */
export function requestHeaders(text: string, le: number): string {
  const below = text.slice(le, le + HEADERS_SPAN);
  const end = below.search(/\n[ \t>]*\r?\n/);
  return end < 0 ? below : below.slice(0, end);
}

/**
 * The call's GUIDs for the request whose line is text[ls, le): the one in CUBE's debug header just
 * above it ("dbg:5A1B2C3D0001") and the one in its Cisco-Guid header ("hdr:3659524871-…"), each
 * when shown. Both are kept: CUBE prints a received first INVITE as "//-1/xxxxxxxxxxxx/" (no GUID
 * yet), so the caller's leg often shows only the header. The two forms are only compared with their
 * own kind: the debug header prints 12 hex digits of the GUID, which no documented rule maps to the
 * header's decimal words.
 */
export function cubeGuids(text: string, ls: number, headers: string): string[] | undefined {
  const guids: string[] = [];
  // Cheap literal checks first: a log not from CUBE pays one short search per request line.
  const above = text.slice(Math.max(0, ls - HEADER_SPAN), ls);
  const at = above.lastIndexOf("ccsipDisplayMsg");
  // The header must be this message's: at most the "Sent:"/"Received:" line between it and the request.
  if (at >= 0 && countBreaks(above, at) <= 2) {
    const start = above.lastIndexOf("//", at);
    const m = start >= 0 ? DEBUG_GUID.exec(above.slice(start, at + 15)) : null;
    if (m?.[1]) guids.push(`dbg:${m[1].toUpperCase()}`);
  }
  if (headers.includes("isco-Guid") || headers.includes("isco-guid") || headers.includes("ISCO-GUID")) {
    const h = CISCO_GUID.exec(headers);
    if (h?.[1]) guids.push(`hdr:${h[1].toUpperCase()}`);
  }
  return guids.length > 0 ? guids : undefined;
}

function countBreaks(s: string, from: number): number {
  let n = 0;
  for (let i = s.indexOf("\n", from); i >= 0; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

/** A Request-URI's user part when it is a phone number: "sip:+44 20 7946 0958@…", "tel:+1650…". */
const URI_USER = / (?:sips?:([^@;\s>]+)@|tel:([^;\s>]+))/;
/** A forwarded call says so: the number it now dials is not the one its caller dialled. */
const FORWARDED = /\n[ \t>]*(?:Diversion|History-Info)\s*:/i;
const NUMBER = /^\+?[\d\-.() ]+$/;
/** Digits two forms of one number share at least: +44… and 0044… agree on these. */
export const DIALLED_DIGITS = 7;

/**
 * The last 7 digits of the number a request line dialled (its Request-URI user), or undefined when
 * the user is no phone number, is too short to compare (an extension CUBE may expand), or the
 * request's headers (`headers`) say the call was forwarded (Diversion, History-Info).
 */
export function dialledTail(requestLine: string, headers: string): string | undefined {
  const m = URI_USER.exec(requestLine);
  const user = m?.[1] ?? m?.[2];
  if (!user || !NUMBER.test(user)) return undefined;
  if (FORWARDED.test(headers)) return undefined;
  const digits = user.replace(/\D/g, "");
  return digits.length >= DIALLED_DIGITS ? digits.slice(-DIALLED_DIGITS) : undefined;
}
