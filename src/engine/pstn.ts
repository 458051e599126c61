// ACS and Teams Direct Routing subcodes with a PSTN prefix: ACS documents that a 540xxx or 560xxx
// subcode means the final answer came from the operator or your own SBC (540 inbound, 560
// outbound), and in the documented pairs (486/560486, 487/540487) the last three digits repeat
// the SIP code. Shared by lookups and the scan, so both say the same for a subcode the catalog lacks.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { Finding } from "./scan/scanner.js";

export interface PstnSubcode {
  prefix: "540" | "560";
  /** "inbound" for 540, "outbound" for 560. */
  leg: "inbound" | "outbound";
  /** The SIP code in the last three digits (0 for a normal end). */
  sip: number;
  /** What ACS documents for the prefix, as a clause ("a 560 prefix means …"). */
  meaning: string;
}

/** The prefix reading of `n`, when it is a six-digit 540xxx/560xxx number. */
export function pstnSubcode(n: number | null | undefined): PstnSubcode | undefined {
  if (n === null || n === undefined || n < 540000 || n > 560999) return undefined;
  const digits = `${n}`;
  const prefix = digits.slice(0, 3);
  if (prefix !== "540" && prefix !== "560") return undefined;
  const leg = prefix === "540" ? "inbound" : "outbound";
  return {
    prefix,
    leg,
    sip: Number(digits.slice(3)),
    meaning:
      prefix === "560"
        ? "a 560 prefix means the final answer came from the operator or your own SBC on an outbound call, not from Microsoft (Teams Direct Routing documents the same)"
        : "a 540 prefix marks an answer from the operator or your own SBC on an inbound call; Teams Direct Routing's own documentation ties only 560 to the SBC, so on a Direct Routing call a 540xxx code comes from Microsoft",
  };
}

/**
 * A scanned ACS result whose PSTN subcode the catalog lacks (480/560480): the SIP entry its last
 * digits name gives the checks, and the SBC or carrier is the side to look at, not the ACS client.
 */
export function pstnResult(
  catalog: Catalog,
  f: Finding,
): { entry: Entry | undefined; component: string; check: string } | undefined {
  if (f.namespace !== "acs") return undefined;
  const pstn = pstnSubcode(f.subcode);
  const listed = f.id ? catalog.byId.get(f.id) : undefined;
  if (!pstn || listed?.subcode === f.subcode) return undefined;
  const entry = pstn.sip > 0 ? catalog.byId.get(`sip/${pstn.sip}`) : undefined;
  const sip = entry ? `SIP ${entry.code} ${entry.title}` : "final answer";
  return {
    entry,
    component: `The SBC or carrier on the ${pstn.leg} PSTN leg (ACS ${f.code}/${f.subcode}: ${pstn.meaning})`,
    check: `Check the SBC or carrier logs for the ${sip} on the ${pstn.leg} PSTN leg and the cause behind it`,
  };
}
