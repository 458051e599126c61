// A failure repeated for a few destinations (two dispatcher targets that never answered, two
// FreeSWITCH gateways that failed) keeps a timeline row per destination (timeline-rows.ts); the
// failing component names the first failure's, and says the same failure also hit the others.
//
// A gateway's failed OPTIONS ping that left it DOWN is the same failure as another gateway
// FreeSWITCH refused calls through because it was DOWN too: two trunks down at once point at a
// shared cause (this host's network, firewall or DNS), not at one carrier.
import { failedPing, pingLeftDown } from "./gateway-pings.js";
import type { Row } from "./rows.js";
import type { Finding } from "./scan/scanner.js";

/** The label FreeSWITCH's own GATEWAY_DOWN refusal is shown with ("… (FreeSWITCH GATEWAY_DOWN)"). */
const DOWN_LABEL = "GATEWAY_DOWN";

/** Whether row `r` is a gateway found down: FreeSWITCH refused calls through it, or its ping failed. */
function gatewayDown(r: Row): boolean {
  return r.item.label.includes(DOWN_LABEL) || r.item.methods.includes("OPTIONS");
}

/** "; the same failure also hit FreeSWITCH gateway carrier_b" for other gateways found down. */
function otherGatewaysDown(first: Finding, rows: readonly Row[]): string {
  const mine = `via FreeSWITCH gateway ${failedPing(first)?.gw}`;
  const others = rows
    .filter((r) => r.item.failure && r.dest?.startsWith("via ") && r.dest !== mine && gatewayDown(r))
    .map((r) => (r.dest as string).slice("via ".length));
  const unique = [...new Set(others)];
  return unique.length > 0 ? `; the same failure also hit ${unique.join(", ")}` : "";
}

/** "; the same failure also hit 10.0.0.22:5060" for the other destinations of `first`'s code. */
export function otherDestinations(first: Finding | null, rows: readonly Row[]): string {
  if (!first) return "";
  if (pingLeftDown(first)) return otherGatewaysDown(first, rows);
  const code = `${first.namespace}:${first.code}:${first.subcode}`;
  const mine = rows.find((r) => r.code === code && r.item.firstLine === first.line)?.dest;
  if (mine === undefined) return "";
  const others = rows
    .filter((r) => r.code === code && r.item.failure && r.dest !== undefined && r.dest !== mine)
    // The row's words lead with how the failure reached it ("to 10.0.0.22:5060", "via …").
    .map((r) => (r.dest as string).replace(/^(?:to|via) /, ""));
  const unique = [...new Set(others)];
  return unique.length > 0 ? `; the same failure also hit ${unique.join(", ")}` : "";
}
