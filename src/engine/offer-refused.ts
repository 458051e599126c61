// FreeSWITCH logs "CODEC NEGOTIATION ERROR.  SDP: …" when it found nothing it accepts in an SDP,
// and ends the channel with INCOMPATIBLE_DESTINATION (Q.850 88). On a call it received, that SDP is
// the caller's offer: it answers 488 and hangs up before routing ("Hangup
// sofia/external/+1415…@198.51.100.20 [CS_NEW] [INCOMPATIBLE_DESTINATION]"), so its inbound codec
// settings are what to compare. On a leg it placed (a gateway's, "sofia/gateway/carrier_a/…", ended
// while ringing), the SDP is the far end's answer: it hangs that leg up (CANCEL or BYE), so its
// outbound codec settings and the answer are. Either way it is this FreeSWITCH's codec choice
// against the other side's, not "the called equipment" the catalog names for cause 88.
import { gatewayLine } from "./gateway-lines.js";
import { CODEC_REFUSAL_REASON } from "./scan/pbx-refusals.js";
import type { Finding } from "./scan/scanner.js";

const INCOMPATIBLE_DESTINATION = 88;
/** The channel the hangup names: its sofia profile and the host after "@", hung up in CS_NEW. */
const NEW_CHANNEL = /\bsofia\/([\w.-]+)\/[^\s@\]]*@([^\s:\]]+)[^\s\]]*\s+\[CS_NEW\]/;
/** A leg placed through a profile (to a registered phone): its profile and the host after "@". */
const PLACED_LEG = /\bsofia\/([\w.-]+)\/[^\s@\]]*@([^\s:;\]]+)/;
/** What sets the codecs a leg FreeSWITCH places offers. */
const OUTBOUND_SETTINGS = "the profile's outbound-codec-prefs and any absolute_codec_string on the bridge";

/** The refused offer or answer, in words, or null for any other failure. */
export function refusedOfferComponent(first: Finding): string | null {
  if (first.namespace !== "q850" || first.code !== INCOMPATIBLE_DESTINATION) return null;
  const codec = first.reason === CODEC_REFUSAL_REASON;
  const received = first.text.includes("[CS_NEW]") ? NEW_CHANNEL.exec(first.text) : null;
  if (received?.[1] && received[2] && received[1] !== "gateway") {
    const [, profile, from] = received;
    return `This FreeSWITCH's codec settings: it accepted nothing in the SDP offer of the call received on sofia profile ${profile} from ${from} (usually no codec in common; it answers 488 and hangs up in CS_NEW, before routing), so compare the profile's inbound-codec-prefs and any absolute_codec_string with the codecs the caller offered`;
  }
  // A cause 88 on a gateway leg with no codec line above it: the far end refused it, as the
  // catalog says.
  if (!codec) return null;
  const leg = gatewayLine(first.text);
  if (leg?.kind === "leg")
    return `FreeSWITCH gateway ${leg.gw}: the carrier's SDP answer on the leg placed through it held no codec this FreeSWITCH offered (CODEC NEGOTIATION ERROR; FreeSWITCH hung the leg up with INCOMPATIBLE_DESTINATION, usually by CANCEL or BYE), so compare the carrier's answer (its m=audio and a=rtpmap lines) with what the leg offered: the gateway's codec settings, ${OUTBOUND_SETTINGS}`;
  const placed = first.text.includes("Hangup ") ? PLACED_LEG.exec(first.text) : null;
  if (placed?.[1] && placed[2])
    return `This FreeSWITCH's codec settings against ${placed[2]}: the SDP answer on the leg placed on sofia profile ${placed[1]} held no codec it offered (CODEC NEGOTIATION ERROR; FreeSWITCH hung the leg up with INCOMPATIBLE_DESTINATION), so compare that answer with ${OUTBOUND_SETTINGS}`;
  // The codec line with no hang-up after it, whose session's New Channel line said which call it was.
  const gw = first.channel?.startsWith("gateway/") ? first.channel.slice(8) : undefined;
  if (gw)
    return `FreeSWITCH gateway ${gw}: the carrier's SDP answer on the leg placed through it held no codec this FreeSWITCH offered (CODEC NEGOTIATION ERROR), so compare the carrier's answer (its m=audio and a=rtpmap lines) with what the leg offered: the gateway's codec settings, ${OUTBOUND_SETTINGS}`;
  const [profile, from] = first.channel?.split("@") ?? [];
  if (profile && from)
    return `This FreeSWITCH's codec settings: it accepted nothing in the SDP offer of the call received on sofia profile ${profile} from ${from} (usually no codec in common; it answers 488), so compare the profile's inbound-codec-prefs and any absolute_codec_string with the codecs the caller offered`;
  // The codec line with no hang-up after it to name the channel: an offer or an answer.
  return "This FreeSWITCH's codec settings: it accepted nothing in an SDP offer or answer (CODEC NEGOTIATION ERROR, usually no codec in common), so compare that SDP's codecs with the profile's inbound-codec-prefs for a call it received (it answers 488), or with outbound-codec-prefs and any absolute_codec_string on the bridge for the answer to a leg it placed (it hangs that leg up)";
}
