// The dependency a line names as the side that failed: "CXAPI responded 504 Gateway Timeout" (the
// status is CXAPI's answer to Mobius), "mobius-error: 120, due to CXAPI error response" (Mobius
// says whose failure it surfaces). The names are the catalog's dependencies, so a new one is data.
import { LogMessage } from "../../catalog/schema.js";
import type { Hit } from "./hit.js";

/**
 * Services a line can name as the one that answered: the catalog's dependency names written as
 * proper names (not "client" or "local-map"), and not Mobius, whose own statuses are read as such.
 */
const NAMES = LogMessage.shape.dependency.options.filter((n) => /^[A-Z]/.test(n) && n !== "Mobius");
const ALT = NAMES.join("|");

/** Any of the names, to rule a line out with one search. */
const ANY = new RegExp(`\\b(?:${ALT})\\b`);
/**
 * The name as the subject of the status: "CXAPI responded 504", "CPAPI returned HTTP 403", "SSE
 * answered with a 503", "CI replied: 401". Group 1 is the name, group 2 the status.
 */
const ANSWERED = new RegExp(
  `\\b(${ALT})\\b[ \\t]+(?:responded|returned|answered|replied|failed)(?:[ \\t]+with)?(?:[ \\t]+(?:an?|HTTP|status|code|error|SIP\\/2\\.0)){0,3}[ \\t:]+([4-6]\\d\\d)(?!\\d)`,
  "g",
);
/**
 * Mobius's "due to …" naming the dependency, in either word order: first ("due to CXAPI error
 * response", "due to CI token validation failure") or after "from" ("due to error response from
 * SSE", the seed's own wording). Group 1 or group 2 is the name.
 */
const DUE_TO = new RegExp(
  `\\bdue to[ \\t]+(?:an?[ \\t]+|the[ \\t]+)?(?:(${ALT})\\b|[\\w \\t-]{0,40}?\\bfrom[ \\t]+(?:the[ \\t]+)?(${ALT})\\b)`,
);

/**
 * Whether a Mobius error's "due to" dependency is the side that failed. A 4xx call error "from SSE"
 * (403/118, 403/119) is the SIP refusal of a hop behind the SSE that it only relayed, and that SIP
 * code (488, 603…) tells more than the relay; a 5xx (120 "SSE rejected the request") is the SSE's own.
 */
function failedDependency(h: Hit, m: RegExpExecArray): string | undefined {
  const first = m[1];
  if (first) return first;
  const after = m[2];
  if (after === "SSE" && h.code < 500) return undefined;
  return after;
}

/**
 * Sets `dependency` on the failures in `hits` (found in `segment`) whose line names the service
 * that answered: a SIP or HTTP status that service answered with, and a Mobius error whose "due
 * to" names it. Normal traffic never names a failing dependency.
 */
export function nameDependencies(segment: string, hits: readonly Hit[]): void {
  if (!ANY.test(segment)) return;
  let answered: Map<number, string> | undefined;
  for (const h of hits) {
    if (h.dependency) continue;
    if (h.namespace === "mobius") {
      const m = DUE_TO.exec(segment);
      const d = m ? failedDependency(h, m) : undefined;
      if (d) h.dependency = d;
      continue;
    }
    if ((h.namespace !== "http" && h.namespace !== "sip") || h.code < 400) continue;
    if (!answered) {
      answered = new Map();
      ANSWERED.lastIndex = 0;
      for (let m = ANSWERED.exec(segment); m !== null; m = ANSWERED.exec(segment))
        answered.set(Number(m[2]), m[1] ?? "");
    }
    const d = answered.get(h.code);
    if (d) h.dependency = d;
  }
}
