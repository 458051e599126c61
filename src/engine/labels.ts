// Human labels for entries ("SIP 488 Not Acceptable Here"), shared by the engine and renderers.
import type { Entry } from "../catalog/schema.js";
import { pstnSubcode } from "./pstn.js";

/** "SIP 488 Not Acceptable Here", "Mobius 403 · mobius-error 118 Not Acceptable", "ACS 410/3112 …". */
export function entryLabel(e: Entry): string {
  const t = e.title;
  switch (e.namespace) {
    case "sip":
      return e.code === null ? `SIP ${t}` : `SIP ${e.code} ${t}`;
    case "q850":
      return `Q.850 cause ${e.code} ${t}`;
    case "http":
      return `HTTP ${e.code} ${t}`;
    case "mobius":
      return e.subcode === null
        ? `Mobius ${e.code} ${t}`
        : `Mobius ${e.code} · mobius-error ${e.subcode} ${t}`;
    case "acs":
      return e.subcode === null ? `ACS ${e.code} ${t}` : `ACS ${e.code}/${e.subcode} ${t}`;
    case "exotel":
      return e.code === null ? `Exotel: ${t}` : `Exotel API ${e.code} ${t}`;
    case "symptom":
      return `Symptom: ${t}`;
    case "timer":
      return `Timer: ${t}`;
  }
}

/**
 * An ACS code/subcode pair that opens an entry listed for another subcode (the general "ACS 503"
 * entry for 503/560503): the pair as logged, then what it means. A 540/560 subcode says the SBC or
 * carrier answered (ACS documents the prefix), which the general entry's "ACS infrastructure error"
 * would contradict; any other pair takes its entry's title.
 */
export function acsPairLabel(e: Entry | undefined, code: number, subcode: number | null): string {
  const pair = subcode === null ? `ACS ${code}` : `ACS ${code}/${subcode}`;
  const pstn = pstnSubcode(subcode);
  if (pstn) {
    const side = `the ${pstn.leg} SBC or carrier`;
    return pstn.sip > 0 ? `${pair} (${side} answered ${pstn.sip})` : `${pair} (a normal end from ${side})`;
  }
  return e ? `${pair} ${e.title}` : pair;
}

/** A finding's label from its entry: an ACS pair the entry lists under another subcode says so. */
export function findingEntryLabel(e: Entry, f: { subcode: number | null; code: number }): string {
  return e.namespace === "acs" && e.subcode !== f.subcode
    ? acsPairLabel(e, f.code, f.subcode)
    : entryLabel(e);
}

/** A timeline row's words for an ACS pair that opens its code's general entry; undefined otherwise. */
export function acsRowLabel(
  e: Entry | undefined,
  f: { namespace: string; subcode: number | null; code: number },
): string | undefined {
  return f.namespace === "acs" && e?.namespace === "acs" && e.subcode !== f.subcode
    ? acsPairLabel(e, f.code, f.subcode)
    : undefined;
}
