// FreeSWITCH hangs up a call it received in CS_NEW with INCOMPATIBLE_DESTINATION when it found
// nothing it accepts in the caller's SDP offer: sofia logs "CODEC NEGOTIATION ERROR.  SDP: …",
// answers 488 and ends the channel before routing it ("Hangup sofia/external/+1415…@198.51.100.20
// [CS_NEW] [INCOMPATIBLE_DESTINATION]"). The failing component is this FreeSWITCH's codec settings
// against the caller's offer, not "the called equipment" the catalog names for cause 88.
import { CODEC_REFUSAL_REASON } from "./scan/pbx-refusals.js";
import type { Finding } from "./scan/scanner.js";

const INCOMPATIBLE_DESTINATION = 88;
/** The channel the hangup names: its sofia profile and the host after "@", hung up in CS_NEW. */
const NEW_CHANNEL = /\bsofia\/([\w.-]+)\/[^\s@\]]*@([^\s:\]]+)[^\s\]]*\s+\[CS_NEW\]/;

/** The refused offer, in words, or null for any other failure. */
export function refusedOfferComponent(first: Finding): string | null {
  if (first.namespace !== "q850" || first.code !== INCOMPATIBLE_DESTINATION) return null;
  // FreeSWITCH's own CODEC NEGOTIATION ERROR line with no hang-up after it to name the leg.
  if (first.reason === CODEC_REFUSAL_REASON)
    return "This FreeSWITCH's codec settings: it accepted nothing in an SDP offer (CODEC NEGOTIATION ERROR, usually no codec in common; it answers 488), so compare the profile's inbound-codec-prefs and any absolute_codec_string with the codecs offered";
  if (!first.text.includes("[CS_NEW]")) return null;
  const m = NEW_CHANNEL.exec(first.text);
  // A gateway leg is one this FreeSWITCH placed: the far end refused it, as the catalog says.
  if (!m?.[1] || !m[2] || m[1] === "gateway") return null;
  const [, profile, from] = m;
  return `This FreeSWITCH's codec settings: it accepted nothing in the SDP offer of the call received on sofia profile ${profile} from ${from} (usually no codec in common; it answers 488 and hangs up in CS_NEW, before routing), so compare the profile's inbound-codec-prefs and any absolute_codec_string with the codecs the caller offered`;
}
