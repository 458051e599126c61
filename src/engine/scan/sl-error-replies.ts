// Kamailio's sl module answering a request it could not process itself (sl_reply_error() in the
// script): it sends a reply and logs "sl_reply_error(): stateless error reply used: Unresolvable
// destination (478/SL)". The phrase names Kamailio's internal error; the number in brackets is
// that error's own, which is also the SIP code only for some of them (477, 478, 479, 400, 487):
// "I'm terribly sorry, server error occurred (1/SL)" went out as a 500. So the code is read from
// the phrase, and the reply is this proxy's own.
import { all, type Emit, hit, put } from "./hit.js";

/**
 * The literal the line is found by (anchors.ts, through the PBX detector's gate): the function's
 * name, which Kamailio and OpenSIPS print before the message. A literal starting with a common
 * lower-case letter ("stateless …") would slow the search every text goes through.
 */
export const SL_ERROR_ANCHOR = "_reply_error";

/** The phrase and the bracketed number; "SL" is the module's signature in the phrase. */
const SL_ERROR =
  /_reply_error\b[^\n]{0,40}?\bstateless error reply used: ([A-Za-z][^()\n]{1,80}?) \((\d{1,3})\/SL\)/g;

/** The SIP code each phrase of Kamailio's err2reason_phrase() is sent with, by its lower-case text. */
const PHRASE_CODES: ReadonlyMap<string, number> = new Map([
  ["unfortunately error on sending to next hop occurred", 477],
  ["unfortunately error on sending to next hop occured", 477],
  ["unresolvable destination", 478],
  ["regretfully, we were not able to process the uri", 479],
  ["bad request", 400],
  ["transaction tuple incomplete", 400],
  ["bad to", 400],
  ["invalid character in q parameter", 400],
  ["empty q parameter", 400],
  ["q parameter too big", 400],
  ["decimal part missing in q", 400],
  ["transaction canceled", 487],
  ["error in external logic", 500],
  ["forking capacity exceeded", 500],
  ["excuse me i ran out of memory", 500],
  ["message processing error", 500],
  ["internal processing error", 500],
  ["no error", 500],
  ["i'm terribly sorry, server error occurred", 500],
  ["i'm terribly sorry, server error occured", 500],
]);

/** The internal errors whose number is the SIP code itself, for a phrase worded differently. */
const NUMBER_IS_CODE = new Set([400, 477, 478, 479, 487]);

/** The detector Kamailio/OpenSIPS script replies share: finding.ts marks them made up locally. */
const SCRIPT_REPLY = "script-reply";

export function detectSlErrorReply(segment: string, emit: Emit): void {
  if (!segment.includes(SL_ERROR_ANCHOR) || !segment.includes("stateless error reply used: ")) return;
  all(SL_ERROR, segment, (m) => {
    const phrase = (m[1] as string).trim();
    const number = Number(m[2]);
    const code = PHRASE_CODES.get(phrase.toLowerCase()) ?? (NUMBER_IS_CODE.has(number) ? number : undefined);
    if (code === undefined) return;
    const h = hit("sip", code, null, 0.9, SCRIPT_REPLY, true, { reason: phrase });
    put(emit, h, m);
  });
}
