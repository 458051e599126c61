// The words and verdicts the analysis uses for one finding: its label ("SIP 486 Busy Here") and
// whether it is normal traffic rather than a failure.
import type { Catalog } from "../catalog/indexes.js";
import type { ChallengeOutcome } from "./challenge.js";
import { entryLabel } from "./labels.js";
import type { Finding } from "./scan/scanner.js";

export function label(catalog: Catalog, f: Pick<Finding, "namespace" | "code" | "subcode" | "id">): string {
  const e = f.id ? catalog.byId.get(f.id) : undefined;
  if (e && (e.subcode === f.subcode || f.namespace !== "acs")) return entryLabel(e);
  const ns = {
    sip: "SIP",
    q850: "Q.850 cause",
    http: "HTTP",
    mobius: "Mobius",
    acs: "ACS",
    exotel: "Exotel API",
  }[f.namespace as "sip"];
  return `${ns ?? f.namespace} ${f.code}${f.subcode === null ? "" : `/${f.subcode}`}`;
}

/** Normal traffic: provisional and success responses (SIP, HTTP, Mobius), causes for normal clearing, a digest
 *  challenge or a 422/423/491 whose retry got through (see challenge.ts), a 487 to a call the caller cancelled
 *  and a losing branch's refusal after another branch answered (`cancelled`, see cancels.ts), ACS "Success"
 *  end reasons. */
export function isNormal(
  catalog: Catalog,
  f: Finding,
  challenge: ChallengeOutcome | undefined,
  cancelled: boolean,
): boolean {
  const e = f.id ? catalog.byId.get(f.id) : undefined;
  if (f.namespace === "sip" || f.namespace === "http") {
    if (f.code < 400 || cancelled) return true;
    return challenge !== undefined && challenge.kind !== "unanswered";
  }
  // Normal clearing is normal, unless the line itself reports a failure ("Originate Failed. Cause: …").
  if (f.namespace === "q850") return (f.code === 16 || f.code === 31) && !/fail|error/i.test(f.text);
  // ACS success codes (0, 2xx) with subcodes the catalog does not list are still successes.
  if (f.namespace === "acs") return e ? e.resultCategory === "Success" : f.code < 300;
  // Mobius statuses are HTTP statuses: a 1xx/2xx without a mobius-error is a request that worked.
  if (f.namespace === "mobius") return f.code < 300 && f.subcode === null;
  return false;
}
