// Statuses that stacks log in their own encoding: pjsip's pj_status_t ("[status=170408]"),
// Kamailio xlog reply tags ("[REPLY] 486 Busy", "onreply_route: 503 No Route Available"), and the
// HTTP status of a Twilio webhook fetch ("response_status_code":"502").
import { D } from "./gate-bits.js";
import { all, type Emit, hit, put } from "./hit.js";
import { isHttpStatus } from "./http-status.js";

/**
 * pjsip carries a SIP status in a pj_status_t as PJSIP_ERRNO_START (170000) + code, and
 * pjsua_perror prints "<title>: <status text> [status=%d]". Its own errors start at 171000
 * (171140 is PJSIP_ESESSIONTERMINATED), so only 1701xx–1706xx are SIP statuses. People copy it
 * without the brackets too ("status=170408").
 */
const PJSIP_STATUS = /(?<![\w.-])\[?status=170([1-6]\d\d)(?![\d.])/g;
/** The text pjsua_perror printed before the status: "Unable to make call: Request Timeout". */
const PERROR_TEXT = /([^:\]]{0,120}):[ \t]*([A-Za-z][^:[\]()\n]{0,60}?)[ \t]*(?:\(PJSIP_SC_\w+\)[ \t]*)?$/;
const METHOD_WORD =
  /\bre-INVITE\b|\b(?:INVITE|REGISTER|SUBSCRIBE|NOTIFY|OPTIONS|MESSAGE|REFER|UPDATE|PUBLISH|PRACK|CANCEL|BYE|INFO)\b/;
/** pjsua's titles for a call's INVITE ("Unable to make call", pjsua2's makeCall). */
const CALL_WORDS = /\bmake call\b|\bmaking call\b|make_call|makeCall/i;

/** The method a pjsua_perror title names: a SIP method, a call being made (INVITE), a registration. */
function perrorMethod(title: string): string | undefined {
  const m = METHOD_WORD.exec(title);
  if (m) return m[0];
  if (CALL_WORDS.test(title)) return "INVITE";
  return /\bregistration\b/i.test(title) ? "REGISTER" : undefined;
}

/**
 * A 3-digit code right after a Kamailio/OpenSIPS script's reply tag: xlog's `[REPLY] $rs $rr`
 * or an onreply_route's own words. The route only runs for SIP replies, so the code is a SIP
 * status whatever its phrase ("486 Busy", "503 No Route Available", Kamailio's stateless
 * "500 I'm terribly sorry, server error occurred (1/SL)").
 */
const SCRIPT_REPLY_TAG =
  /(?:\[(?:REPLY|[Rr]eply)\]|\bonreply_route(?:\[[\w-]{0,40}\])?:)[ \t]+([1-6]\d\d)(?![\d.:%/])/g;
/** The detector of a reply tag: an onreply_route runs for replies the proxy received. */
export const SCRIPT_REPLY_TAGGED = "script-reply-tag";
/** Where the reply's phrase ends on the line: its peer ("from X", "to X") or a key=value. */
const TAG_PHRASE_END = /[ \t](?:from|to)[ \t]|[ \t][\w.-]+=|[[\]{};|\t\r\n]/;

/** Twilio's debugger: the HTTP status a webhook answered (error 11200, HTTP retrieval failure). */
const RESPONSE_STATUS_CODE = /"response_status_code"\s*:\s*"?([1-5]\d\d)(?!\d)/g;

/** The detectors of this module, each behind the gate of its module's shared bit. */
export function detectStackReplies(segment: string, emit: Emit, gates: number): void {
  if (gates & D.PJSIP)
    all(PJSIP_STATUS, segment, (m) => {
      const text = segment.slice(Math.max(0, m.index - 200), m.index);
      const before = PERROR_TEXT.exec(text);
      const method = perrorMethod(before ? (before[1] ?? "") : text);
      const reason = before?.[2] || undefined;
      put(emit, hit("sip", Number(m[1]), null, 0.9, "pjsip-status", true, { method, reason }), m);
    });
  if (gates & D.SCRIPT)
    all(SCRIPT_REPLY_TAG, segment, (m) => {
      const after = segment.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const end = TAG_PHRASE_END.exec(after);
      const reason = (end ? after.slice(0, end.index) : after).trim() || undefined;
      put(emit, hit("sip", Number(m[1]), null, 0.9, SCRIPT_REPLY_TAGGED, true, { reason }), m);
    });
  if (gates & D.RESPONSE_STATUS)
    all(RESPONSE_STATUS_CODE, segment, (m) => {
      const code = Number(m[1]);
      if (isHttpStatus(code)) put(emit, hit("http", code, null, 0.9, "http-client", true), m);
    });
}
