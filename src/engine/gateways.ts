// FreeSWITCH names an outbound leg by the gateway it went through ("Hangup
// sofia/gateway/carrier_a/+1415… [CS_CONSUME_MEDIA] [NORMAL_TEMPORARY_FAILURE]", or with loglevel
// debug "Channel sofia/gateway/carrier_a/… entering state [terminated][503]"): that gateway's
// carrier gave the cause. A later leg to the same number through another gateway that was answered
// or cleared normally is a failover (a bridge string "sofia/gateway/a/…|sofia/gateway/b/…"), so
// the call connected there. A gateway's own OPTIONS ping and REGISTER name it too. A leg FreeSWITCH
// refused itself before sending anything (INVALID_GATEWAY, GATEWAY_DOWN) points at its own gateway
// settings, not at a carrier: no request went out, so nobody answered it.
import { isSuccess, laterDownGateway, refusalFailover } from "./gateway-failover.js";
import { type GatewayLine, gatewayLine } from "./gateway-lines.js";
import { sameNumber } from "./gateway-numbers.js";
import { type PingStory, pingOutcome, pingStory } from "./gateway-pings.js";
import type { Finding } from "./scan/scanner.js";

/**
 * FreeSWITCH's own causes for a leg to a gateway that mod_sofia refused before sending anything: no
 * gateway by that name is loaded on a running profile ("Invalid Gateway 'NAME'"), or the gateway is
 * marked DOWN, which FreeSWITCH does when its OPTIONS pings fail ("Gateway 'NAME' is down!").
 */
const REFUSALS: Readonly<Record<string, (gw: string | undefined) => string>> = {
  INVALID_GATEWAY: (gw) =>
    `This FreeSWITCH's gateway configuration: ${gw ? `gateway ${gw}` : `the gateway the bridge dial string names (${DIAL_STRING})`} is not loaded on any running sofia profile, so FreeSWITCH refused the leg itself (INVALID_GATEWAY) and sent nothing`,
  GATEWAY_DOWN: (gw) =>
    `${gw ? `FreeSWITCH gateway ${gw}` : `The FreeSWITCH gateway the bridge dial string names (${DIAL_STRING})`}, which FreeSWITCH had marked DOWN after its OPTIONS pings failed, so it refused the leg itself (GATEWAY_DOWN) and sent nothing to the carrier`,
};
const DIAL_STRING = "sofia/gateway/NAME/…";

/** The leg FreeSWITCH refused to a gateway, in words, or null for any other failure. */
function refusedLeg(
  first: Finding,
  line: GatewayLine | undefined,
  findings: readonly Finding[],
): string | null {
  const refusal = first.direction === "local" && first.reason ? REFUSALS[first.reason] : undefined;
  if (!refusal) return null;
  // "Cannot create outgoing channel … [GATEWAY_DOWN]" names no gateway: the lines above it do.
  // A refused leg that names its number: the same number through another gateway, else the next
  // gateway leg, whose number is then said when it differs.
  const next =
    line?.kind === "leg"
      ? failover(first, line, findings) || refusalFailover(first, line.gw, findings, line.dest)
      : refusalFailover(first, line?.kind === "refused" ? line.gw : undefined, findings);
  return refusal(line?.gw) + next;
}

/** The later leg to the same destination through another gateway that connected, in words. */
function failover(first: Finding, leg: { gw: string; dest: string }, findings: readonly Finding[]): string {
  for (const f of findings) {
    if (f.line <= first.line || !isSuccess(f)) continue;
    const other = gatewayLine(f.text);
    // The same number in another format (+1415…, 1415…) is the same destination, when the digits
    // show it: masked ones that only look alike in another format are left to refusalFailover's words.
    if (other?.kind !== "leg" || other.gw === leg.gw) continue;
    if (other.dest !== leg.dest && sameNumber(other.dest, leg.dest) !== "same") continue;
    const how = f.namespace === "sip" ? "where it was answered" : "whose leg cleared normally";
    return `; degraded, since the call to the same number then went out through gateway ${other.gw}, ${how} (line ${f.line})`;
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
    // FreeSWITCH's own timeout of its OPTIONS transaction: the carrier never answered the ping.
    const silent = first.code === 408 ? " as the carrier never answered" : "";
    return `its OPTIONS ping got ${first.code}${silent}${down}`;
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
 *  destination then connected through, or the ping that found the gateway back (gateway-pings.ts). */
export function gatewayComponent(
  first: Finding,
  findings: readonly Finding[],
  generic?: string,
): string | null {
  if (first.namespace !== "q850" && first.namespace !== "sip") return null;
  const line = gatewayLine(first.text);
  const refused = refusedLeg(first, line, findings);
  if (refused) return refused;
  if (!line) return null;
  const own = `FreeSWITCH gateway ${line.gw} (${what(first, line)})`;
  // The catalog's usual sender of a cause FreeSWITCH made up itself says nothing about this leg, nor
  // the usual sender of a 408 about FreeSWITCH's own ping that timed out.
  const own408 = line.kind === "ping" && first.code === 408;
  const usual = generic && first.direction !== "local" && !own408 ? ` — ${generic}` : "";
  if (line.kind !== "ping")
    return `${own}${usual}${line.kind === "leg" ? failover(first, line, findings) : ""}`;
  const story = pingStory(first, findings) ?? { gw: line.gw, stayedUp: false, refused: [] };
  return laterOutage(first, story, own, findings) ?? `${own}${usual}${pingOutcome(story, findings)}`;
}

/**
 * A gateway that recovered is not the failure to chase when another gateway went DOWN after it and
 * stayed down: that one is failing now, and the recovered one is told as an earlier outage.
 */
function laterOutage(
  first: Finding,
  story: PingStory,
  own: string,
  findings: readonly Finding[],
): string | null {
  if (story.stayedUp || !story.up || story.downAgain) return null;
  const later = laterDownGateway(story.gw, story.up.line, findings);
  if (!later) return null;
  const { gw, f } = later;
  const how =
    gatewayLine(f.text)?.kind === "ping"
      ? `its OPTIONS ping got ${f.code} on line ${f.line}, and FreeSWITCH marked it DOWN`
      : `FreeSWITCH had marked it DOWN and refused a call through it itself on line ${f.line} (GATEWAY_DOWN), sending nothing to the carrier`;
  const earlier = own.replace(/^FreeSWITCH gateway /, "");
  return `FreeSWITCH gateway ${gw} (${how}; no later ping found it UP)${refusalsAfter(gw, f, findings)}; earlier, FreeSWITCH gateway ${earlier} on line ${first.line}${pingOutcome(story, findings)}`;
}

/** The failover after the last refusal through `gw` from `from` on, if the log shows one. */
function refusalsAfter(gw: string, from: Finding, findings: readonly Finding[]): string {
  let last: Finding | undefined;
  for (const f of findings) {
    if (f.line < from.line || !f.text.includes("ateway '")) continue;
    const g = gatewayLine(f.text);
    if (g?.kind === "refused" && g.gw === gw) last = f;
  }
  return last ? refusalFailover(last, gw, findings) : "";
}
