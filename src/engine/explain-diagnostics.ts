// "ms-diagnostics: 560403": the number in a Teams Direct Routing ms-diagnostics header is a
// Microsoft subcode, not a SIP code. Answered by the ACS call-end pairs that carry it, or honestly
// as an unknown subcode, with what its prefix and the SIP code in its last digits say.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { inNs, labelOf, listedAnswer } from "./explain-common.js";
import { unknownAnswer } from "./explain-no-entry.js";
import { pstnSubcode } from "./pstn.js";
import type { ParsedQuery } from "./query.js";

export function diagnosticsResult(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
): ExplainResult {
  const n = parsed.code;
  const found = inNs(c.bySubcode.get(n), "acs");
  if (found.length > 0) {
    const pairs = found.map(labelOf).join(" or ");
    const note = `ms-diagnostics ${n} is a Microsoft subcode, not a SIP code; the catalog pairs it with the SIP response it comes on as ${pairs}.`;
    return listedAnswer(c, query, parsed, found, found.length === 1 ? "found" : "ambiguous", note);
  }
  let note = `No entry for Microsoft subcode ${n}: a Teams ms-diagnostics number is a subcode, not a SIP code, and is read with the SIP response that carried it.`;
  const { text, suggestions } = pstnNote(c, n);
  note += text;
  return unknownAnswer({ query, parsed }, note, suggestions);
}

/**
 * What the prefix of a subcode the catalog lacks says (" ACS documents that a 560 prefix …"), and
 * the SIP entry its last three digits name; empty for a number with no PSTN prefix.
 */
export function pstnNote(c: Catalog, n: number): { text: string; suggestions: Entry[] } {
  const pstn = pstnSubcode(n);
  if (!pstn) return { text: "", suggestions: [] };
  let text = ` ACS documents that ${pstn.meaning}.`;
  const sip = pstn.sip > 0 ? c.byId.get(`sip/${pstn.sip}`) : undefined;
  if (!sip) return { text, suggestions: [] };
  text += ` In the documented pairs (486/560486, 487/540487) its last three digits repeat the SIP code: ${labelOf(sip)} is listed below.`;
  return { text, suggestions: [sip] };
}

/**
 * "ms-diagnostics" named with no number: what the header is, and that its number is the part to
 * look up. Never a code card, and never a timer ("ms" is Microsoft, not milliseconds).
 */
export function diagnosticsHeaderResult(query: string, parsed: ParsedQuery): ExplainResult {
  const note =
    "ms-diagnostics is Microsoft's diagnostic header, added by Teams Direct Routing (and Skype for " +
    "Business) to the SIP responses and BYEs it sends; its number is a Microsoft subcode, read with " +
    "the SIP response that carried it. Paste the header with its number (e.g. `ms-diagnostics: " +
    "560403;reason=…`) or the SIP response line.";
  return unknownAnswer({ query, parsed }, note);
}
