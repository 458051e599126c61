// Addresses behind NAT: a SIP message that came from a public address but names a private
// (RFC 1918) one in its Contact or its SDP c= line was sent from behind a NAT that did not
// rewrite it, the classic cause of calls with no audio.
import type { Surroundings } from "./context.js";
import type { Finding } from "./finding.js";

/** Cheap test first: the three RFC 1918 blocks all start with "10.", "172." or "192.168.". */
export function isPrivateV4(ip: string): boolean {
  const c = ip.charCodeAt(0);
  if (c !== 49) return false;
  if (ip.startsWith("10.")) return isV4(ip);
  if (ip.startsWith("192.168.")) return isV4(ip);
  if (!ip.startsWith("172.")) return false;
  const second = Number(ip.slice(4, ip.indexOf(".", 4)));
  return second >= 16 && second <= 31 && isV4(ip);
}

const V4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
function isV4(ip: string): boolean {
  return V4.test(ip);
}

/**
 * Whether `host` ("198.51.100.77:5060") is a public IPv4 address: not RFC 1918, loopback,
 * link-local, CGNAT shared space (RFC 6598) or unspecified. A host name is not known to be one.
 */
export function isPublicV4Host(host: string): boolean {
  const colon = host.indexOf(":");
  const ip = colon < 0 ? host : host.slice(0, colon);
  if (!isV4(ip) || isPrivateV4(ip)) return false;
  const [a, b] = ip.split(".").map(Number) as [number, number];
  if (a === 0 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  return !(a === 100 && b >= 64 && b <= 127);
}

/**
 * Marks 2xx `f` with the private addresses its Contact or SDP c= line names when it came from a
 * public host: the answering side is behind a NAT that did not rewrite them.
 */
export function noteNat(f: Finding, headers: Pick<Surroundings, "contact" | "sdpAddress">): void {
  if (f.code < 200 || f.code >= 300 || f.direction !== "in" || !f.host) return;
  const { contact, sdpAddress } = headers;
  const sdp = sdpAddress && isPrivateV4(sdpAddress) ? sdpAddress : undefined;
  const uri = contact && isPrivateV4(contact) ? contact : undefined;
  if ((!sdp && !uri) || !isPublicV4Host(f.host)) return;
  if (sdp) f.privateSdp = sdp;
  if (uri) f.privateContact = uri;
}
