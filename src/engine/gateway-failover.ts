// What came after a FreeSWITCH gateway failed, through the other gateways: the next leg after a
// refusal ("Gateway 'carrier_a' is down!" then "Cannot create outgoing channel … [GATEWAY_DOWN]")
// that went out through another gateway and connected is the bridge string's next gateway
// ("sofia/gateway/carrier_a/…|sofia/gateway/carrier_b/…"): calls fail over. The refusal names no
// number, so the leg that follows it is the one tried next. And a gateway that recovered is not the
// failure to chase when another gateway went DOWN after it and stayed down.
import { gatewayLine } from "./gateway-lines.js";
import { sameNumber } from "./gateway-numbers.js";
import type { Finding } from "./scan/scanner.js";

const NORMAL_CLEARING = 16;

/** A leg's outcome that means the call connected: a 2xx, or a cause 16 hang-up. */
export function isSuccess(f: Finding): boolean {
  return f.namespace === "sip"
    ? f.code >= 200 && f.code < 300
    : f.namespace === "q850" && f.code === NORMAL_CLEARING;
}

/** The next leg after FreeSWITCH refused one through `gw`, when it went through another gateway and
 *  connected: the failover leg, with the destination it was placed to (masked as in its line). */
export function refusalNextLeg(
  refusal: Finding,
  gw: string | undefined,
  findings: readonly Finding[],
): { f: Finding; gw: string; dest: string } | undefined {
  for (const f of findings) {
    if (f.line <= refusal.line || !f.text.includes("sofia/gateway/")) continue;
    const g = gatewayLine(f.text);
    if (g?.kind !== "leg") continue;
    // A leg through the refused gateway itself, or one that failed: no failover shown.
    if (g.gw === gw || !isSuccess(f)) return undefined;
    return { f, gw: g.gw, dest: g.dest };
  }
  return undefined;
}

/** A leg's destination worth naming: a number (masked), not a bare word or an empty user part. */
function named(dest: string | undefined): dest is string {
  return dest !== undefined && /\d/.test(dest);
}

/**
 * "; degraded, since the next leg … went out through gateway carrier_b to +141•••23 …", or "". The
 * refused leg's own destination (`refusedDest`) is known only when its line names it: when both are
 * known and their digits differ, the failover may have carried another number (each gateway in a
 * bridge dial string gets its own), and the engineer must not take the call as delivered. The same
 * number in another format (+1415…, 1415…, 001415…) is only written differently, and said so.
 */
export function refusalFailover(
  refusal: Finding,
  gw: string | undefined,
  findings: readonly Finding[],
  refusedDest?: string,
): string {
  const next = refusalNextLeg(refusal, gw, findings);
  if (!next) return "";
  const how = next.f.namespace === "sip" ? "where it was answered" : "whose leg cleared normally";
  const writing = named(refusedDest) && named(next.dest) ? otherNumber(refusedDest, next.dest) : undefined;
  const to = named(next.dest) ? ` to ${next.dest}${writing?.format ?? ""}` : "";
  const differ = writing?.differs ?? "";
  return `; degraded, since the next leg after FreeSWITCH refused the call (line ${refusal.line}) went out through gateway ${next.gw}${to}, ${how} (line ${next.f.line})${differ}: calls fail over to ${next.gw}`;
}

/**
 * How the failover leg's number `dest` compares with the refused leg's: another number (said at the
 * end), or the same one written differently (said after the number).
 */
function otherNumber(refusedDest: string, dest: string): { differs?: string; format?: string } {
  if (refusedDest === dest) return {};
  const match = sameNumber(refusedDest, dest);
  if (match === "differs")
    return { differs: `, but to a different number than the refused leg's ${refusedDest}` };
  // Masked numbers that agree where both show digits may still differ in the hidden ones.
  const shown = match === "unknown" ? "; the digits the mask shows match" : "";
  return { format: ` (written differently from the refused leg's ${refusedDest}${shown})` };
}

/** A gateway found down: its failed ping left it DOWN, or FreeSWITCH refused a call through it. */
function downSign(f: Finding): string | undefined {
  const g = gatewayLine(f.text);
  if (g?.kind === "ping" && !g.ok && f.code >= 300 && g.state !== "UP") return g.gw;
  if (g?.kind === "refused" && g.why === "down") return g.gw;
  return undefined;
}

/** Whether gateway `gw` is still down at the end of the log after `from`: no later ping found it UP. */
function stillDown(gw: string, from: Finding, findings: readonly Finding[]): boolean {
  let down = true;
  for (const f of findings) {
    if (f.line <= from.line || !f.text.includes(gw)) continue;
    const g = gatewayLine(f.text);
    if (!g || g.gw !== gw) continue;
    if (g.kind === "ping" && g.ok && f.code < 300) down = false;
    else if (downSign(f) === gw) down = true;
  }
  return down;
}

/** The first sign, after line `after`, of another gateway than `gw` that went down and stayed down. */
export function laterDownGateway(
  gw: string,
  after: number,
  findings: readonly Finding[],
): { gw: string; f: Finding } | undefined {
  const seen = new Set<string>([gw]);
  for (const f of findings) {
    // Cheap literal checks first: only a ping or a refusal can say a gateway is down.
    if (f.line <= after || (!f.text.includes("Ping ") && !f.text.includes("ateway '"))) continue;
    const other = downSign(f);
    if (!other || seen.has(other)) continue;
    seen.add(other);
    if (stillDown(other, f, findings)) return { gw: other, f };
  }
  return undefined;
}
