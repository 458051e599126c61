// An Asterisk Dial() through a trunk that ended CHANUNAVAIL with no cause: Asterisk could not
// create or reach a channel to its own trunk endpoint, so nothing went to the carrier. The
// endpoint is what failed, and its checks replace the called user's registration ones the
// catalog gives cause 20 (which fit a phone that is not registered).
import { CHAN_UNAVAIL_REASON } from "./scan/chan-unavail.js";
import type { Finding } from "./scan/scanner.js";

/** The channel driver and trunk a CHANUNAVAIL finding's Dial() went through, if it went through one. */
export function unavailableTrunk(f: Finding | null | undefined): { tech: string; name: string } | undefined {
  if (f?.reason !== CHAN_UNAVAIL_REASON || !f.trunk) return undefined;
  const slash = f.trunk.indexOf("/");
  return { tech: f.trunk.slice(0, slash), name: f.trunk.slice(slash + 1) };
}

export function trunkUnavailComponent(f: Finding): string | null {
  const trunk = unavailableTrunk(f);
  if (!trunk) return null;
  return `This Asterisk's ${trunk.tech} trunk ${trunk.name}: Dial() could not create or reach a channel to it (CHANUNAVAIL), so nothing was sent to the carrier`;
}

/** The checks for an unavailable trunk endpoint, in the words of the channel driver it uses. */
export function trunkUnavailChecks(f: Finding): string[] | undefined {
  const t = unavailableTrunk(f);
  if (!t) return undefined;
  if (t.tech !== "PJSIP") return peerChecks(t.tech, t.name);
  const trunk = t.name;
  return [
    `Check that the endpoint ${trunk} exists under the name the dialplan dials (pjsip show endpoint ${trunk}): a renamed or removed endpoint makes every Dial() to it CHANUNAVAIL`,
    `Check the endpoint has a reachable contact: pjsip show aor ${trunk} and pjsip show contacts (no contact, or one its qualify marks Unavailable, fails every call at once)`,
    "If the trunk registers to the carrier, check pjsip show registrations: a refused or expired registration leaves the trunk with no usable route",
    "Check the path to the carrier: DNS for the contact's host, the firewall, and whether the carrier's SBC answers OPTIONS",
  ];
}

/** chan_sip's and chan_iax2's peers: `sip show peer`, `iax2 show peer`. */
function peerChecks(tech: string, peer: string): string[] {
  const cli = tech === "IAX2" ? "iax2" : "sip";
  return [
    `Check that the peer ${peer} exists under the name the dialplan dials (${cli} show peer ${peer})`,
    `Check the peer's status in ${cli} show peers: UNREACHABLE or UNKNOWN (qualify got no answer) makes every Dial() to it CHANUNAVAIL`,
    `If the trunk registers to the carrier, check ${cli} show registry: a refused or expired registration leaves no usable route`,
    "Check the path to the carrier: DNS for the peer's host, the firewall, and whether the carrier's SBC answers OPTIONS",
  ];
}
