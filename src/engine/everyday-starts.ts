// More everyday phrases with a standard place to start (see everyday.ts): a wrong password, noise
// on the line, ICE or SDP trouble, an SBC refusing calls, a carrier that never answers, a transfer
// that fails. Their words are in some vendor's card or in passing in an unrelated code's name
// ("line busy", "authentication failed"), which would otherwise answer first.

export interface Start {
  /** Which phrases this is: tested on the normalised words (lower case, no punctuation). */
  test: (text: string) => boolean;
  ids: readonly string[];
  note: string;
}

/** "wrong password", "bad credentials", "password rejected". */
const PASSWORD_RE =
  /\b(?:wrong|bad|incorrect|invalid|rejected|expired|changed)\s+(?:sip\s+)?(?:password|passwd|pwd|credentials?|secret|username)\b|\b(?:password|passwd|credentials?)\s+(?:is\s+|was\s+)?(?:wrong|rejected|incorrect|invalid|not accepted|not working)\b/;
/** "static on the line", "crackling", "buzzing": noise heard on the call, not a network error. */
const NOISE_RE =
  /\b(?:static|crackl\w*|hiss\w*|buzz\w*|humm?ing|white noise)\b(?!\s+(?:ip|ips|route|routes|address|nat|port|ports|ip address))/;
/** "ice failed", "ice candidates", "ice not working": WebRTC's connectivity checks. */
const ICE_RE = /\b(?:ice|stun|turn server)\b/;
/** "sdp", "sdp error", "bad sdp", "sdp negotiation failed": the offer or answer itself. */
const SDP_RE =
  /^(?:(?:the|an?|my|bad|invalid|wrong|broken|malformed)\s+)?sdp(?:\s+(?:problems?|issues?|errors?|fail\w*|mismatch\w*|invalid|rejected|refused|negotiation(?:\s+fail\w*)?|not working|parse error|parsing))?$/;
/** "sbc rejecting calls", "session border controller blocks calls". */
const SBC_RE = /\b(?:sbc|sbcs|session border controllers?)\b/;
const REFUSING_RE = /\b(?:reject\w*|refus\w*|block\w*|deny\w*|denie\w*|drop\w*|fail\w*|not working)\b/;
/** "no response from carrier", "provider not answering": the carrier stays silent. */
const NO_RESPONSE_RE =
  /\bno (?:response|responses|answer|reply|replies)\s+(?:at all\s+)?from\s+(?:the\s+|our\s+|my\s+)?(?:carrier|provider|itsp|upstream|trunk|gateway|sbc|proxy|peer)s?\b|\b(?:carrier|provider|itsp|upstream)s?\s+(?:is\s+|are\s+)?(?:not|never)\s+(?:responding|answering|replying)\b/;
/** "call transfer fails", "blind transfer not working", "refer rejected". */
const TRANSFER_RE = /\b(?:transfer\w*|refer|refers|xfer\w*)\b/;
/** Audio after a transfer is the media symptom's, which its own aliases answer. */
const AUDIO_RE = /\b(?:audio|sound|hear\w*|voice|rtp|media|silence|silent)\b/;

export const MORE_STARTS: readonly Start[] = [
  {
    test: (t) => PASSWORD_RE.test(t),
    ids: ["sip/401", "sip/407", "sip/403"],
    note:
      "A wrong password shows as the challenge repeated: the registrar or proxy answers 401 (407 from a " +
      "proxy) again after the credentials were sent, where one challenge before them is normal. Some " +
      "servers answer 403 instead, or after several tries (and may then ban the address for a while). " +
      "Check the auth user name (often not the extension), the password and the realm in the challenge.",
  },
  {
    test: (t) => NOISE_RE.test(t),
    ids: ["symptom/choppy-audio", "symptom/echo"],
    note:
      "No SIP or Q.850 code reports noise on a call. Static, crackling or buzzing comes most often from " +
      "the analog side (an ATA or FXS/FXO port, its grounding and cabling, a headset), or from packet loss " +
      "and jitter heard as distortion. Find which leg has it: a call between two IP phones that stays clean " +
      "points at the analog line or device; RTCP or the phone's call statistics show loss and jitter.",
  },
  {
    test: (t) => ICE_RE.test(t) && t.includes(" ") && !/\bservice\b/.test(t),
    ids: ["symptom/one-way-audio", "symptom/no-audio-both-ways", "symptom/audio-drops-after-answer"],
    note:
      "ICE fails after the SIP exchange has succeeded, so the call is answered and no SIP code reports " +
      "it: the media finds no path, heard as no audio or one-way audio, or stops when consent checks fail " +
      "mid-call. Check that both sides offer reachable candidates (a STUN server for the public address, a " +
      "TURN relay when UDP is blocked), and the browser's or client's ICE log (chrome://webrtc-internals).",
  },
  {
    test: (t) => SDP_RE.test(t),
    ids: ["sip/488", "sip/415", "sip/606", "symptom/codec-mismatch"],
    note:
      "An SDP offer the other side cannot accept is refused with 488 Not Acceptable Here (606 when no " +
      "device anywhere would take it), most often for no common codec or a media type or transport (SRTP, " +
      "T.38) it does not take; 415 means the body type itself (not application/sdp) is refused. Compare the " +
      "m= lines and codecs of the offer with what the other side allows.",
  },
  {
    test: (t) => SBC_RE.test(t) && REFUSING_RE.test(t),
    ids: ["sip/403", "sip/488", "sip/503"],
    note:
      "An SBC refuses calls with a response of its own: 403 when a policy refuses the caller, its address or " +
      "the number (an access list, a trunk not allowed), 488 when the SDP breaks its media policy (codec, " +
      "SRTP), 503 when it has no route or capacity (a session limit, the next hop down). The SBC's own log " +
      "or a trace on both its sides says which rule refused it.",
  },
  {
    test: (t) => NO_RESPONSE_RE.test(t),
    ids: ["sip/408", "timer/b", "q850/102", "q850/18"],
    note:
      "When the carrier never answers an INVITE, the sender's Timer B (32 s by default) ends the " +
      "transaction with a 408 it makes itself; a PBX reports it as Q.850 cause 102 (recovery on timer " +
      "expiry) or 18 (no user responding). Check the route, DNS, the firewall and the port to the carrier, " +
      "and whether its IP allow list has your address: no response at all is most often a dropped packet.",
  },
  {
    test: (t) => TRANSFER_RE.test(t) && !AUDIO_RE.test(t),
    ids: ["sip/202", "sip/403", "sip/405", "sip/481", "sip/603", "symptom/ivr-audio-but-no-agent-audio"],
    note:
      "A transfer is a REFER: 202 Accepted only says the REFER was taken, and the NOTIFYs that follow carry " +
      "the new call's result (their sipfrag body, such as SIP/2.0 486). A REFER refused outright is 403 (not " +
      "allowed) or 405 or 501 (not supported: the PBX must transfer itself); an attended transfer's Replaces " +
      "that matches no call gets 481; 603 is the transfer target declining. Audio lost after the transfer " +
      "is a media problem instead.",
  },
];
