// Requests a PBX refused itself and logged in its own words, with no status line: a REGISTER or
// INVITE whose login or source address it turned down (Asterisk's chan_sip and PJSIP distributor,
// FreeSWITCH's sofia_reg.c), and an offer it answered 488 because no codec was in common. These are
// the only trace of the response when SIP logging is off, and the lines of a registration attack.
import { CHAN_UNAVAIL_ANCHORS, detectChanUnavail } from "./chan-unavail.js";
import { all, type Emit, type Hit, hit, put } from "./hit.js";
import { responseFollows, statusLineFollows } from "./line-context.js";

/**
 * chan_sip handle_request_register: "Registration from '<sip:1002@pbx>' failed for
 * '10.10.20.32:5060' - Wrong password". A wrong password (and an auth name that is not the peer's)
 * gets 403 Forbidden. The other reasons get the fake 401 challenge of alwaysauthreject=yes, the
 * default, so that a scanner cannot tell a missing peer from a wrong password (404 or 403 with
 * alwaysauthreject=no).
 */
const CHAN_SIP_REFUSED =
  /\bRegistration from '[^\n]{0,300}?' failed for '([^'\s]{1,80})' - (Wrong password|Username\/auth name mismatch|No matching peer found|Not a local domain|Peer is not supposed to register|Device does not match ACL)/g;
const CHAN_SIP_FORBIDDEN = /^(?:Wrong password|Username)/;
/**
 * pjsip_distributor.c log_failed_request: "Request 'REGISTER' from '<sip:1001@pbx>' failed for
 * '203.0.113.9:5060' (callid: …) - Failed to authenticate". A request no endpoint matched is
 * challenged for the artificial endpoint, and a failed login is challenged again: both 401. An
 * endpoint's ACL refuses with 403. An ACK gets no response at all.
 */
const PJSIP_REFUSED =
  /\bRequest '([A-Z]+)' from '[^\n]{0,300}?' failed for '([^'\s]{1,80})'(?: \(callid: [^)\n]{0,200}\))? - ((?:Failed to authenticate|No matching endpoint found|[^\r\n]{0,60}\bACL\b)[^\r\n]{0,40})/g;
/**
 * sofia_reg.c: "SIP auth failure (REGISTER) on sofia profile 'internal' for [1001@pbx] from ip
 * 203.0.113.9". FreeSWITCH answers a login it refuses with 403 Forbidden. Its "SIP auth challenge"
 * line is the normal 401 before the credentials come, and no failure.
 */
const FS_AUTH_FAILURE = /\bSIP auth failure \(([A-Z]+)\)[^\n]{0,300}? from ip \[?([0-9A-Fa-f.:]{3,45})\]?/g;
/**
 * res_pjsip_sdp_rtp.c: "No joint capabilities for 'audio' media stream between our
 * configuration(ulaw|alaw) and incoming SDP(g729|telephone-event)" (older versions name no stream,
 * or say "incoming call"), and chan_sip's "No compatible codecs, not accepting this offer!" or "No
 * compatible codecs received in INVITE": Asterisk answered the offer with 488 Not Acceptable Here.
 */
const NO_JOINT =
  /\bNo joint capabilities\b(?:[^(\n]{0,80}?\bconfiguration\(([^)\n]{0,200})\)[^(\n]{0,40}?\(([^)\n]{0,200})\))?/g;
const NO_COMPATIBLE = /\bNo compatible codecs(?:, not accepting this offer| received in (INVITE))/g;
/**
 * FreeSWITCH (sofia.c, sofia_glue.c): "CODEC NEGOTIATION ERROR.  SDP: …", an offer it accepted
 * nothing in. It answers 488 and ends the channel with INCOMPATIBLE_DESTINATION (Q.850 88), the
 * cause its CS_NEW hang-up below restates (codec-refusals.ts).
 */
const CODEC_NEGOTIATION = /\bCODEC NEGOTIATION ERROR\b/g;
export const CODEC_REFUSAL_REASON = "no codec in common (CODEC NEGOTIATION ERROR)";
const INCOMPATIBLE_DESTINATION = 88;

/**
 * The detector of responses the PBX made up itself, these and its dialplan's 404 (asterisk-sip.ts):
 * finding.ts marks them local.
 */
export const PBX_REPLY = "pbx-own-reply";
const own = PBX_REPLY;

/** The literals these lines are found by (anchors.ts, through asterisk-sip.ts): each match holds one. */
export const REFUSAL_ANCHORS = [
  "Registration from '",
  "Request '",
  "SIP auth failure",
  "No joint capabilities",
  "No compatible codecs",
  "CODEC NEGOTIATION ERROR",
  ...CHAN_UNAVAIL_ANCHORS,
];

export function detectRefusals(segment: string, emit: Emit): void {
  if (segment.includes("' failed for '")) {
    if (segment.includes("Registration from"))
      all(CHAN_SIP_REFUSED, segment, (m) => {
        const code = CHAN_SIP_FORBIDDEN.test(m[2] as string) ? 403 : 401;
        put(emit, hit("sip", code, null, 0.9, own, true, { method: "REGISTER", reason: m[2] }), m);
      });
    if (segment.includes("Request '"))
      all(PJSIP_REFUSED, segment, (m) => {
        if (m[1] === "ACK") return;
        const reason = (m[3] as string).trim();
        const code = reason.includes("ACL") ? 403 : 401;
        put(emit, hit("sip", code, null, 0.9, own, true, { method: m[1], reason }), m);
      });
  }
  if (segment.includes("SIP auth failure"))
    all(FS_AUTH_FAILURE, segment, (m) =>
      put(emit, hit("sip", 403, null, 0.9, own, true, { method: m[1], reason: "SIP auth failure" }), m),
    );
  if (segment.includes("No joint capabilities"))
    all(NO_JOINT, segment, (m) => {
      const reason =
        m[1] !== undefined && m[2] !== undefined
          ? `no codec in common: ours ${m[1] || "(none)"}, offered ${m[2] || "(none)"}`
          : "no codec in common";
      put(emit, hit("sip", 488, null, 0.85, own, true, { reason }), m);
    });
  if (segment.includes("No compatible codecs"))
    all(NO_COMPATIBLE, segment, (m) =>
      put(emit, hit("sip", 488, null, 0.85, own, true, { method: m[1], reason: "no codec in common" }), m),
    );
  if (segment.includes("CODEC NEGOTIATION"))
    all(CODEC_NEGOTIATION, segment, (m) =>
      put(
        emit,
        hit("q850", INCOMPATIBLE_DESTINATION, null, 0.85, own, true, { reason: CODEC_REFUSAL_REASON }),
        m,
      ),
    );
  detectChanUnavail(segment, emit);
}

/**
 * The peer a refusal line names: the address that sent the refused request and got the 401/403
 * ("failed for '203.0.113.9:5060'", "from ip 203.0.113.9"). For hosts.ts's namedHost.
 */
export function refusedPeer(line: string): { host: string; role: "receiver" } | undefined {
  if (line.includes("' failed for '")) {
    const m = /' failed for '([^'\s]{1,80})'/.exec(line);
    if (m?.[1] && (line.includes("Registration from") || line.includes("Request '")))
      return { host: m[1], role: "receiver" };
  }
  if (line.includes("SIP auth failure")) {
    const m = /\bSIP auth failure \([A-Z]+\)[^\n]{0,300}? from ip \[?([0-9A-Fa-f.:]{3,45})\]?/.exec(line);
    if (m?.[1]) return { host: m[1], role: "receiver" };
  }
  return undefined;
}

/**
 * The reasons Asterisk's refusal lines give (chan_sip's and the PJSIP distributor's), as a finding
 * carries them: the response the pjsip logger shows right after such a line carries its reason.
 */
const REFUSAL_REASON =
  /^(?:Wrong password|Username\/auth name mismatch|No matching peer found|Not a local domain|Peer is not supposed to register|Device does not match ACL|Failed to authenticate|No matching endpoint found|[^\r\n]{0,60}\bACL\b)/;

/**
 * Whether `f` is a request this PBX refused itself: its own refusal line, or the 401/403 its SIP
 * logger showed going out right after that line (the same response), which gets the refusal's checks
 * (identify, ACL, credentials, bans, scans) rather than a normal digest challenge's.
 */
export function refusedHere(f: { detector: string; reason?: string }): boolean {
  return f.detector === PBX_REPLY || (f.reason !== undefined && REFUSAL_REASON.test(f.reason));
}

/** A refusal line whose response the SIP logger shows next: the response stands for both. */
export interface PendingRefusal {
  code: number;
  reason: string | undefined;
  line: number;
}

/**
 * Whether the response a refusal line announces follows it: its status line, maybe under the pjsip
 * logger's transport line, bare or, as Asterisk's full log writes it, after the log's own prefix
 * ("[Mar  5 10:15:01] VERBOSE[2201] res_pjsip_logger.c: <--- Transmitting SIP response …").
 */
export function refusalAnswered(buf: string, le: number, code: number): boolean {
  if (responseFollows(buf, le, code)) return true;
  const next = buf.indexOf("\n", le + 1);
  if (next < 0 || next - le > 400) return false;
  const between = buf.slice(le + 1, next);
  return between.includes("<--- Transmitting SIP response") && statusLineFollows(buf, next, code);
}

/** Lines from the refusal to its response's status line: a "<--- Transmitting …" line between. */
const RESPONSE_WITHIN = 3;

/**
 * `h`, a status line's hit, as the response a refusal line just before it announced (same code, a
 * line or two below): a copy carrying the refusal's reason, so the one finding of that response
 * says why. Hits are shared between repeated lines, so `h` itself is never changed.
 */
export function withRefusal(h: Hit, line: number, p: PendingRefusal | undefined): Hit {
  if (!p || p.reason === undefined || h.detector !== "sip-status" || h.code !== p.code) return h;
  if (line <= p.line || line - p.line > RESPONSE_WITHIN) return h;
  return { ...h, reason: p.reason };
}
