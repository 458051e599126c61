// Without Teams credentials nothing proves who sent an activity, and the bot posts its reply to the
// serviceUrl the activity names. So in that mode only a serviceUrl on this machine is accepted (the
// Bot Framework Emulator and Microsoft 365 Agents Playground use http://localhost:<port>); otherwise
// anyone who can reach the port could make the bot POST to any host, internal ones included. The
// request itself must come from this machine too, or a remote caller could still name a local
// service as the serviceUrl.

/** Hostnames that always mean this machine; "localhost" resolves to loopback by convention (RFC 6761). */
const LOOPBACK_NAMES = new Set(["localhost", "[::1]"]);

/** True when `serviceUrl` is an http(s) URL whose host is this machine. */
export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== "string") return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  // The URL parser has already normalised 127.1, 0x7f.0.0.1 and the like to dotted decimal.
  const host = url.hostname.toLowerCase();
  return LOOPBACK_NAMES.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The host an activity named, for a log line: never the whole URL, whose path or query may carry more. */
export function serviceHost(serviceUrl: unknown): string {
  if (typeof serviceUrl !== "string") return "(none)";
  try {
    return new URL(serviceUrl).host;
  } catch {
    return "(not a URL)";
  }
}

/** True when a request's peer address is this machine (IPv4, IPv6 or IPv4-mapped loopback). */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
