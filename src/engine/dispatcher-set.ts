// A proxy's dispatcher probes its destinations with OPTIONS ("OPTIONS-Request was finished with code
// 408 (to sip:10.0.0.21:5060, group 1)", logged alike by Kamailio and OpenSIPS). When every probe the
// log shows for a set failed and the proxy then answered a call's 503 itself ("no gateways", "no
// destination available in set 1"), the outage is the set's: the component says so. OpenSIPS has
// no kamcmd: its probe checks name its own MI command.
import type { Entry } from "../catalog/schema.js";
import { ownRequestEnded } from "./scan/host-words.js";
import type { Finding } from "./scan/scanner.js";

/** The set a probe's line names, after its destination. */
const GROUP = /\(to [^,()\n]{1,120}, group (\d{1,6})\)/;
/** A proxy's own 503 for a call because the set had no destination left. */
const NONE_LEFT = /\bno (?:gateways?|destinations?)\b|\bds_select_dst\b|\bno more destinations\b/i;
/** The most destinations named. */
const MAX_NAMED = 4;

const KAMCMD_DS = "In Kamailio, `kamcmd dispatcher.list`";
const OPENSIPS_DS =
  "In OpenSIPS, `opensips-cli -x mi ds_list` shows each destination of the set and its state: the ones its OPTIONS probes marked probing or inactive get no calls";

/** Whether `f` is a dispatcher's own OPTIONS probe that ended in a failure. */
function failedProbe(f: Finding): boolean {
  return f.method === "OPTIONS" && f.host !== undefined && f.code >= 300 && ownRequestEnded(f.text);
}

/** Whether the line was written by OpenSIPS (its syslog tag or its name). */
function byOpenSips(text: string): boolean {
  return text.includes("opensips") || text.includes("OpenSIPS");
}

/**
 * The checks of an OpenSIPS dispatcher probe that failed: the entry's OPTIONS checks with OpenSIPS's
 * MI command first, in place of Kamailio's kamcmd.
 */
export function openSipsProbeChecks(e: Entry, f: Finding): string[] | undefined {
  if (!byOpenSips(f.text) || !failedProbe(f)) return undefined;
  const own = e.methodChecks?.OPTIONS;
  if (!own) return undefined;
  return [OPENSIPS_DS, ...own.filter((c) => !c.startsWith(KAMCMD_DS))];
}

/**
 * "; every destination of dispatcher set 1 the log shows probed failed its probe (10.0.0.21:5060
 * timed out, 10.0.0.22:5060 answered 503), so the proxy had none left and answered the call's 503
 * itself (line 4)", when `first` is such a probe and the proxy's own 503 for a call follows.
 */
export function deadSetWords(first: Finding, findings: readonly Finding[]): string {
  if (!failedProbe(first)) return "";
  const group = GROUP.exec(first.text)?.[1];
  if (group === undefined) return "";
  const failed = new Map<string, number>();
  let refusal: Finding | undefined;
  for (const f of findings) {
    if (f.line < first.line) continue;
    if (failedProbe(f)) {
      if (GROUP.exec(f.text)?.[1] !== group) continue;
      if (!failed.has(f.host as string) && failed.size < MAX_NAMED) failed.set(f.host as string, f.code);
    } else if (f.code === 503 && f.namespace === "sip" && f.direction !== "in" && NONE_LEFT.test(f.text)) {
      refusal = f;
      break;
    }
  }
  if (!refusal) return "";
  const each = [...failed].map(([h, code]) => (code === 408 ? `${h} timed out` : `${h} answered ${code}`));
  const all =
    failed.size > 1 ? "every destination of dispatcher set" : "the one destination of dispatcher set";
  return `; ${all} ${group} the log shows probed failed its probe (${each.join(", ")}), so the proxy had none left and answered the call's 503 itself (line ${refusal.line})`;
}
