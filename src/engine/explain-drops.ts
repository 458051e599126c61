// "The call drops after N": the time a call lasts before it ends says which timer ended it. About
// 32 s is Timer H/64*T1 (the ACK never arrived); a fixed time of minutes is the session timer, and
// for Webex Calling about 15 minutes is first the Mobius call keepalive. A few seconds is no timer
// at all but a BYE sent right after answer.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { saidTime } from "./explain-drop-said.js";
import { spokenSeconds } from "./explain-spoken-time.js";

export { spokenSeconds } from "./explain-spoken-time.js";

/** A call ending: "call drops", "calls drop every", "call disconnects after", "call is cut at". */
const CALL_ENDS_RE =
  /\bcalls?\b.*\b(?:drops?|dropped|dropping|disconnects?|disconnected|disconnecting|ends?|ended|cut|cuts|terminates?|terminated|hangs?\s+up|hung\s+up)\b/;
/** Words that say the media, not the call, stops: those are the media symptoms' to answer. */
const MEDIA_RE = /\b(?:audio|media|rtp|voice|sound|silent|silence)\b/;
/** Words that say the codec is in question: only then is a codec mismatch a drop's first card. */
const CODEC_RE = /\bcodecs?\b/;

/** RFC 4028's smallest session interval (Min-SE): no session timer fires sooner. */
const MIN_SE = 90;

/**
 * The symptom a call ending after a stated time points at, with the reason, or null when the
 * words are not about a call ending at a time, or the time fits neither.
 */
export function dropAfter(
  c: Catalog,
  text: string,
  webex = false,
): { entries: Entry[]; note: string | null } | null {
  const ends = CALL_ENDS_RE.exec(text);
  // "call audio cuts out after 20 s": the media stops, not the call. A media word after the call
  // ends ("call drops after 60 seconds, no audio") only adds weight to the time's answer.
  if (!ends || MEDIA_RE.test(ends[0])) return null;
  const noMedia = MEDIA_RE.test(text.slice(ends.index + ends[0].length));
  const seconds = spokenSeconds(text);
  if (seconds === null) return null;
  // The time is said back as typed, with its seconds: "2.5 minutes (150 s)".
  const said = saidTime(text, seconds);
  if (webex && Math.abs(seconds - MOBIUS_CALL_KEEPALIVE) <= 60) return webexKeepalive(c);
  if (seconds >= 28 && seconds <= 40) {
    const entry = c.byId.get("symptom/call-drops-after-32-seconds");
    const note =
      `A call that ends ${said} after answer fits the missing ACK: a UAS whose 200 OK is never ` +
      "acknowledged stops resending it and ends the call at 64*T1 = 32 s (RFC 3261 §13.3.1.4).";
    return entry ? { entries: [entry], note } : null;
  }
  if (seconds <= EARLY_DROP) return earlyDrop(c, said, CODEC_RE.test(text) || noMedia);
  if (seconds < MEDIA_TIMEOUT_LOW) return unclearDrop(c, seconds, said);
  if (seconds < MIN_SE) return mediaTimeout(c, said);
  const entry = c.byId.get("symptom/call-drops-at-session-refresh");
  // Plain seconds get their minutes too ("180 s (3 min)"); a typed form already has its own unit.
  const minutes = said === `${seconds} s` && seconds % 60 === 0 ? ` (${seconds / 60} min)` : "";
  const note =
    `A call that ends after the same ${said}${minutes} each time is most often the session timer ` +
    "(RFC 4028): its refresh failed or never came, so one side ended the call as the session expired. " +
    "1800 s (30 min) is the recommended Session-Expires.";
  return entry ? { entries: [entry], note } : null;
}

/**
 * The longest drop, in seconds after answer, read as a BYE sent straight after the 200 OK: no
 * RTP inactivity timer is set that short (they run tens of seconds), so no timer explains it.
 */
const EARLY_DROP = 5;

/** What a BYE that ends a call on purpose carries in its Reason header: Q.850 16, normal call clearing. */
const BYE_ENTRY = "q850/16";

/**
 * A call that ends within a few seconds of answer: no timer fires that soon, so one side sent a
 * BYE right away. RFC 3261 §13.2.2.4 has a caller that cannot use the SDP answer send the ACK and
 * then a BYE; an answering side that sees no ACK (or a mis-routed one) may give up early too.
 */
function earlyDrop(c: Catalog, said: string, codec: boolean): { entries: Entry[]; note: string } | null {
  // The BYE leads, as in the note: Q.850 16 is the cause such a BYE most often carries. A codec
  // mismatch is only one reason for it, shown first when the words name the codec.
  const ids = codec
    ? ["symptom/codec-mismatch", BYE_ENTRY, "symptom/call-drops-after-32-seconds"]
    : [BYE_ENTRY, "symptom/call-drops-after-32-seconds"];
  const entries = ids.map((id) => c.byId.get(id)).filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return null;
  const note =
    `A call that ends ${said} after answer was ended by a BYE, not a timer: no RTP timeout ` +
    "(tens of seconds), missing-ACK drop (64*T1 = 32 s) or session timer (90 s or more) fires that " +
    "soon. The usual causes: the caller could not use the SDP answer in the 200 OK (no common " +
    "codec, an unusable media address) and sent ACK then BYE; a re-INVITE or UPDATE right after " +
    "answer was refused; the ACK or the 200 OK did not reach the other side (a private IP in " +
    "Contact or Record-Route, a SIP ALG), so it gave up early; or the application or dial plan " +
    "hung up. Capture the BYE (who sent it and its Reason header, RFC 3326, with the SIP or Q.850 " +
    "cause; Q.850 16, normal call clearing, says only that a side hung up on purpose), the 200 OK's " +
    "SDP answer against the offer, and whether the ACK arrived.";
  return { entries, note };
}

/**
 * Below this many seconds after answer (and past EARLY_DROP) no usual timer explains a drop:
 * RTP/media timeouts are set at 20-60 s, the missing ACK ends a call at 32 s.
 */
const MEDIA_TIMEOUT_LOW = 28;

/**
 * A call that ends 6-27 s after answer: too late for the usual BYE right after answer, too early
 * for the missing ACK (32 s) and short of most media timeouts, so the answer names each candidate,
 * the likelier first, with the one thing that tells it apart. From 20 s a media timeout at the low
 * end of its usual range leads; below that a BYE someone sent does.
 */
function unclearDrop(c: Catalog, seconds: number, said: string): { entries: Entry[]; note: string } | null {
  // The cards follow the note's order of likelihood: the BYE (its usual cause, Q.850 16) or the
  // short media timeout first, then the missing ACK.
  const mediaId = "symptom/audio-drops-after-answer";
  const ids = seconds >= 20 ? [mediaId, BYE_ENTRY] : [BYE_ENTRY, mediaId];
  const entries = [...ids, "symptom/call-drops-after-32-seconds"]
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return null;
  const bye =
    "a BYE one side sent (the application or dial plan hanging up, an SBC policy, a refused " +
    "re-INVITE or UPDATE): find the BYE, who sent it and its Reason header";
  const media =
    "a media (no-RTP) timeout set short: they are usually 20-60 s (Asterisk rtptimeout, FreeSWITCH " +
    "media_timeout, an SBC's no-media timer), so check that setting on each PBX and SBC and whether " +
    "RTP reached it";
  const ack =
    "the missing ACK, which ends a call at 64*T1 = 32 s (sooner only if T1 or the 200 OK retransmit " +
    "limit was lowered): check whether the ACK for the 200 OK arrived, or the 200 OK was resent";
  const order = seconds >= 20 ? [media, bye, ack] : [bye, media, ack];
  const note =
    `A call that ends ${said} after answer fits no usual timer clearly: it does not fit the ` +
    "missing ACK, which ends it at 64*T1 = 32 s, nor a session timer, which never fires before 90 s " +
    "(Min-SE), and it comes later than a BYE sent right after answer and sooner than most media " +
    `timeouts. In order of likelihood: 1) ${order[0]}; 2) ${order[1]}; 3) ${order[2]}.`;
  return { entries, note };
}

/**
 * A call that ends after a time below any session timer and far from 64*T1 (60 s): the ACK
 * case is fixed at 32 s by RFC 3261, so the usual cause is a media (no-RTP) timeout, which PBXs
 * and SBCs commonly set to 30-60 s (Asterisk rtptimeout, FreeSWITCH media_timeout).
 */
function mediaTimeout(c: Catalog, said: string): { entries: Entry[]; note: string } | null {
  const entry = c.byId.get("symptom/audio-drops-after-answer");
  if (!entry) return null;
  const note =
    `A call that ends ${said} after answer does not fit the missing ACK, which ends it at ` +
    "64*T1 = 32 s, nor a session timer, which never fires before 90 s (Min-SE). It is most often a " +
    "media timeout: a PBX or SBC that receives no RTP for its timeout (Asterisk rtptimeout, " +
    "FreeSWITCH media_timeout, an SBC's no-media timer, often 60 s) ends the call, usually because " +
    "NAT or a firewall keeps the RTP from reaching it (one-way audio).";
  return { entries: [entry], note };
}

/** How long one Mobius call keepalive keeps a Webex Calling call valid (timer/mobius-call-keepalive). */
const MOBIUS_CALL_KEEPALIVE = 900;

/**
 * A Webex Calling call that ends after about 15 minutes: Mobius lets a call whose keepalives
 * stopped lapse after 15 minutes, so that comes first, and the SIP session timer after it.
 */
function webexKeepalive(c: Catalog): { entries: Entry[]; note: string } | null {
  const entries = ["timer/mobius-call-keepalive", "symptom/call-drops-at-session-refresh"]
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return null;
  const note =
    "A Webex Calling call that ends after about 15 minutes most often stopped sending its call " +
    "keepalives to Mobius: each one keeps the call valid for 15 minutes, so a client that stopped " +
    "sending them (a suspended browser tab, a lost connection) loses the call then. If the " +
    "keepalives kept coming, check the session timer (RFC 4028) on the SIP side next.";
  return { entries, note };
}

/**
 * "call dropped", "dropped calls": with no time, vendor or media word, the standard meanings the
 * words find (the session-refresh and missing-ACK drops) are joined by the media timeout, whose
 * symptom is named for the audio but which ends many calls too: a PBX or SBC that stops receiving
 * RTP hangs up. Unchanged for other words.
 */
export function withMediaTimeout(c: Catalog, text: string, standard: readonly Entry[]): Entry[] {
  if (!CALL_ENDS_RE.test(text) || MEDIA_RE.test(text) || spokenSeconds(text) !== null) return [...standard];
  const media = c.byId.get("symptom/audio-drops-after-answer");
  const drops = standard.some((e) => e.class === "Call drops");
  return media && drops && !standard.includes(media) ? [...standard, media] : [...standard];
}

/** Words of call setup: a call that never connected failed, it did not drop. */
const SETUP_RE = /\b(?:setup|set\s+up|setting\s+up|connecting|before\s+answer|establish\w*)\b/;

/**
 * "azure call drops network", "teams call drops": a connected ACS call that drops is most often
 * the client's network. The Calling SDK ends the call with 410/3101, or ACS removes the
 * participant whose media connection it lost with 410/301005. A stated time is the timers' to
 * answer; setup words, the setup failures'.
 */
export function acsDrop(c: Catalog, text: string): { entries: Entry[]; note: string } | null {
  if (!CALL_ENDS_RE.test(text) || SETUP_RE.test(text) || spokenSeconds(text) !== null) return null;
  const entries = ["acs/410-3101", "acs/410-301005"]
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return null;
  const note =
    "An ACS call that drops after it connected is most often the client's network: the Calling SDK " +
    "ends it with 410/3101, or ACS removes the participant whose media connection was lost with " +
    "410/301005. The call's own end code says which.";
  return { entries, note };
}
