// The merged follow-up checklist of a scan: the checks of the failures' catalog entries in the
// order that matters (the failure most calls share, the headline failure, then the rest and the
// timers that fired), each check once, a failed request's method picking its own checks.
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";

export const MAX_CHECKLIST = 10;

export interface ChecklistParts {
  /** Failure entries in the order their findings came. */
  entries: Entry[];
  /** Entries that go first, most important first (undefined: none). */
  leading: Array<Entry | undefined>;
  /** The timers' entries, after the failures'. */
  timers: Entry[];
  /** The request each entry's failure answered: a REGISTER's 403 has checks of its own. */
  methods: ReadonlyMap<Entry, string>;
  /** A check of the log's own to put before an entry's (an unlisted PSTN subcode's SBC check). */
  extra: ReadonlyMap<Entry, string>;
}

export function mergeChecklist(p: ChecklistParts): string[] {
  const order: Entry[] = [];
  for (const e of [...p.leading, ...p.entries, ...p.timers]) if (e && !order.includes(e)) order.push(e);
  const checklist: string[] = [];
  const seen = new Set<string>();
  for (const e of order) {
    const method = p.methods.get(e);
    const own = (method && e.methodChecks?.[method]) || e.checks;
    const extra = p.extra.get(e);
    for (const c of extra ? [extra, ...own] : own) {
      const k = normalizeText(c);
      if (seen.has(k) || checklist.length >= MAX_CHECKLIST) continue;
      seen.add(k);
      checklist.push(c);
    }
  }
  return checklist;
}
