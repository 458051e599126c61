// A listing for an everyday phrase ("phones not registering", "calls failing") leads with the
// entries the answer starts from (everyday.ts), so `sipcode search` and the answer agree.
import type { Catalog } from "../catalog/indexes.js";
import type { Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { everydayStart } from "./everyday.js";
import type { Scored } from "./search.js";

/** `listed` with the phrase's starting entries first, in their order; unchanged for other words. */
export function withEverydayStart(
  catalog: Catalog,
  typed: string,
  namespace: Namespace | null,
  listed: readonly Scored[],
): Scored[] {
  const start = namespace === null ? everydayStart(catalog, normalizeText(typed)) : null;
  if (!start) return [...listed];
  const score = Math.max(0, ...listed.map((r) => r.score));
  const lead: Scored[] = start.entries.map((entry) => ({
    ...(listed.find((r) => r.entry === entry) ?? { entry, coverage: 1 }),
    score,
    about: true,
  }));
  return [...lead, ...listed.filter((r) => !start.entries.includes(r.entry))];
}
