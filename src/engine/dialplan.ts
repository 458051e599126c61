// FreeSWITCH hangs a call up in CS_ROUTING with NO_ROUTE_DESTINATION when its own XML dialplan found
// no extension for the called number ("Hangup sofia/external/+1415…@198.51.100.20 [CS_ROUTING]
// [NO_ROUTE_DESTINATION]"): the failing component is this FreeSWITCH's dialplan, not a carrier or
// a downstream switch, whatever the catalog's usual sender of cause 3.
import type { Finding } from "./scan/scanner.js";

const NO_ROUTE = 3;
/** The channel the hangup names: its sofia profile and the host after "@". */
const ROUTING_CHANNEL = /\bsofia\/([\w.-]+)\/[^\s@\]]*@([^\s:\]]+)[^\s\]]*\s+\[CS_ROUTING\]/;

/** The dialplan that routed nothing, in words, or null for any other failure. */
export function dialplanComponent(first: Finding): string | null {
  if (first.namespace !== "q850" || first.code !== NO_ROUTE || !first.text.includes("[CS_ROUTING]"))
    return null;
  const m = ROUTING_CHANNEL.exec(first.text);
  if (!m?.[1] || !m[2]) return null;
  const [, profile, from] = m;
  // The default external profile takes carriers' calls into the public context.
  const whose =
    profile === "external"
      ? `the call received on sofia profile external from ${from} (a carrier's call; the public context by default)`
      : `the call on sofia profile ${profile} from ${from}`;
  return `This FreeSWITCH's own dialplan: ${whose} matched no extension while it was routed (hung up in CS_ROUTING), so FreeSWITCH refused it itself`;
}
