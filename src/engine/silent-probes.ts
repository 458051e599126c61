// A proxy's own timeout of a call (Kamailio tm's "T_code=100, new_code=408") names no host: tm does
// not say which branch it gave up on. When the same proxy's dispatcher probes also timed out
// ("OPTIONS-Request was finished with code 408 (to sip:10.0.0.21:5060, group 1)"), the destination
// those probes found dead is where the call's request went unanswered too: the component and the
// checks name it rather than a generic "downstream proxy".
import { ownRequestEnded } from "./scan/host-words.js";
import type { Finding } from "./scan/scanner.js";

/** The most probed destinations named. */
const MAX_NAMED = 3;

export interface SilentProbes {
  /** The destinations that never answered, in log order. */
  hosts: string[];
  /** The line of the first such probe. */
  line: number;
}

/** Whether `f` is a 408 the log's own system gave itself, naming no host (tm's timeout of a call). */
function hostlessTimeout(f: Finding): boolean {
  return f.namespace === "sip" && f.code === 408 && !f.host && f.method !== "OPTIONS";
}

/** Whether `f` is the log's own OPTIONS probe ended by its own timer ("… finished with code 408 (to X"). */
function silentProbe(f: Finding): boolean {
  return (
    f.namespace === "sip" &&
    f.code === 408 &&
    f.host !== undefined &&
    f.direction === "local" &&
    f.method === "OPTIONS" &&
    ownRequestEnded(f.text)
  );
}

/** The destinations this system's probes found silent, when `first` is a host-less timeout of its own. */
export function silentProbes(first: Finding | null, findings: readonly Finding[]): SilentProbes | undefined {
  if (!first || !hostlessTimeout(first)) return undefined;
  const hosts: string[] = [];
  let line = 0;
  for (const f of findings) {
    if (f.code !== 408 || !silentProbe(f)) continue;
    if (hosts.length === 0) line = f.line;
    if (!hosts.includes(f.host as string)) hosts.push(f.host as string);
    if (hosts.length >= MAX_NAMED) break;
  }
  return hosts.length > 0 ? { hosts, line } : undefined;
}

/**
 * The failing component of a host-less timeout whose proxy's probes found destinations silent: the
 * destination is what failed, and the 408 is only the proxy's own way of ending the call's request.
 */
export function silentProbesComponent(p: SilentProbes): string {
  const many = p.hosts.length > 1;
  return `${p.hosts.join(", ")}, which never answered this system's OPTIONS probes (line ${p.line}): ${many ? "destinations" : "a destination"} that ${many ? "are" : "is"} down, so the call's request routed there got no answer and the proxy ended it with the 408 itself`;
}

/** The checks of a host-less timeout whose proxy's probes found destinations silent: those first. */
export function silentProbesChecks(p: SilentProbes, probeChecks: readonly string[]): string[] {
  return [
    `Check ${p.hosts.join(", ")}: this system's OPTIONS probes to it timed out too (line ${p.line}), so calls routed there go unanswered; confirm it is up and reachable, and that the dispatcher marked it inactive so calls fail over`,
    ...probeChecks,
  ];
}
