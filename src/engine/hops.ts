// Which hop a response came from: a proxy's log or capture shows both sides of a call, so a
// response answers a request only when it came back from the host that request went to.
import { hostRole } from "./scan/hosts.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** Whether the log names `f.host` as the side that sent response `f`. */
export function sentBy(f: Finding): boolean {
  return (
    f.host !== undefined && f.direction !== "local" && hostRole(f.text, f.host, f.direction) === "sender"
  );
}

/** Two hosts, one maybe without its port. */
export function sameHost(a: string, b: string): boolean {
  if (a === b) return true;
  const bare = (h: string) => h.replace(/:\d+$/, "");
  return (!/:\d+$/.test(a) || !/:\d+$/.test(b)) && bare(a) === bare(b);
}

/** The IP address of "10.0.0.9:5060", "[2001:db8::1]:5060" or a bare address, without its port
 *  (a UAS may answer from another port than the one it was sent to); undefined for a name. */
function address(h: string): string | undefined {
  const v6 = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(h);
  if (v6) return (v6[1] as string).toLowerCase();
  if (/^[0-9a-f:]+$/i.test(h) && h.split(":").length > 2) return h.toLowerCase();
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(h);
  return v4 ? v4[1] : undefined;
}

/**
 * Whether response `f` came from an address other than the one request `e` went to, as far as the
 * log says: then it answers another hop's transaction (the proxy's own reply to its caller, or the
 * branch a failover sent the request to next), not `e`. A host name on either side says nothing.
 */
export function fromOtherHop(f: Finding, e: TimingEvent): boolean {
  if (e.to === undefined || !sentBy(f)) return false;
  const a = address(f.host as string);
  const b = address(e.to);
  return a !== undefined && b !== undefined && a !== b;
}
