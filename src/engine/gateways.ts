// FreeSWITCH names an outbound leg by the gateway it went through ("Hangup
// sofia/gateway/carrier_a/+1415… [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]"): that gateway's
// carrier gave the cause. A later leg through another gateway that cleared normally is a failover
// (a bridge string "sofia/gateway/a/…|sofia/gateway/b/…"), so the call connected there.
import type { Finding } from "./scan/scanner.js";

const GATEWAY = /\bsofia\/gateway\/([\w.-]+)\/([^\s\]]+)/;
const NORMAL_CLEARING = 16;

/** The gateway and the (masked) destination of the leg a line names. */
function legOf(f: Finding): { gw: string; dest: string } | undefined {
  const m = f.text.includes("sofia/gateway/") ? GATEWAY.exec(f.text) : null;
  return m?.[1] && m[2] ? { gw: m[1], dest: m[2] } : undefined;
}

/** The gateway a FreeSWITCH hang-up cause came through, and the gateway the same destination then
 *  connected through (a later leg to it that cleared normally). */
export function gatewayComponent(
  first: Finding,
  findings: readonly Finding[],
  generic?: string,
): string | null {
  if (first.namespace !== "q850") return null;
  const leg = legOf(first);
  if (!leg) return null;
  let next: { gw: string; line: number } | undefined;
  for (const f of findings) {
    if (f.line <= first.line || f.namespace !== "q850" || f.code !== NORMAL_CLEARING) continue;
    const other = legOf(f);
    if (other && other.gw !== leg.gw && other.dest === leg.dest) {
      next = { gw: other.gw, line: f.line };
      break;
    }
  }
  const own = `FreeSWITCH gateway ${leg.gw} (the carrier or SBC behind it gave the cause)`;
  const moved = next
    ? `; degraded, since the call to the same number then went out through gateway ${next.gw}, whose leg cleared normally (line ${next.line})`
    : "";
  return `${own}${generic ? ` — ${generic}` : ""}${moved}`;
}
