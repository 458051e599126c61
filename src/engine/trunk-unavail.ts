// An Asterisk Dial() through a trunk that ended CHANUNAVAIL with no cause: Asterisk could not
// create or reach a channel to its own trunk, so nothing went to the carrier. The trunk is what
// failed, and its checks replace the called user's registration ones the catalog gives cause 20
// (which fit a phone that is not registered). A DAHDI group or span is this Asterisk's own PSTN
// line: no registrar is involved. A Local channel is no trunk at all but this Asterisk's dialplan,
// whose own Dial() failed. When every leg of a Dial() to several trunks was unavailable, each is
// named: trunks failing together point at this Asterisk's own network. A phone dialled together
// with a trunk failed as well: it is named beside the trunk, and its registration checks follow
// the trunk's.
import { missingEndpointChecks, missingEndpointComponent } from "./missing-endpoint.js";
import { CHAN_UNAVAIL_REASON } from "./scan/chan-unavail.js";
import { PHONE_MARK } from "./scan/dial-targets.js";
import type { Finding } from "./scan/scanner.js";

interface Trunk {
  tech: string;
  name: string;
  /** A phone endpoint dialled beside the trunks, not a trunk. */
  phone: boolean;
}

/** The legs (channel driver and name) a CHANUNAVAIL finding's Dial() went through: trunks, then phones. */
function unavailableLegs(f: Finding | null | undefined): Trunk[] {
  if (f?.reason !== CHAN_UNAVAIL_REASON || !f.trunk) return [];
  return f.trunk.split("&").map((t) => {
    const phone = t.endsWith(PHONE_MARK);
    const leg = phone ? t.slice(0, -PHONE_MARK.length) : t;
    const slash = leg.indexOf("/");
    return { tech: leg.slice(0, slash), name: leg.slice(slash + 1), phone };
  });
}

/** The trunks (channel driver and name) a CHANUNAVAIL finding's Dial() went through, if any. */
export function unavailableTrunks(f: Finding | null | undefined): Trunk[] {
  return unavailableLegs(f).filter((t) => !t.phone);
}

/** The phones a CHANUNAVAIL finding's Dial() rang together with its trunks. */
export function unavailablePhones(f: Finding | null | undefined): Trunk[] {
  return unavailableLegs(f).filter((t) => t.phone);
}

/** The first trunk a CHANUNAVAIL finding's Dial() went through, if it went through one. */
export function unavailableTrunk(f: Finding | null | undefined): Trunk | undefined {
  return unavailableTrunks(f)[0];
}

/** A DAHDI target in words: g1 is group 1, i1 ISDN span 1, a bare number one channel. */
function dahdiWords(name: string): string {
  if (name.startsWith("g")) return `DAHDI group ${name.slice(1)}`;
  if (name.startsWith("i")) return `DAHDI span ${name.slice(1)}`;
  return `DAHDI channel ${name}`;
}

/** How one trunk is named in the failing component. */
function trunkWords(t: Trunk): string {
  if (t.tech === "DAHDI") return `${dahdiWords(t.name)} (its PSTN line)`;
  if (t.tech === "Local") return `own dialplan in context ${t.name} (a Local channel, not a trunk)`;
  return `${t.tech} trunk ${t.name}`;
}

/** "a, b and c". */
function listed(names: readonly string[]): string {
  return names.length < 2
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function trunkUnavailComponent(f: Finding): string | null {
  // A Dial() to an endpoint that is not configured failed the same way, with a cause of its own.
  const missing = missingEndpointComponent(f);
  if (missing) return missing;
  const trunks = unavailableTrunks(f);
  const [first] = trunks;
  if (!first) return null;
  const phones = unavailablePhones(f);
  if (phones.length > 0) return withPhonesComponent(trunks, phones);
  if (trunks.length > 1) {
    const tech = first.tech;
    const alike = tech !== "DAHDI" && tech !== "Local" && trunks.every((t) => t.tech === tech);
    const names = alike ? trunks.map((t) => t.name) : trunks.map(trunkWords);
    const list = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    return `This Asterisk's ${alike ? `${tech} trunks ` : ""}${list}: Dial() could create or reach a channel to none of them (CHANUNAVAIL), so nothing was sent to any carrier; trunks failing together point at this Asterisk's own network, DNS or firewall`;
  }
  if (first.tech === "Local")
    return `This Asterisk's ${trunkWords(first)}: the Dial() it ran reached no one (CHANUNAVAIL); look at what that Dial() dialled`;
  if (first.tech === "DAHDI")
    return `This Asterisk's ${trunkWords(first)}: Dial() could not take a channel on it (CHANUNAVAIL), so nothing was sent to the carrier`;
  return `This Asterisk's ${first.tech} trunk ${first.name}: Dial() could not create or reach a channel to it (CHANUNAVAIL), so nothing was sent to the carrier`;
}

/**
 * A Dial() to trunks and phones where every leg was unavailable: both failed, for different
 * reasons (nothing reached the carrier; the phone has no registered or reachable contact).
 */
function withPhonesComponent(trunks: readonly Trunk[], phones: readonly Trunk[]): string {
  const tech = trunks[0]?.tech ?? "";
  const alike = tech !== "DAHDI" && tech !== "Local" && trunks.every((t) => t.tech === tech);
  const trunkNames = alike
    ? `${tech} trunk${trunks.length > 1 ? "s" : ""} ${listed(trunks.map((t) => t.name))}`
    : listed(trunks.map(trunkWords));
  const many = phones.length > 1;
  const phoneNames = `phone endpoint${many ? "s" : ""} ${listed(phones.map((p) => p.name))}`;
  const carrier = trunks.length > 1 ? "any carrier" : "the carrier";
  const together =
    trunks.length > 1
      ? "; trunks failing together point at this Asterisk's own network, DNS or firewall"
      : "";
  return `This Asterisk's ${trunkNames} and its ${phoneNames}: Dial() could create or reach a channel to none of them (CHANUNAVAIL), so nothing was sent to ${carrier} and the phone${many ? "s" : ""} did not ring (no registered or reachable contact)${together}`;
}

/** The checks for unavailable trunks, in the words of the channel driver each uses, then the phones'. */
export function trunkUnavailChecks(f: Finding): string[] | undefined {
  const missing = missingEndpointChecks(f);
  if (missing) return missing;
  const trunks = unavailableTrunks(f);
  if (trunks.length === 0) return undefined;
  const phones = unavailablePhones(f);
  // Each phone's own registration check after the trunks' lead checks (the checklist is short),
  // then the check every phone shares, once.
  const phoneLead = phones.map(phoneCheck);
  const phoneRest = phones.length > 0 ? [PHONE_ONLINE] : [];
  if (trunks.length === 1) {
    const own = checksOf(trunks[0] as Trunk);
    return [...own.slice(0, 2), ...phoneLead, ...own.slice(2), ...phoneRest];
  }
  const names = trunks.map((t) => t.name).join(", ");
  const together = `Every trunk of the Dial() (${names}) was unavailable at once: check this Asterisk's own network first (default route, DNS resolution, firewall or a VPN towards the carriers)`;
  // Each trunk's own lead checks, then the shared ones once (the checklist drops repeats).
  const lead = trunks.flatMap((t) => checksOf(t).slice(0, 2));
  const rest = trunks.flatMap((t) => checksOf(t).slice(2));
  return [together, ...lead, ...phoneLead, ...rest, ...phoneRest];
}

const PHONE_ONLINE =
  "Check the phone itself is online and its registration refreshes succeed (its network, its credentials, and any NAT or firewall between it and this Asterisk)";

/** One phone's registration, in its channel driver's words. */
function phoneCheck(p: Trunk): string {
  if (p.tech === "PJSIP")
    return `Check that the phone endpoint ${p.name} has a registered contact: pjsip show aor ${p.name} and pjsip show contacts (none, or one qualify marks Unavailable, means the phone is offline or its registration expired)`;
  const cli = p.tech === "IAX2" ? "iax2" : "sip";
  return `Check the phone peer ${p.name} in ${cli} show peer ${p.name}: no registered address, or UNREACHABLE from qualify, means the phone is offline or its registration expired`;
}

function checksOf(t: Trunk): string[] {
  if (t.tech === "DAHDI") return dahdiChecks(t.name);
  if (t.tech === "Local") return localChecks(t.name);
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

/** A DAHDI group, span or channel: the span's alarms, the ISDN D-channel, the channels free. */
function dahdiChecks(name: string): string[] {
  const what = dahdiWords(name);
  const group = name.startsWith("g") ? ` (dahdi show channels group ${name.slice(1)})` : "";
  return [
    "Check the span's state in dahdi show status: a RED, YELLOW or BLUE alarm means the line to the carrier is down, and no channel on it can be taken",
    "For an ISDN PRI, check pri show spans: the D-channel must be Up and In Service",
    `Check that ${what} has channels configured and free${group}: a group with no channels (chan_dahdi.conf, dahdi_cfg) or all of them in use makes every Dial() to it CHANUNAVAIL`,
    "If the span stays in alarm, check the cabling, the timing source, and ask the carrier for a line test",
  ];
}

/** A Local channel: the dialplan it runs, and the Dial() that dialplan made. */
function localChecks(context: string): string[] {
  return [
    `Check that the extension the Local channel dials exists in context ${context} (dialplan show EXTEN@${context}): a missing one leaves the Local channel nothing to run`,
    "Read the Local channel's own lines (Local/…;2) above: its own Dial() is the one that failed, and its target, a phone's registration or a trunk, is what to check",
    "If that Dial() rings a phone, check the phone is registered (pjsip show contacts, or sip show peers for chan_sip)",
  ];
}
