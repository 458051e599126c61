// Numbers a loose detector would read as a status although the line says what they are: a media
// counter ("Packets sent=486"), an API's own "status" member.
import * as P from "./patterns.js";

/**
 * "RTP statistics: Packets sent=486, received=503, lost=404": a media counter, not a response
 * sent or received, unless the line names SIP.
 */
export function mediaCounter(segment: string, m: RegExpExecArray): boolean {
  return P.COUNT_KEY.test(m[0]) && P.COUNTER_CONTEXT.test(segment) && !P.SIP_CONTEXT.test(segment);
}

/**
 * `{"status":200,"data":[…]}`, `{"msg":"upstream call failed","status":503,"service":"billing"}`:
 * the "status" member of an API response or a service's log record that names no SIP word is
 * that API's status, not a SIP response.
 */
export function apiEnvelope(segment: string, m: RegExpExecArray): boolean {
  if (segment.charCodeAt(m.index - 1) !== 34 || m[0].slice(0, 6).toLowerCase() !== "status") return false;
  return P.API_ENVELOPE.test(segment) && !P.SIP_CONTEXT.test(segment);
}
