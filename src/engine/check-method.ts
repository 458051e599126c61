// The request whose checks fit a failure. A proxy's line refusing a login often names no method
// ("auth failed for 1001@example.com from 203.0.113.66:5088 - sending 403 Forbidden"): its checks
// are the refused registration's (credentials, bans, scans from unknown addresses), not a call's.
import { AUTH_REFUSED } from "./scan/host-words.js";
import type { Finding } from "./scan/scanner.js";

/** The method of `f` for picking its checks: its own, or REGISTER for a login refused by this system. */
export function checkMethod(f: Finding): string | undefined {
  if (f.method !== undefined) return f.method;
  if (f.namespace !== "sip" || (f.code !== 401 && f.code !== 403) || f.direction === "in") return undefined;
  return f.text.includes("uth") && AUTH_REFUSED.test(f.text) ? "REGISTER" : undefined;
}
