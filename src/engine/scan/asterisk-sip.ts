// SIP responses Asterisk logs in its own words, with no status line: chan_sip's outbound
// registration results (handle_response_register, sip_reg_timeout) and the 404 a PBX answers an
// inbound call with when its dialplan has no extension for the called number. The requests a PBX
// refuses itself (logins, ACLs, codecs) are read by pbx-refusals.ts through this detector.
import { detectGatewayRefusal, GATEWAY_REFUSAL_ANCHORS } from "./gateway-refusals.js";
import { all, type Emit, type Extra, hit, put } from "./hit.js";
import { detectRefusals, PBX_REPLY, REFUSAL_ANCHORS } from "./pbx-refusals.js";
import { detectSlErrorReply, SL_ERROR_ANCHOR } from "./sl-error-replies.js";

/**
 * chan_sip's handle_response_register: a 403 ("Forbidden - wrong password on authentication for
 * REGISTER for 'user' to 'host'"), a 404 ("Got 404 Not found on SIP register to service
 * user@host, giving up"), a 423 ("Got 423 Interval too brief for service …") and a 479 ("Got
 * error 479 on register to …"): each a final response to the REGISTER, from the registrar.
 */
const CHAN_SIP_REG =
  /\b(?:Forbidden - wrong password on authentication for REGISTER\b|Got (404) Not found on SIP register\b|Got (423) Interval too brief for service\b|Got error (479) on register\b)/g;
/**
 * chan_sip's handle_response_register: "Failed to authenticate on REGISTER to 'user@host' (Tries 3)"
 * once the registrar has answered 401 to every REGISTER with credentials: a refused login, not a
 * challenge.
 */
const CHAN_SIP_AUTH_FAILED = /\bFailed to authenticate on REGISTER to '[^'\n]{1,300}'/g;
/**
 * chan_sip's sip_reg_timeout: "Registration for 'user@host' timed out, trying again (Attempt #2)",
 * and "Giving up forever trying to register 'user@host'" once the attempts run out. The REGISTER
 * got no final response in time: the 408 chan_sip makes up itself (Timer F).
 */
const CHAN_SIP_REG_TIMEOUT =
  /\bRegistration for '[^'\n]{1,300}' timed out\b|\bGiving up forever trying to register '/g;
/**
 * res_pjsip_session.c and chan_sip.c: "Call from 'trunk' (UDP:198.51.100.20:5060) to extension
 * '18005559876' rejected because extension not found in context 'from-pstn'." Asterisk answers
 * the INVITE with 404 Not Found itself: the inbound context has no match for the number as the
 * caller sent it.
 */
const EXTEN_NOT_FOUND =
  /\bto extension '[^'\n]{0,120}' rejected because (extension not found in context '[^'\n]{0,80}')/g;

const REGISTER: Extra = { method: "REGISTER" };
/**
 * The dialplan is the PBX's routing script, and its reply is made up by the system that wrote the
 * log, like a Kamailio script's sl_send_reply: finding.ts marks this detector's responses local,
 * as it does the refusals of pbx-refusals.ts, which share it.
 */
export const DIALPLAN = PBX_REPLY;

/**
 * The literals these lines are found by (anchors.ts, opening PJSIP's gate): each match holds one.
 * PBX lines of other systems read through this detector share them: FreeSWITCH's refused logins
 * (pbx-refusals.ts), its refused legs to its own gateways (gateway-refusals.ts), and Kamailio's
 * stateless error replies, which carry a phrase and no code (sl-error-replies.ts).
 */
export const ASTERISK_SIP_ANCHORS = [
  "Forbidden - wrong password",
  "SIP register",
  "Interval too brief for service",
  "Got error 479",
  "Registration for '",
  "Giving up forever",
  "Call from '",
  "Failed to authenticate on REGISTER",
  ...REFUSAL_ANCHORS,
  ...GATEWAY_REFUSAL_ANCHORS,
  SL_ERROR_ANCHOR,
];

export function detectAsteriskSip(segment: string, emit: Emit): void {
  if (segment.includes("Got ") || segment.includes("Forbidden"))
    all(CHAN_SIP_REG, segment, (m) => {
      const code = Number(m[1] ?? m[2] ?? m[3] ?? 403);
      put(emit, hit("sip", code, null, 0.9, "asterisk-registration", true, REGISTER), m);
    });
  if (segment.includes("Failed to authenticate on"))
    all(CHAN_SIP_AUTH_FAILED, segment, (m) =>
      put(emit, hit("sip", 401, null, 0.9, "asterisk-registration", true, REGISTER), m),
    );
  if (segment.includes("Registration for") || segment.includes("Giving up forever"))
    all(CHAN_SIP_REG_TIMEOUT, segment, (m) =>
      put(emit, hit("sip", 408, null, 0.85, "asterisk-registration", true, REGISTER), m),
    );
  if (segment.includes("rejected because"))
    all(EXTEN_NOT_FOUND, segment, (m) =>
      put(emit, hit("sip", 404, null, 0.9, DIALPLAN, true, { method: "INVITE", reason: m[1] }), m),
    );
  detectRefusals(segment, emit);
  detectGatewayRefusal(segment, emit);
  detectSlErrorReply(segment, emit);
}
