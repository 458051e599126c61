// The targets of an Asterisk Dial() ("PJSIP/num@carrier-a&DAHDI/g1/num,30"), read for what a
// CHANUNAVAIL says about them: a leg through a trunk (a PJSIP endpoint, a chan_sip or IAX2 peer, a
// DAHDI group, span or channel with a number to dial) or into this Asterisk's own dialplan (a Local
// channel) names where the failure is; a phone (PJSIP/2001, DAHDI/1 with no number) names nothing,
// and its registration is what CHANUNAVAIL is about. A Dial() that rang phones and trunks together
// ("PJSIP/1001&PJSIP/num@carrier") failed on both: its phones are named after its trunks, marked as
// phones, as their registration failed too. Only names are kept: never the number dialled, nor an
// IAX2 user or secret.

/** How many trunks of one Dial() are named: enough for a failover list, bounded for the checks. */
export const MAX_TRUNKS = 3;

/** How many phones of a Dial() that also went through a trunk are named. */
export const MAX_PHONES = 2;

/** How a phone is marked among the trunks ("PJSIP/carrier&PJSIP/1001 (phone)"). */
export const PHONE_MARK = " (phone)";

/** TECH/endpoint alone, a phone: no number, host or peer after it. */
const PHONE = /^(PJSIP|SIP|IAX2)\/([\w.-]{1,40})$/;
/** An endpoint named like a phone number (seven digits in a row) stays unnamed, as numbers are redacted. */
const NUMBER_LIKE = /\d{7}/;

/** TECH/number@endpoint (PJSIP, chan_sip's SIP/number@peer). */
const AT_ENDPOINT = /^(PJSIP|SIP)\/[^@/]+@([\w.-]+)$/;
/** TECH/endpoint/number, or PJSIP/endpoint/sip:number@host. */
const PEER_FIRST = /^(PJSIP|SIP)\/([\w.-]+)\/[^/]+$/;
/** IAX2/[user[:secret]@]peer[:port]/exten[@context]. */
const IAX2 = /^IAX2\/(?:[^@/]+@)?([\w.-]+)(?::\d+)?\/[^/]+$/;
/** DAHDI/g1/number: a group (g, G, r, R), an ISDN span (i1) or a channel, then options, then a number. */
const DAHDI = /^(?:DAHDI|Zap)\/([gGrR]|i)?(\d{1,4})(?:[cd]|r\d{1,2})*\/[^/]+$/;
/** Local/exten@context[/n]: the context is named, the extension (often the number) is not. */
const LOCAL = /^Local\/[^@/]+@([\w.-]+)(?:\/\w*)?$/;

/** The trunk or dialplan one dial target goes through, as TECH/NAME, or undefined for a phone. */
export function targetTrunk(target: string): string | undefined {
  const t = target.trim();
  const m = AT_ENDPOINT.exec(t) ?? PEER_FIRST.exec(t);
  if (m) return `${m[1]}/${m[2]}`;
  if (t.startsWith("IAX2/")) {
    const iax = IAX2.exec(t);
    return iax ? `IAX2/${iax[1]}` : undefined;
  }
  if (t.startsWith("DAHDI/") || t.startsWith("Zap/")) {
    const d = DAHDI.exec(t);
    if (!d) return undefined;
    const kind = d[1] === undefined ? "" : d[1] === "i" ? "i" : "g";
    return `DAHDI/${kind}${d[2]}`;
  }
  const local = t.startsWith("Local/") ? LOCAL.exec(t) : null;
  return local ? `Local/${local[1]}` : undefined;
}

/** The phone endpoint one dial target rings, as TECH/NAME, or undefined (a trunk, or a name like a number). */
export function targetPhone(target: string): string | undefined {
  const m = PHONE.exec(target.trim());
  return m && !NUMBER_LIKE.test(m[2] as string) ? `${m[1]}/${m[2]}` : undefined;
}

/**
 * The trunks of a Dial()'s targets (its second argument up to the first comma), joined with "&"
 * as Asterisk joins them: every leg counted unavailable failed, so each trunk is named, up to
 * MAX_TRUNKS and each once, then the phones dialled with them (up to MAX_PHONES, each marked with
 * PHONE_MARK). Undefined when no target goes through a trunk: a phone alone is the catalog's case.
 */
export function targetTrunks(targets: string): string | undefined {
  const names: string[] = [];
  const phones: string[] = [];
  for (const target of targets.split("&")) {
    const name = targetTrunk(target);
    if (name) {
      if (names.length < MAX_TRUNKS && !names.includes(name)) names.push(name);
      continue;
    }
    const phone = targetPhone(target);
    const marked = phone && `${phone}${PHONE_MARK}`;
    if (marked && phones.length < MAX_PHONES && !phones.includes(marked)) phones.push(marked);
  }
  return names.length > 0 ? [...names, ...phones].join("&") : undefined;
}
