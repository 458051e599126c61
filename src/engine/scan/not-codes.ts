// Numbers a loose detector would read as a status although the line says what they are: a media
// counter ("Packets sent=486"), a count ("Bytes received: 486", "Calls received: 480", "sent 503 times"), an HTTP response body a log quotes ("<body>502 Bad Gateway"), an
// API's own "status" member.
import { isHttpStatus } from "./http-status.js";
import * as P from "./patterns.js";

/**
 * A syslog line's head: its stamp (BSD "Mar  5 03:20:01", or RFC 5424's / rsyslog's ISO stamp),
 * the host that logged it and the program's tag ("rtpstats[812]:"). Voice boxes are often named
 * sbc, proxy, pbx or sip, and their programs too: those words name the box, not the message.
 */
const SYSLOG_HEAD =
  /^[ \t]*(?:<\d{1,3}>(?:1[ \t]+)?)?(?:[A-Z][a-z]{2}[ \t]+\d{1,2}[ \t]+\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:[ \t]+\d{4})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2}))[ \t]+[\w.-]{1,64}[ \t]+(?:[\w./-]{1,48}(?:\[\d{1,10}\])?:[ \t]+)?/;

/**
 * The line names SIP in its message: the words of a syslog head (its host and tag) do not count,
 * so "sbc rtpstats[812]: Packets sent=486, received=503" stays a counter. The head is only looked
 * for once a SIP word is there, which is rare on the lines these checks see.
 */
export function namesSip(segment: string): boolean {
  if (!P.SIP_CONTEXT.test(segment)) return false;
  const head = SYSLOG_HEAD.exec(segment);
  return head === null || P.SIP_CONTEXT.test(segment.slice(head[0].length));
}

/** An HTML element's start tag right before a number: `<body>502 Bad Gateway`. */
const HTML_TAG = /<[A-Za-z][\w-]{0,20}(?:[ \t][^<>\n]{0,200})?>$/;

/**
 * A number in the body of an HTTP response a log quotes: an error page's `<h1>502 Bad Gateway</h1>`,
 * or the `response_body` of a Twilio debugger alert (the webhook's own answer, whose status the
 * alert's `response_status_code` already gives). It is no SIP response.
 */
export function responseBody(segment: string, at: number): boolean {
  if (segment.charCodeAt(at - 1) === 62 && HTML_TAG.test(segment.slice(Math.max(0, at - 240), at)))
    return true;
  const key = segment.lastIndexOf("response_body", at);
  if (key < 0) return false;
  // Still inside that member's value: no member ends between the key and the number.
  const between = segment.slice(key + 13, at);
  return !between.includes('",') && !between.includes("&");
}

/**
 * "RTP statistics: Packets sent=486, received=503, lost=404": a media counter, not a response
 * sent or received, unless the line names SIP.
 */
export function mediaCounter(segment: string, m: RegExpExecArray): boolean {
  return P.COUNT_KEY.test(m[0]) && P.COUNTER_CONTEXT.test(segment) && !namesSip(segment);
}

/** A unit or a total right before "sent"/"received": "Bytes received: 486", "packets sent 503". */
const COUNTED_UNIT =
  /\b(?:bytes|octets|packets|pkts|messages|msgs|frames|datagrams|sequence number|total|count)[ \t]*$/i;
/**
 * Any plural noun before a keyed "received:"/"sent="/"answered:" is what was counted ("Calls
 * received: 480", "INVITEs received: 486", "calls answered: 403"). Without the colon or equals
 * sign the noun may be who acted ("Teams sent 480", "clients received 403"), so it counts only
 * keyed. A plural here ends in "s" after a letter other than s, u or i ("status", "address",
 * "this" are none); OPTIONS is a method's name.
 */
const COUNTED_PLURAL =
  /\b(?!(?:was|has|does|goes|its|yes|says|options)\b)[A-Za-z][\w-]*[a-hj-rtv-z]s["']?[ \t]*$/i;
const KEYED = /^\w+["']?[ \t]*[:=]/;
/** "sent 503 times", "received 486 calls": what follows the number says it is a count. */
const COUNT_AFTER = /^[ \t]*(?:times|calls|requests|invites|attempts|retries|retransmissions)\b/i;
/**
 * "received 480 replies" alone may mean replies carrying 480; next to a count on the same line
 * ("sent 503 times, received 480 replies") it is a count too.
 */
const REPLIES_AFTER = /^[ \t]*(?:replies|responses)\b/i;
const OTHER_COUNT = /\d[ \t]*(?:times|calls|requests|invites|attempts|retries|retransmissions)\b/i;
/** Counter words of a statistics run ("sent 503 received 486 lost 0", "rx=12, tx 503"). */
const RUN_WORD = "(?:sen[dt]|receiv\\w*|answered|lost|dropped|discarded|rx|tx)";
const COUNTER_BEFORE = new RegExp(`\\b${RUN_WORD}["']?[ \\t]*[:=]?[ \\t]*\\d+[ \\t]*[,;]?[ \\t]*$`, "i");
const COUNTER_AFTER = new RegExp(`^[ \\t]*[,;]?[ \\t]*${RUN_WORD}\\b["']?[ \\t]*[:=]?[ \\t]*\\d`, "i");
/** The same runs written as keyed pairs on any line ("received=486 sent=503", "sent: 12, received: 486"). */
const KEYED_BEFORE = new RegExp(`\\b${RUN_WORD}["']?[ \\t]*[:=][ \\t]*\\d+[ \\t]*[,;]?[ \\t]*$`, "i");
const KEYED_AFTER = new RegExp(`^[ \\t]*[,;]?[ \\t]*${RUN_WORD}\\b["']?[ \\t]*[:=][ \\t]*\\d`, "i");
const SEND_RECEIVE = /^(?:sen[dt]|receiv|answered(?![ \t]+with))/i;

/**
 * "Bytes received: 486", "Calls received: 480", RTCP's "Extended highest sequence number
 * received: 486", "sent 503 times", an RTP line's "packets sent 503 received 486 lost 0", a stats
 * line's "received=486 sent=503": a count of what was sent or received, never a status. The word
 * before the keyword names what is counted, or the word after the number does; a number next to
 * another counter is part of the same statistics run (keyed with `=` or `:` on any line that names
 * no SIP; also bare on a media line). A received status ("received 503 from 10.0.0.9", "Received
 * 486 response", "INVITE sent, received 486", "Response received: 486") has none of these.
 */
export function countedKeyword(segment: string, m: RegExpExecArray): boolean {
  if (!SEND_RECEIVE.test(m[0])) return false;
  const before = segment.slice(Math.max(0, m.index - 40), m.index);
  if (COUNTED_UNIT.test(before) || (KEYED.test(m[0]) && COUNTED_PLURAL.test(before))) return true;
  const end = m.index + m[0].length;
  const after = segment.slice(end, end + 40);
  if (COUNT_AFTER.test(after)) return true;
  if (REPLIES_AFTER.test(after) && OTHER_COUNT.test(segment)) return true;
  if (namesSip(segment)) return false;
  if (P.COUNT_KEY.test(m[0]) && (KEYED_BEFORE.test(before) || KEYED_AFTER.test(after))) return true;
  if (!P.COUNTER_CONTEXT.test(segment)) return false;
  return COUNTER_BEFORE.test(before) || COUNTER_AFTER.test(after);
}

/**
 * What a SIP stack's JSON record of a response names besides the status: the word response
 * (`"msg":"Received response"`), a CSeq, a Call-ID, the peer's address. A service's record has none.
 */
const SIP_RECORD = /respon|"(?:cseq|call[-_]?id|remote_ip|src|dst|peer)"/i;

/**
 * `{"status":200,"data":[…]}`, `{"msg":"upstream call failed","status":503,"service":"billing"}`,
 * `{"level":"error","msg":"request failed","status":503,"route":"/v1/users"}`: the "status" member
 * of a one-line JSON object (an API response or a service's log record) that names no SIP word is
 * that API's status, not a SIP response. A SIP stack's record of a response keeps it, and so does a
 * number no HTTP server sends (486): only SIP has it.
 */
export function apiEnvelope(segment: string, m: RegExpExecArray): boolean {
  if (segment.charCodeAt(m.index - 1) !== 34 || m[0].slice(0, 6).toLowerCase() !== "status") return false;
  if (namesSip(segment)) return false;
  if (P.API_ENVELOPE.test(segment)) return true;
  // The member sits inside an object opened and closed on this line.
  if (segment.lastIndexOf("{", m.index) < 0 || segment.indexOf("}", m.index) < 0) return false;
  return isHttpStatus(Number(m[1])) && !SIP_RECORD.test(segment);
}

/**
 * A member of a pretty-printed JSON object alone on its line, `"Status": 429,` (Exotel v1's
 * RestException piped through `jq .`, Python's `json.dumps(indent=4)`, an API's
 * `{"error": {…, "status": 403}}`): an API's answer, so an HTTP status, not a SIP response. A SIP
 * record names SIP elsewhere on the line, or keys its status otherwise (`"sip_status"`), and a
 * number no HTTP server sends (486) stays SIP.
 */
const STATUS_MEMBER = /^[ \t]*"status"[ \t]*:[ \t]*([1-5]\d\d)[ \t]*,?[ \t]*$/i;
export function apiStatusMember(segment: string, m: RegExpExecArray): boolean {
  if (segment.charCodeAt(m.index - 1) !== 34 || !STATUS_MEMBER.test(segment)) return false;
  return isHttpStatus(Number(m[1]));
}
