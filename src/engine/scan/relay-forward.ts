// Asterisk's line for a call it forwards to a new number: app_dial.c and app_queue.c log
// `Now forwarding %s to '%s/%s' (thanks to %s)` (the caller's channel, the technology and dial
// string of the new target, and the channel that asked for the forward: a 302 from a phone, or a
// forward set on the PBX). The outbound INVITE then dials the new number, often without a Diversion
// header, so the dialled-number rule of relay-order.ts learns the target from this line instead.
import { DIALLED_DIGITS } from "./call-marks.js";
import type { TimingEvent } from "./timing-event.js";

/** The literal the event gate looks for, on lines the anchors already selected. */
export const FORWARD_LITERAL = "Now forwarding ";

/** "Now forwarding PJSIP/trunk-00000024 to 'Local/+447700900123@from-internal' (thanks to PJSIP/2001-00000025)". */
const FORWARD = /\bNow forwarding \S+ to '[^'/]+\/([^']*)' \(thanks to /;
/** The number in the dial string: "+447700900123@from-internal", "carrier/sip:+447700900123@host", "07700 900123". */
const TARGET_NUMBER = /(?:^|[/:])\+?(\d[\d\-. ]*\d)(?=@|$|\/)/;

/** The forward a line states, with the last 7 digits of the number it now dials; null for any other line. */
export function forwardEvent(line: string): Omit<TimingEvent, "tsMs" | "line" | "yearless"> | null {
  const m = FORWARD.exec(line);
  if (!m?.[1]) return null;
  const digits = TARGET_NUMBER.exec(m[1])?.[1]?.replace(/\D/g, "");
  // A forward to an extension (too short to compare) or to a name tells the rule nothing.
  if (!digits || digits.length < DIALLED_DIGITS) return null;
  return { kind: "forward", dialled: digits.slice(-DIALLED_DIGITS) };
}
