// A Teams Direct Routing response whose ms-diagnostics subcode the catalog pairs with nothing: the
// scan keeps the SIP code and the subcode, and this says in words what Microsoft added (its subcode
// and reason) and what the subcode's prefix means, as a lookup of the subcode would.

import { pstnSubcode } from "./pstn.js";
import type { Finding } from "./scan/scanner.js";

/** Notes for at most this many distinct unpaired subcodes. */
const MAX_NOTES = 2;

const MICROSOFT_REASON = /\(Microsoft subcode \d+: ([^)]*)\)/;

/**
 * "SIP 403 Forbidden on line 2 came with Microsoft subcode 560403 ("Call rejected by the callee")
 * in its ms-diagnostics header, which the catalog pairs with no ACS entry. ACS documents that …".
 */
export function diagnosticsNotes(failing: readonly Finding[], named: (f: Finding) => string): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const f of failing) {
    if (notes.length >= MAX_NOTES) break;
    if (f.namespace !== "sip" || f.subcode === null || !f.id?.startsWith("sip/")) continue;
    const key = `${f.code}/${f.subcode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const why = f.reason ? MICROSOFT_REASON.exec(f.reason)?.[1] : undefined;
    const said = why ? ` ("${why}")` : "";
    let note = `${named(f)} on line ${f.line} came with Microsoft subcode ${f.subcode}${said} in its ms-diagnostics header; the catalog pairs that subcode with no ACS entry.`;
    const pstn = pstnSubcode(f.subcode);
    if (pstn) note += ` ACS documents that ${pstn.meaning}.`;
    notes.push(note);
  }
  return notes;
}
