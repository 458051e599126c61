// The host a hit's timeline key will name, worked out from its line without building its finding
// (the finding store needs it for every repeat past its cap, where building would cost too much).

import { lineDirection } from "./context.js";
import type { Hit } from "./detectors.js";
import { keyHost, roleOf } from "./fold-keys.js";
import { hostRole, lastSourceDirection, namedHost } from "./hosts.js";
import type { MessageScope } from "./message-scope.js";
import { replyHost } from "./mobius-http.js";

/** What the line being offered gives: its text, and for a status line the sender named above it. */
interface LineSource {
  line: string;
  sourceHost(): string | undefined;
}

/**
 * keyHost() of the finding `h` would become: the host and direction toFinding reads from the line
 * itself or, for a status line, from the transport line above the message; a header line has its
 * message's (`scope`).
 */
export function lineKeyHost(
  h: Hit,
  lineNo: number,
  src: LineSource,
  scope: MessageScope,
): string | undefined {
  const line = src.line.slice(0, 600);
  // The line's words say most; its direction words are read only when they are needed.
  const named = namedHost(line);
  if (named) {
    const role = named.role ?? roleOf(lineDirection(line));
    return role === "receiver" ? `>${named.host}` : named.host;
  }
  if (h.detector !== "sip-status") {
    // A client's Mobius reply: the cluster its URL names, as the finding will say.
    const cluster = replyHost(h.detector, line);
    if (cluster) return cluster;
    const status = scope.of(lineNo, line);
    return status ? keyHost(status) || undefined : undefined;
  }
  const host = src.sourceHost();
  if (!host) return undefined;
  const from = lastSourceDirection(host);
  return hostRole(line, host, lineDirection(line) ?? from) === "receiver" ? `>${host}` : host;
}
