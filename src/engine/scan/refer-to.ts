// The transfer target a REFER names in its Refer-To header (RFC 3515 §2.1, compact form "r:"), read
// from the request's own header lines: a failed transfer can then say whom it was meant to reach,
// and whether it was an attended transfer (a Replaces in the URI's headers, RFC 3891).
import { copy } from "./detach.js";
import { maskNumbers } from "./phone.js";
import { nextLines } from "./text-lines.js";
import type { TimingEvent } from "./timing-event.js";

/** Whom a REFER asked the transferee to call. */
export interface ReferTarget {
  /** user@host (or the host, or a tel: number), phone numbers masked as the rest of the output. */
  target: string;
  /** The Refer-To carries Replaces: an attended transfer, replacing a call the target already has. */
  attended?: true;
}

/** How many lines below the request line its headers may run. */
const HEADER_LINES = 39;
const REFER_TO = /^\s*(?:Refer-To|r)\s*:\s*(.+)$/i;
/** The URI of the header's value, in angle brackets or bare: "<sip:2009@pbx;user=phone?Replaces=…>". */
const URI = /<\s*((?:sips?|tel):[^>\s]+)\s*>|^((?:sips?|tel):[^\s;,]+)/i;
/** A Replaces header in the URI (after "?" or "&"), percent-encoded or not. */
const REPLACES = /[?&]replaces(?:=|%3D)/i;
/** A line that ends the request's headers: a blank line, a trace's separator, another message. */
const END = /^\s*(?:$|-{6,}|={6,})|SIP\/2\.0(?:\s|$)/;

/** The target of the REFER whose request line ends at text[le], when its Refer-To names one. */
export function referTarget(text: string, le: number, mask = true): ReferTarget | undefined {
  for (const l of nextLines(text, le, HEADER_LINES)) {
    if (END.test(l)) return undefined;
    if (!l.includes(":")) continue;
    const m = REFER_TO.exec(l);
    if (!m?.[1]) continue;
    const value = m[1].trim();
    const u = URI.exec(value);
    const uri = u?.[1] ?? u?.[2];
    const target = uri ? shown(uri, mask) : undefined;
    if (!target) return undefined;
    const out: ReferTarget = { target: copy(target) };
    if (uri && REPLACES.test(uri)) out.attended = true;
    return out;
  }
  return undefined;
}

/** "sip:user:secret@host:5060;transport=udp?Replaces=…" as "user@host", numbers masked; a password
 *  in the user part, the port, parameters and headers are left out. Unmasked when the scan's
 *  options turn masking off. */
function shown(uri: string, mask: boolean): string | undefined {
  const masked = (s: string) => (mask ? maskNumbers(s) : s);
  const scheme = uri.slice(0, uri.indexOf(":") + 1).toLowerCase();
  const rest = uri.slice(scheme.length).split(/[;?]/)[0] ?? "";
  const at = rest.lastIndexOf("@");
  const user = at >= 0 ? (rest.slice(0, at).split(":")[0] ?? "") : "";
  const hostPort = at >= 0 ? rest.slice(at + 1) : rest;
  const host = hostPort.startsWith("[")
    ? hostPort.slice(0, hostPort.indexOf("]") + 1)
    : hostPort.split(":")[0];
  if (scheme === "tel:") return masked(`tel:${rest}`).slice(4) || undefined;
  if (!host) return undefined;
  // maskNumbers reads a number after "sip:" as a phone number, as it does in excerpts.
  return masked(`sip:${user ? `${user}@` : ""}${host}`).slice(4);
}

/** The target a recorded REFER's Refer-To names. */
export function referToOf(e: TimingEvent): ReferTarget | undefined {
  return e.referTo;
}
