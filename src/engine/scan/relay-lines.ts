// A proxy script's own word that it relayed a request (Kamailio/OpenSIPS xlog: "relaying INVITE
// sip:+14155550100@carrier.example.net", "INVITE … relay to sip:…"): the request a timeout or 408
// after it is measured against, and where it went, when the log holds no SIP message.
import { copy } from "./detach.js";
import { uriHost } from "./stated-timeouts.js";
import type { TimingEvent } from "./timing-event.js";

/** The literal every such line holds; anchors.ts finds it before this module looks further. */
export const RELAY_ANCHOR = "elay(?:ing)? (?:[A-Z]{3,9} )?(?:to )?<?(?:sips?|tel):";

const METHODS =
  "INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|UPDATE|PRACK|SUBSCRIBE|NOTIFY|REFER|INFO|MESSAGE|PUBLISH";
/** "relaying INVITE to sip:…", "relay INVITE <sip:…>", "relay to sip:…", "relaying to <sip:…>". */
const RELAY = new RegExp(`\\b[Rr]elay(?:ing)? (?:(${METHODS}) )?(?:to )?<?((?:sips?|tel):[^\\s>,;]+)`);
/** The method named before the relay, as a script prints $rm ("INVITE from … relay to …") or a key
 *  ("method=INVITE"); never a log level ("INFO:"). */
const METHOD_BEFORE = new RegExp(`(?:^|[\\s\\[(=])(${METHODS})(?=[\\s\\]),]|$)`);
/** Words that make the line about a reply, or about a relay that did not happen. */
const NOT_A_SENT_REQUEST =
  /\brepl(?:y|ies)\b|\bresponse\b|\bonreply\b|\b[1-6]\d\d [A-Z][a-z]|\bfail(?:ed|ure|s)?\b|\berror\b|\bunable\b|\bcannot\b|\bcan't\b|\bnot relay|\bno relay/i;
/** The Call-ID the script printed: "[ci=a84b@10.0.0.5]", "ci=…", "callid=…", "call-id: …". */
const CALL_ID = /(?:^|[\s[(])(?:ci|callid|call-id|call_id)\s*[=:]\s*([^\s\]),;]+)/i;

/**
 * The request `line` says a proxy relayed, with its method, the destination host of the URI and
 * the Call-ID when the line gives one; null when the line does not say a request was relayed.
 */
export function relayedRequest(line: string): Omit<TimingEvent, "tsMs" | "line" | "yearless"> | null {
  if (!line.includes("elay")) return null;
  const m = RELAY.exec(line);
  if (!m?.[2]) return null;
  // A reply is relayed back along the Vias, never "to" a URI; a line naming one is not a request.
  if (NOT_A_SENT_REQUEST.test(line)) return null;
  // The script's own words start after "<script>:"; the syslog prefix before it names no method.
  const script = line.lastIndexOf("<script>:", m.index);
  const method = m[1] ?? METHOD_BEFORE.exec(line.slice(script < 0 ? 0 : script + 9, m.index))?.[1];
  if (!method) return null;
  const to = uriHost(m[2]);
  if (!to) return null;
  const ev: Omit<TimingEvent, "tsMs" | "line" | "yearless"> = { kind: "request", method, to: copy(to) };
  const ci = CALL_ID.exec(line)?.[1];
  if (ci) ev.callId = copy(ci);
  return ev;
}
