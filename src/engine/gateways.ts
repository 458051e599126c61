// FreeSWITCH names an outbound leg by the gateway it went through ("Hangup
// sofia/gateway/carrier_a/+1415… [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]", or with loglevel
// debug "Channel sofia/gateway/carrier_a/… entering state [terminated][503]"): that gateway's
// carrier gave the cause. A later leg to the same number through another gateway that was answered
// or cleared normally is a failover (a bridge string "sofia/gateway/a/…|sofia/gateway/b/…"), so
// the call connected there. A gateway's own OPTIONS ping and REGISTER name it too.
import { type GatewayLine, gatewayLine } from "./gateway-lines.js";
import type { Finding } from "./scan/scanner.js";

const NORMAL_CLEARING = 16;

function isSuccess(f: Finding): boolean {
  return f.namespace === "sip"
    ? f.code >= 200 && f.code < 300
    : f.namespace === "q850" && f.code === NORMAL_CLEARING;
}

/** The later leg to the same destination through another gateway that connected, in words. */
function failover(first: Finding, leg: { gw: string; dest: string }, findings: readonly Finding[]): string {
  for (const f of findings) {
    if (f.line <= first.line || !isSuccess(f)) continue;
    const other = gatewayLine(f.text);
    if (other?.kind !== "leg" || other.gw === leg.gw || other.dest !== leg.dest) continue;
    const how = f.namespace === "sip" ? "where it was answered" : "whose leg cleared normally";
    return `; degraded, since the call to the same number then went out through gateway ${other.gw}, ${how} (line ${f.line})`;
  }
  return "";
}

/** A later successful ping of the same gateway: it came back. */
function recovery(first: Finding, gw: string, findings: readonly Finding[]): string {
  for (const f of findings) {
    if (f.line <= first.line || f.namespace !== "sip" || f.code < 200 || f.code >= 300) continue;
    const ping = gatewayLine(f.text);
    if (ping?.kind !== "ping" || !ping.ok || ping.gw !== gw) continue;
    const up = ping.state === "UP" ? " and the gateway was UP again" : "";
    return `; it recovered: its ping on line ${f.line} got ${f.code}${up}`;
  }
  return "";
}

/** What the gateway's line says happened, in brackets after its name. */
function what(first: Finding, line: GatewayLine): string {
  // FreeSWITCH's own cause on the leg (GATEWAY_DOWN): it refused the leg itself.
  if (first.direction === "local" && first.reason)
    return `FreeSWITCH ended the leg itself with ${first.reason}`;
  if (line.kind === "ping") {
    const down = line.state === "DOWN" ? ", and FreeSWITCH marked it DOWN" : "";
    return `its OPTIONS ping got ${first.code}${down}`;
  }
  if (line.kind === "register")
    return first.code === 408
      ? "its REGISTER got no answer in time"
      : `the registrar behind it answered its REGISTER with ${first.code}`;
  return first.namespace === "q850"
    ? "the carrier or SBC behind it gave the cause"
    : `the carrier or SBC behind it answered ${first.code}`;
}

/** The gateway a FreeSWITCH failure came through, and what happened next: the gateway the same
 *  destination then connected through, or the ping that found the gateway back. */
export function gatewayComponent(
  first: Finding,
  findings: readonly Finding[],
  generic?: string,
): string | null {
  if (first.namespace !== "q850" && first.namespace !== "sip") return null;
  const line = gatewayLine(first.text);
  if (!line) return null;
  const own = `FreeSWITCH gateway ${line.gw} (${what(first, line)})`;
  // The catalog's usual sender of a cause FreeSWITCH made up itself says nothing about this leg.
  const usual = generic && first.direction !== "local" ? ` — ${generic}` : "";
  const next =
    line.kind === "leg"
      ? failover(first, line, findings)
      : line.kind === "ping"
        ? recovery(first, line.gw, findings)
        : "";
  return `${own}${usual}${next}`;
}
