// Teams Direct Routing's `ms-diagnostics:` header: Microsoft's own reason for a SIP response, as a
// subcode ("560486;reason=\"Callee is busy\";source=…"). The subcode is no SIP code: it only means
// something paired with the response that carries it, like the PSTN usage report's "Final SIP code"
// and "Final Microsoft subcode" (csv.ts).
import type { Catalog } from "../../catalog/indexes.js";
import type { Finding } from "./finding.js";

export interface Diagnostics {
  subcode: number;
  /** Microsoft's reason text, if the header gives one. */
  reason?: string;
}

/** The header names, lower case: the public variant is what Microsoft shows to the other side. */
export function isDiagnosticsHeader(name: string): boolean {
  return name === "ms-diagnostics" || name === "ms-diagnostics-public";
}

const VALUE = /^(\d{1,7})(?![\d.])(?:[^;]*;)?(?:.*?\breason\s*=\s*"([^"]{1,120})")?/i;

/** The subcode and reason of a header value; undefined when it starts with no number. */
export function parseDiagnostics(value: string): Diagnostics | undefined {
  const m = VALUE.exec(value.trim());
  if (!m?.[1]) return undefined;
  const d: Diagnostics = { subcode: Number(m[1]) };
  const reason = m[2]?.trim();
  if (reason) d.reason = reason;
  return d;
}

/**
 * Pairs a SIP status finding with the subcode of its message's ms-diagnostics header: the ACS
 * call-end pair when the catalog has it (ACS 486/560486); otherwise the finding keeps its SIP entry
 * and carries the subcode, which Microsoft's reason names in the finding's reason too. A subcode of 0 says nothing. The finding stays a SIP
 * response either way (its namespace): what the SBC got on the wire is judged by SIP's rules (a
 * busy callee is a failed call, a 487 after a CANCEL is not), though ACS files 486/560486 under
 * "Success".
 */
export function pairDiagnostics(f: Finding, d: Diagnostics, catalog: Catalog): void {
  if (f.namespace !== "sip" || d.subcode === 0) return;
  const id = `acs/${f.code}-${d.subcode}`;
  if (catalog.byId.has(id)) {
    f.subcode = d.subcode;
    f.id = id;
    return;
  }
  // Unpaired, the subcode still travels with the SIP code (`--json` shows it; analysis names it).
  f.subcode = d.subcode;
  const why = d.reason ? `: ${d.reason}` : "";
  f.reason = `${f.reason ? `${f.reason} ` : ""}(Microsoft subcode ${d.subcode}${why})`;
}
