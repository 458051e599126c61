// Lookup structures built once at load time so every query is a map hit, not a scan.
import type { Entry, Namespace } from "./schema.js";
import { normalizeText, tokenize } from "./text.js";

export interface Catalog {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  /** code → entries carrying that code, in any namespace (ordered by namespace priority). */
  readonly byCode: ReadonlyMap<number, readonly Entry[]>;
  /** subcode → entries (ACS subcodes, mobius-error codes). */
  readonly bySubcode: ReadonlyMap<number, readonly Entry[]>;
  /** normalised title or alias → entries. */
  readonly byPhrase: ReadonlyMap<string, readonly Entry[]>;
  /** token → entries whose title/aliases/meaning contain it (for free-text search). */
  readonly byToken: ReadonlyMap<string, readonly Entry[]>;
  /** every distinct token, for typo correction. */
  readonly vocabulary: readonly string[];
  /** Entries per namespace. */
  readonly byNamespace: ReadonlyMap<Namespace, readonly Entry[]>;
}

/** When one number means several things, the order an on-call engineer most likely meant. */
export const NAMESPACE_PRIORITY: Record<Namespace, number> = {
  sip: 0,
  mobius: 1,
  acs: 2,
  exotel: 3,
  q850: 4,
  http: 5,
  symptom: 6,
  timer: 7,
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function byPriority(a: Entry, b: Entry): number {
  return (
    NAMESPACE_PRIORITY[a.namespace] - NAMESPACE_PRIORITY[b.namespace] || (a.subcode ?? -1) - (b.subcode ?? -1)
  );
}

export function buildIndexes(entries: Entry[]): Catalog {
  const byId = new Map<string, Entry>();
  const byCode = new Map<number, Entry[]>();
  const bySubcode = new Map<number, Entry[]>();
  const byPhrase = new Map<string, Entry[]>();
  const byToken = new Map<string, Entry[]>();
  const byNamespace = new Map<Namespace, Entry[]>();
  for (const e of entries) {
    byId.set(e.id, e);
    push(byNamespace, e.namespace, e);
    if (e.code !== null) push(byCode, e.code, e);
    if (e.subcode !== null) push(bySubcode, e.subcode, e);
    for (const phrase of [e.title, ...e.aliases]) push(byPhrase, normalizeText(phrase), e);
    for (const t of tokenize([e.title, ...e.aliases].join(" "))) push(byToken, t, e);
  }
  for (const list of byCode.values()) list.sort(byPriority);
  for (const list of bySubcode.values()) list.sort(byPriority);
  return {
    entries,
    byId,
    byCode,
    bySubcode,
    byPhrase,
    byToken,
    vocabulary: [...byToken.keys()],
    byNamespace,
  };
}
