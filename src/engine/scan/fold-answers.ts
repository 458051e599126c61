// Which later finding answers a challenge the finding store keeps waiting (a 401/407, or a SIP
// 422/423/491 a retry may settle): the rule analyze uses to call a challenge normal.
import { isRetriedCode, requestTarget, sameTarget } from "../challenge.js";
import type { Finding } from "./finding.js";

/** A 401/407 challenge, or a SIP 422/423/491 a retry may settle: kept until a 2xx answers it. */
export const isChallenge = isRetriedCode;

/** Whether `g` answers the challenge `f`, by the rule analyze uses to call a challenge normal
 *  (for HTTP, the same request target). */
export function answers(f: Finding, g: Finding): boolean {
  return (
    g.namespace === f.namespace &&
    g.code >= 100 &&
    g.code < 300 &&
    (!f.method || !g.method || g.method === f.method) &&
    (!f.callId || !g.callId || g.callId === f.callId || f.method === "REGISTER") &&
    (f.namespace !== "http" || sameTarget(requestTarget(f), requestTarget(g)))
  );
}
