// The Webex Calling web SDK's record of a registration Mobius accepted: it sets the active Mobius
// URL ("ActiveMobiusUrl: https://mobius-us-west-2…/api/v1/calling/web/") and then logs
// "Registration successful" (or "Registration restored successfully."). The POST to that cluster
// was answered 2xx, which is how a console log shows the client registered after a failover.
import { type Hit, hit } from "./hit.js";

/** The detector of such a success; its finding's host is the cluster the URL names. */
export const MOBIUS_REGISTERED = "mobius-registered";

/**
 * `ActiveMobiusUrl: <Mobius URL>` with the SDK's success message on the next lines (read with the
 * lines after it, joined). The SDK also sets the URL before it retries a registration it restores
 * ("Mobius url to contact" then comes first): only a success message before any new attempt says
 * Mobius accepted it. The URL is taken whole, once (a lookahead and its back-reference): were it
 * given back a character at a time, each shorter URL would search the 1,200 characters after it
 * again, and a log of URL lines with no success after them would scan hundreds of times slower.
 */
export const ACTIVE_MOBIUS_URL =
  /\bActiveMobiusUrl:[ \t]*https?:\/\/(?=([^\s/"'<>]*\bmobius\b[^\s"'<>]*))\1(?=(?:(?!Mobius url to contact)[^\n]){0,1200}?\b(Registration (?:successful|restored successfully))\b)/g;

/**
 * The registration's 2xx, answered by the cluster the URL names: kept as one so the failover
 * reading sees the client registered there, with the SDK's words as its reason, since the log
 * printed no status.
 */
export function mobiusRegistered(m: RegExpExecArray): Hit {
  return hit("http", 200, null, 0.9, MOBIUS_REGISTERED, true, { reason: m[2] });
}

/** What such a record is called: what the log says, never a 200 it did not print. */
export function registeredLabel(f: { host?: string; reason?: string }): string {
  const cluster = f.host ? ` on ${f.host.split(".")[0]}` : "";
  return `registered${cluster} (the SDK logged ${f.reason ?? "Registration successful"})`;
}
