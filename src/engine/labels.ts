// Human labels for entries ("SIP 488 Not Acceptable Here"), shared by the engine and renderers.
import type { Entry } from "../catalog/schema.js";

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
