// pjsip's own 503: when a request cannot be sent (no route, connection refused, a TLS handshake
// that failed, a name that does not resolve) pjsip ends its transaction with
// PJSIP_SC_TSX_TRANSPORT_ERROR, which is 503, and pjsua logs it with the error's text where a
// reason phrase would be ("SIP registration failed, status=503 (Network is unreachable)"). Nothing
// reached a server, so no server is to blame: the client's network, DNS or TLS is.
import type { Finding } from "./scan/scanner.js";

/**
 * pjsua's "status=503 (…)" (registration) and "[reason=503 (…)]" (a call's disconnect). pj_strerror()
 * ends every pjlib/pjsip error with its name in brackets ("gethostbyname() has returned error
 * (PJ_ERESOLVE)"), so the text may hold one level of nested brackets.
 */
const PJSUA_503 = /\b(?:status|reason)=503 \(((?:[^()\n]|\([^()\n]{0,40}\)){2,120})\)/;
/** pjlib's error name ("(PJ_ERESOLVE)", "(PJSIP_ETPNOTAVAIL)"): pjsip wrote the text, no server did. */
const PJ_ERROR_NAME = /\((?:PJ|PJSIP|PJSUA|PJLIB_UTIL|PJNATH)_E[A-Z0-9_]+\)$/;
/** The text of an operating-system, resolver or TLS error, never a server's reason phrase. */
const TRANSPORT_TEXT =
  /unreachable|refused|\breset\b|broken pipe|no route|network|not connected|connection|certificate|\bssl\b|\btls\b|handshake|resolve|\bdns\b|host not found|name not found|gethostbyname|timed out|transport/i;

/** The error `f` stands for, when it is pjsip's own transport-error 503 ("Network is unreachable"). */
export function pjsipTransportError(f: Finding): string | undefined {
  if (f.namespace !== "sip" || f.code !== 503 || f.direction === "in" || f.host) return undefined;
  if (!f.text.includes("=503 (")) return undefined;
  const text = PJSUA_503.exec(f.text)?.[1]?.trim();
  return text && (TRANSPORT_TEXT.test(text) || PJ_ERROR_NAME.test(text)) ? text : undefined;
}

/** The name the catalog's checks for it use ("For pjsip's own transport error, …"). */
export const PJSIP_TRANSPORT_ERROR = "pjsip's own transport error";

/** The failing component of pjsip's own transport-error 503. */
export function transportComponent(f: Finding): string | null {
  const error = pjsipTransportError(f);
  if (!error) return null;
  const what = f.method ? `the ${f.method}` : "the request";
  return `this client's own connection to the server (network path, DNS or TLS): pjsip could not send ${what} (${error}) and generated the 503 itself, so no server sent it`;
}
