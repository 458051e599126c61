// Question forms read before the plain code and text rules: a timer named by letter, a timeout
// question, a negative number, a port, a CSeq typed without its colon, Mobius's status field and
// several codes at once.
import type { ParsedQuery } from "./query.js";

/**
 * A question about one RFC 3261 timer by its letter or base name: "what is timer b", "what's timer h",
 * "how long is timer f", "sip timer b", "timer B fired", "what is T1", "T1 timer". A single letter is
 * too short for the text search, so the name is read here. T1/T2/T4 need a question, "timer" or
 * "sip" around them: on their own they may mean something else (a T1 line).
 */
const TIMER_QUESTION_RE =
  /^(?<question>(?:what\s*(?:is|['’]?s)|how\s+long\s+is|explain|define|meaning\s+of)\s+)?(?<before>(?:(?:the|sip|rfc\s*3261)\s+)*)(?:timer\s*-?\s*(?<letter>[a-m])|(?<named>timer\s*-?\s*)?(?<base>t[124]))(?<after>(?:\s+(?:timer|fired|fires|firing|expired|expires|expiring|expiry|timeout|timed\s+out|popped|value|default))*)$/;

/** The timer's catalog id when the query asks about one timer by name, else null. */
export function timerQuestion(lower: string): string | null {
  const g = TIMER_QUESTION_RE.exec(lower)?.groups;
  if (!g) return null;
  if (g.letter) return `timer/${g.letter}`;
  const qualified = Boolean(g.question || g.before || g.named || g.after);
  return g.base && qualified ? `timer/${g.base}` : null;
}

/**
 * A timer named among other words: "timer B expired on INVITE to 10.0.0.5", "why did timer h fire
 * after 200 ok", "what is the timer for T1", "session timer expired". No number may come before
 * the name ("408 after timer b" asks about the 408); T1/T2/T4 need the word "timer" somewhere
 * ("t1 line" is not a timer); and "timer a" needs nothing or a firing word after it, since "a" is
 * also the article ("timer a call").
 */
const TIMER_LETTER_RE = /^[^\d]*?\btimer\s*-?\s*([a-m])(?![\w-]|\.\d)(.*)$/;
const TIMER_BASE_RE = /^[^\d]*?\b(t[124])(?![\w-]|\.\d)/;
const SESSION_TIMER_RE = /^[^\d]*?\bsession[\s-]*timer\b/;
const FIRING_AFTER_RE =
  /^\s*(?:timer|fired|fires|firing|expired|expires|expiring|expiry|timeout|timed\s+out|popped)?\W*$/;

/** The timer a longer query names, as a catalog id, else null. */
export function timerNamed(lower: string): string | null {
  const letter = TIMER_LETTER_RE.exec(lower);
  if (letter?.[1] && (letter[1] !== "a" || FIRING_AFTER_RE.test(letter[2] ?? "")))
    return `timer/${letter[1]}`;
  if (!/\btimer\b/.test(lower)) return null;
  const base = TIMER_BASE_RE.exec(lower)?.[1];
  if (base) return `timer/${base}`;
  return SESSION_TIMER_RE.test(lower) ? "timer/session-expires" : null;
}

/** A negative number, maybe after a namespace word: "-1", "sip -486", "acs -410/3112". */
export const NEGATIVE_RE = /^(?:([a-z][a-z0-9.]*)\s+)?-(\d{1,7})(?:\s*[/:]\s*-?(\d{1,7}))?$/i;
/** Mobius's log field for the HTTP status (`fields.response_status: 429`). */
export const RESPONSE_STATUS_RE = /^(?:fields\.)?response_status\s*[:=]\s*"?(\d{3})"?$/i;
/** A Teams Direct Routing ms-diagnostics header ("ms-diagnostics: 560403;reason=…"): a subcode. */
export const MS_DIAGNOSTICS_RE = /^(?:x-)?ms[-_ ]?diag(?:nostics)?(?:-public)?\s*[:=]?\s*(\d{1,7})(?![\d.])/i;
/** The header named with no number: "ms-diagnostics", "x-ms-diagnostics", "ms diag", "what is ms-diagnostics?". */
export const MS_DIAGNOSTICS_BARE_RE =
  /^(?:what(?:\s+is|['’]s)\s+(?:an?\s+|the\s+)?)?(?:x-)?ms[-_ ]?diag(?:nostics?)?(?:-public)?(?:\s+header)?\s*[:=]?\s*\??$/i;
/** "ms teams", "Microsoft Teams": the word before "teams" adds nothing to the namespace. */
export const MICROSOFT_TEAMS_RE = /^(?:ms|microsoft)[\s-]+(?=teams\b)/i;
export const DIRECT_ROUTING_RE = /\bdirect[\s-]+routing\b/i;

/**
 * "port 5060", "CSeq 102 INVITE" (typed without the colon): a port or a sequence number, not a code.
 * Answered like the pasted header ("CSeq: 102 INVITE").
 */
export function portOrCseq(text: string): ParsedQuery | null {
  const cseq = /^cseq\s+(\d{1,10}\s+[a-z]+)$/i.exec(text.trim());
  if (cseq?.[1]) return { type: "header", header: "CSeq", value: cseq[1] };
  const port = /^(?:(?:sip|rtp|udp|tcp|tls)\s+)?port\s*[:=]?\s*(\d{1,5})$/i.exec(text.trim());
  return port?.[1] ? { type: "header", header: "port", value: port[1] } : null;
}

/**
 * "how long before a sip call times out", "how long until an INVITE times out": the INVITE
 * transaction timer (Timer B, 32 s, then 408); for a REGISTER or another request, Timer F.
 */
export function timeoutQuestion(lower: string): string | null {
  if (!/\bhow\s+(?:long|many\s+seconds)\b/.test(lower)) return null;
  if (!/\btim(?:es?|ed|ing)?\s*-?\s*out\b/.test(lower)) return null;
  if (/\b(?:register|registration|options|bye|subscribe|non-invite)\b/.test(lower)) return "timer/f";
  return /\b(?:call|calls|invite|sip|dial|dialing|ringing|setup)\b/.test(lower) ? "timer/b" : null;
}

/**
 * Two or more codes joined by words: "486 and 487", "486, 487", "16 and 17" (Q.850 causes),
 * "difference between 486 and 600", "486 vs 603", and three or more numbers up to 699 with only
 * spaces or slashes ("486 487 488", "16 17 18", "17 34 486"). "486/487" and "486 487" may be a code and subcode ("403/118"),
 * so the catalog decides those (explain-codes.ts).
 */
export function severalCodes(compact: string): number[] | null {
  const m =
    /^(?:(?:what(?:'s| is)?\s+(?:the\s+)?)?difference\s+between\s+|compare\s+)?([1-9]\d{0,2})((?:\s*(?:,|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*[1-9]\d{0,2})+)\s*\??$/i.exec(
      compact,
    );
  // Three or more numbers with only spaces or slashes between them ("486 487 488", the causes of
  // several legs "34 38 41", or both "17 34 486") are no code/subcode pair either.
  const run = m ? null : /^[1-9]\d{0,2}(?:\s*[\s/]\s*[1-9]\d{0,2}){2,}$/.exec(compact);
  if (run) {
    const codes = [...run[0].matchAll(/\d+/g)].map((x) => Number(x[0]));
    return codes.every((n) => n <= 699) ? distinctCodes(codes) : null;
  }
  if (!m?.[1] || !m[2]) return null;
  const codes = [Number(m[1]), ...[...m[2].matchAll(/\d+/g)].map((x) => Number(x[0]))];
  return codes.every((n) => n <= 699) ? distinctCodes(codes) : null;
}

function distinctCodes(codes: number[]): number[] | null {
  const distinct = [...new Set(codes)];
  return distinct.length >= 2 ? distinct : null;
}

/**
 * A packet header line, as SIP stacks print one above each message: Asterisk's `<--- Received SIP
 * response (482 bytes) from UDP:… --->`, sofia-sip's `recv 486 bytes from udp/…`, pjsip's `TX 487
 * bytes Response msg 200/INVITE/cseq=102 … to UDP …`. The number before "bytes" is the message's
 * size; any code is in the start line below it, or (pjsip) after "msg".
 */
const PACKET_LINE_RE =
  /\b(?:received|receiving|transmitting|sending|sent|recv|send|rx|tx)\b[^\n]{0,40}?\(?\b\d{1,6}\s+bytes\b\)?[^\n]*?\b(?:from|to)\b/i;

export function packetLine(text: string): boolean {
  return /bytes/i.test(text) && PACKET_LINE_RE.test(text);
}
