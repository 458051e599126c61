// The checks a FreeSWITCH gateway's own lines call for, in place of its entry's usual ones: a failed
// ping that took the gateway DOWN with no refused call logged yet (the ping's checks, then what being
// DOWN means), a failed ping that left it UP (no outage: the keepalive's own checks), and a refused
// call that went out through another gateway (confirm that leg carried the same destination).
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { missBehind, missChecks } from "./dialplan.js";
import { openSipsProbeChecks } from "./dispatcher-set.js";
import { refusalNextLeg } from "./gateway-failover.js";
import { gatewayLine } from "./gateway-lines.js";
import { failedPing, pingStory } from "./gateway-pings.js";
import type { Finding } from "./scan/scanner.js";
import { silentProbes, silentProbesChecks } from "./silent-probes.js";

/** How the catalog names a check for FreeSWITCH's GATEWAY_DOWN on the 503 entry it stands for. */
const DOWN_PREFIX = "For FreeSWITCH's own GATEWAY_DOWN, ";
const DOWN_ENTRY = "sip/503";
/** The 503 entry's reachability check: the ping's own checks already ask it of the pinged peer. */
const REACHABILITY = /\bis reachable from this host\b/;

/** The checks that replace entry `e`'s for finding `f`, when `f` is one of a gateway's own lines. */
export function gatewayChecks(
  catalog: Catalog,
  e: Entry,
  f: Finding,
  findings: readonly Finding[],
): readonly string[] | undefined {
  const ping = failedPing(f);
  if (ping) return pingChecks(catalog, e, f, findings);
  if (f.direction === "local" && f.reason === "GATEWAY_DOWN") return refusalChecks(catalog, f, findings);
  // OpenSIPS's dispatcher probe: its own MI command, not Kamailio's kamcmd.
  const openSips = f.method === "OPTIONS" ? openSipsProbeChecks(e, f) : undefined;
  if (openSips) return openSips;
  // A 404 Asterisk's dialplan gave (its own line, or a trace's 404 from it with that line): its
  // context and the number's format lead, before the 404's usual checks.
  const miss = f.code === 404 ? missBehind(f, findings) : undefined;
  if (miss) return [...missChecks(miss), ...e.checks];
  // A proxy's own timeout naming no host, and its probes of a destination timed out too.
  const probes = f.host || f.code !== 408 ? undefined : silentProbes(f, findings);
  if (probes) return [...silentProbesChecks(probes, e.methodChecks?.OPTIONS ?? []), ...e.checks];
  return undefined;
}

function pingChecks(
  catalog: Catalog,
  e: Entry,
  f: Finding,
  findings: readonly Finding[],
): readonly string[] | undefined {
  const story = pingStory(f, findings);
  // Refusals or a later outage: the GATEWAY_DOWN checks the calls it cost bring lead (checklist.ts).
  if (!story || story.refused.length > 0 || story.downAgain) return undefined;
  if (story.stayedUp) return stayedUpChecks(story.gw, f.code);
  const own = e.methodChecks?.OPTIONS ?? e.checks;
  return [...own, ...downChecks(catalog, story.gw)];
}

/**
 * The 503 entry's GATEWAY_DOWN checks for gateway `gw`, said of it by name and without the "For
 * FreeSWITCH's own" prefix: after a ping's checks they follow them rather than lead (checklist.ts
 * puts the prefixed ones first), and the reachability one repeats the ping's own.
 */
function downChecks(catalog: Catalog, gw: string): string[] {
  const checks = catalog.byId.get(DOWN_ENTRY)?.checks ?? [];
  const down = checks
    .filter((c) => c.startsWith(DOWN_PREFIX) && !REACHABILITY.test(c))
    .map((c) =>
      upperFirst(c.slice(DOWN_PREFIX.length)).replace(
        "gateway NAME` for the gateway in the bridge dial string",
        `gateway ${gw}\``,
      ),
    );
  return [
    `Until a ping to gateway ${gw} succeeds, FreeSWITCH refuses every call through it itself with GATEWAY_DOWN (a SIP 503 it makes up, nothing sent to the carrier): check whether calls through it failed at that time`,
    ...down,
  ];
}

/** A failed keepalive that left the gateway in service: the ping's own checks, not an outage's. */
function stayedUpChecks(gw: string, code: number): string[] {
  const answer =
    code === 408
      ? `The far end never answered gateway ${gw}'s OPTIONS keepalive (FreeSWITCH timed it out with 408): capture on this host to see whether the OPTIONS left and whether any answer came back`
      : `The far end answered gateway ${gw}'s OPTIONS keepalive with ${code}: it is reachable, so ask the carrier why it refused the ping (maintenance, overload, OPTIONS from this address rate-limited or not allowed)`;
  return [
    answer,
    `Gateway ${gw} is still in service: FreeSWITCH kept it UP, so calls through it still went out; a call that failed then has a cause of its own to look for`,
    `Watch whether more pings fail: \`sofia status gateway ${gw}\` shows its state and ping count, and FreeSWITCH marks it DOWN (refusing calls with GATEWAY_DOWN) once failed pings bring the count below ping-min`,
    `Check the gateway's ping (seconds between OPTIONS), ping-min and ping-max settings: they decide how many failed pings take it DOWN and how many answered ones bring it back`,
  ];
}

/** A refused call that went out through another gateway: its checks, and confirming the leg. */
function refusalChecks(
  catalog: Catalog,
  f: Finding,
  findings: readonly Finding[],
): readonly string[] | undefined {
  const refused = gatewayLine(f.text);
  const gw = refused?.kind === "refused" || refused?.kind === "leg" ? refused.gw : undefined;
  const next = refusalNextLeg(f, gw, findings);
  if (!next) return undefined;
  const checks = (catalog.byId.get(DOWN_ENTRY)?.checks ?? []).filter((c) => c.startsWith(DOWN_PREFIX));
  const from = gw ? `sofia/gateway/${gw}/…|sofia/gateway/${next.gw}/…` : `…|sofia/gateway/${next.gw}/…`;
  return [
    ...checks,
    `Confirm the leg through gateway ${next.gw} (line ${next.f.line}) carried the refused call's destination: compare the numbers each gateway gets in the bridge dial string (${from}), since each may be given its own format`,
  ];
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
