// The Janus SIP plugin's events (janus_sip.c): the SIP response a hangup or a failed registration
// came with, sent to the browser as `result.code` and `result.reason`.
import { type Hit, hit } from "./hit.js";

/**
 * A Janus SIP plugin event (janus_sip.c): `"plugin":"janus.plugin.sip"` and a `result` object with
 * `event`, `code` and `reason`. Janus's own errors (`"error_code":448`, `"error":{"code":458}`)
 * are no SIP responses and never sit in a plugin's `result`.
 */
export const JANUS_SIP_EVENT =
  /"plugin"\s*:\s*"janus\.plugin\.sip"[^\n]*?"result"\s*:\s*\{([^{}\n]*?"code"\s*:\s*[1-6]\d\d(?!\d)[^{}\n]*)\}/g;

export function janusEvent(m: RegExpExecArray): Hit | null {
  const body = m[1] ?? "";
  const code = /"code"\s*:\s*([1-6]\d\d)(?!\d)/.exec(body);
  if (!code?.[1]) return null;
  const event = /"event"\s*:\s*"([\w-]+)"/.exec(body)?.[1] ?? "";
  const reason = /"reason"\s*:\s*"([^"\\]{1,80})"/.exec(body)?.[1];
  const n = Number(code[1]);
  // A failed registration answers a REGISTER; a hangup with a failure code ends the call's INVITE.
  const method = /^(?:registration_failed|unregistered)$/.test(event)
    ? "REGISTER"
    : n >= 300 && /^(?:hangup|declining)$/.test(event)
      ? "INVITE"
      : undefined;
  const h = hit("sip", n, null, 0.9, "janus-sip", true, { reason, method });
  // The hit spans the code, not the whole envelope.
  h.at = m.index + m[0].length - 1 - body.length + code.index + code[0].length - code[1].length;
  h.len = 3;
  return h;
}
