// twilio-node's RestException, as Node prints it: the error's message and stack, then its members
// `status: 400,` / `code: 21211,` / `moreInfo: 'https://www.twilio.com/docs/errors/21211'`. The
// status is the HTTP answer of Twilio's REST API to the app's request, not a SIP response.
import { type Hit, hit } from "./hit.js";
import { isHttpStatus } from "./http-status.js";

/**
 * The RestException's `status` with the `moreInfo` link to Twilio's error docs after it, in the
 * same object: Node's inspect form (one member a line, read with the lines after it) or its JSON.
 * twilio-node sets `status` first, then `code`, `moreInfo` and `details`.
 */
export const TWILIO_REST_STATUS =
  /\bstatus["']?[ \t]*:[ \t]*([1-5]\d\d),[^{}\n]{0,160}?\bmoreInfo["']?[ \t]*:[ \t]*["']https?:\/\/(?:www\.)?twilio\.com\/docs\/errors\//g;

/** The HTTP status Twilio's REST API answered with; the hit spans the status member only. */
export function twilioRestStatus(m: RegExpExecArray): Hit | null {
  const code = Number(m[1]);
  if (!isHttpStatus(code)) return null;
  const h = hit("http", code, null, 0.9, "twilio-rest", true);
  h.at = m.index;
  h.len = m[0].indexOf(",");
  return h;
}
