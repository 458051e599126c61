// Which catalog entry a hit names: its own id when the detector knows it, else the entry of its
// namespace and code (Mobius and ACS fall back from the exact pair to the family).
import type { Catalog } from "../../catalog/indexes.js";
import { isActionSubcode } from "./acs-records.js";
import type { Hit } from "./detectors.js";

/** The catalog entry a hit refers to; Mobius/ACS fall back from the exact pair to the family. */
export function resolveId(catalog: Catalog, h: Hit): string | null {
  if (h.entryId) return h.entryId;
  switch (h.namespace) {
    case "mobius": {
      if (h.subcode !== null) return known(catalog, `mobius/${h.code}-${h.subcode}`);
      const sameCode = (catalog.byCode.get(h.code) ?? []).filter(
        (e) => e.namespace === "mobius" && e.subcode === null,
      );
      const byPhase = h.phase ? sameCode.find((e) => e.phase === h.phase) : undefined;
      return (byPhase ?? sameCode[0])?.id ?? null;
    }
    case "acs": {
      const exact = known(catalog, `acs/${h.code}-${h.subcode}`);
      // A Call Automation action's result is not the general entry's call end ("ACS 500
      // infrastructure error"): only its own entry explains it.
      if (exact || isActionSubcode(h.subcode)) return exact;
      return known(catalog, `acs/${h.code}`);
    }
    default:
      return known(catalog, `${h.namespace}/${h.code}`);
  }
}

function known(catalog: Catalog, id: string): string | null {
  return catalog.byId.has(id) ? id : null;
}
