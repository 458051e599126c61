// The request whose checks fit a failure. A proxy's line refusing a login often names no method
// ("auth failed for 1001@example.com from 203.0.113.66:5088 - sending 403 Forbidden"): its checks
// are the refused registration's (credentials, bans, scans from unknown addresses), not a call's.
// Two 401/403 cases get checks of their own, under keys that are no SIP method: a call (or any
// request but a REGISTER) a PBX refused itself in its own words, and a PBX's own registration that
// its carrier refused. A plain INVITE's 401 is most often a normal challenge, and a REGISTER's 403
// is most often a registrar refusing a phone: neither set of checks fits these two.
import type { Entry } from "../catalog/schema.js";
import { AUTH_REFUSED } from "./scan/host-words.js";
import { refusedHere } from "./scan/pbx-refusals.js";
import type { Finding } from "./scan/scanner.js";

/**
 * The methodChecks key of a request other than REGISTER that this PBX refused itself and logged
 * ("Request 'INVITE' from '…' failed for '…' - No matching endpoint found", FreeSWITCH's "SIP auth
 * failure (INVITE)"): a scanner, an unidentified carrier or a phone with a wrong password.
 */
export const REFUSED_HERE = "REFUSED";
/**
 * The methodChecks key of this PBX's own registration to its carrier, refused by the carrier: the
 * credentials and account this PBX registers with, not a registrar's view of its phones.
 */
export const OWN_REGISTRATION = "OUTBOUNDREGISTER";
/** Detectors of Asterisk's outbound registration results (chan_sip's and res_pjsip's lines). */
const OWN_REGISTRATION_DETECTORS = new Set(["asterisk-registration", "pjsip-registration"]);

const refusal = (f: Finding) => f.namespace === "sip" && (f.code === 401 || f.code === 403);

/** The key of `f`'s checks: its method, or one of the keys above, or REGISTER for a login refused by this system. */
export function checkMethod(f: Finding): string | undefined {
  if (refusal(f)) {
    if (OWN_REGISTRATION_DETECTORS.has(f.detector)) return OWN_REGISTRATION;
    if (refusedHere(f) && f.method !== undefined && f.method !== "REGISTER") return REFUSED_HERE;
  }
  if (f.method !== undefined) return f.method;
  if (!refusal(f) || f.direction === "in") return undefined;
  return f.text.includes("uth") && AUTH_REFUSED.test(f.text) ? "REGISTER" : undefined;
}

/** How many of each refused request's own checks lead a merged list before the rest of any. */
const LEAD = 4;

/**
 * The requests each failure entry failed, in log order. One entry failed for two requests (this PBX
 * refused an unknown carrier's INVITE and a phone's REGISTER with the same 401): each request's own
 * checks are merged, the first failure's leading, since a scan and a wrong password need different
 * fixes and the checklist is short.
 */
export class FailedMethods {
  private readonly methods = new Map<Entry, string[]>();

  /** A failure `f` of entry `e`. */
  see(e: Entry, f: Finding): void {
    const method = checkMethod(f);
    const list = this.methods.get(e);
    if (!list) this.methods.set(e, method ? [method] : []);
    else if (method && !list.includes(method)) list.push(method);
  }

  /**
   * The method whose checks each entry uses; an entry that failed for a few requests with checks of
   * their own gets the merged list in `replaced` instead (unless its checks are replaced already).
   */
  merged(replaced: Map<Entry, readonly string[]>, first: Finding | null): Map<Entry, string> {
    const out = new Map<Entry, string>();
    const firstMethod = first ? checkMethod(first) : undefined;
    for (const [e, list] of this.methods) {
      const [own] = list;
      if (own === undefined) continue;
      out.set(e, own);
      if (list.length < 2 || replaced.has(e)) continue;
      const lead = firstMethod && list.includes(firstMethod) && first?.id === e.id ? firstMethod : own;
      const order = [lead, ...list.filter((m) => m !== lead)];
      const checks = order.map((m) => e.methodChecks?.[m] ?? e.checks);
      if (new Set(checks).size < 2) continue;
      out.set(e, lead);
      replaced.set(e, [...new Set([...checks.flatMap((c) => c.slice(0, LEAD)), ...checks.flat()])]);
    }
    return out;
  }
}
