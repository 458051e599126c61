// Lookup structures built once at load time so every query is a map hit, not a scan; the description
// index, which only free text that no title or alias matches needs, is built on first use.
import type { Entry, Namespace } from "./schema.js";
import { CHAT_WORDS, normalizeText, tokenize } from "./text.js";

export interface Catalog {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  /** code → entries carrying that code, in any namespace (ordered by namespace priority). */
  readonly byCode: ReadonlyMap<number, readonly Entry[]>;
  /** subcode → entries (ACS subcodes, mobius-error codes). */
  readonly bySubcode: ReadonlyMap<number, readonly Entry[]>;
  /** normalised title or alias → entries. */
  readonly byPhrase: ReadonlyMap<string, readonly Entry[]>;
  /** token → entries whose title or aliases contain it (for free-text search). */
  readonly byToken: ReadonlyMap<string, readonly Entry[]>;
  /** every distinct title/alias token, for typo correction. */
  readonly vocabulary: readonly string[];
  /** Every log message, normalised and split at its variable parts (`{}`). */
  readonly logMessages: readonly LogMessage[];
  /** Entries per namespace. */
  readonly byNamespace: ReadonlyMap<Namespace, readonly Entry[]>;
}

/**
 * The description words of a catalog, the weaker fallback of free text: built on first use (most
 * queries are answered by code, title or alias) and kept per catalog.
 */
export interface DescriptionIndex {
  /**
   * token → entries whose description contains it (meaning, impact, causes, notes, log messages;
   * checks only add weight), each with the number of those fields naming it. E-mail addresses and
   * URLs are left out.
   */
  readonly byToken: ReadonlyMap<string, readonly DetailHit[]>;
  /**
   * Description words too common to pick entries out (in the descriptions, checks included, of
   * more than COMMON_SHARE of all entries: "call", "check", "carrier", "logs" and so "log"); a
   * description match ignores them.
   */
  readonly common: ReadonlySet<string>;
}

export interface DetailHit {
  entry: Entry;
  /** In how many description fields the token appears, the meaning counting twice (1–4). */
  fields: number;
}

export interface LogMessage {
  entry: Entry;
  text: string;
  dependency: string;
  /** The normalised fixed parts, in order; the message's `{}` parts may hold anything. */
  parts: readonly string[];
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

/** Share of entries whose descriptions must use a word before it counts as common. */
export const COMMON_SHARE = 0.06;

/** E-mail addresses and URLs: their parts ("hello" in hello@exotel.com) are not topics. */
const ADDRESS_RE = /\S+@\S+\.\S+|\b(?:https?:\/\/|www\.)\S+/gi;

/** The words of a description field, addresses left out. */
function detailTokens(field: string): string[] {
  return tokenize(field.replace(ADDRESS_RE, " "));
}

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
  const logMessages: LogMessage[] = [];
  for (const e of entries) {
    byId.set(e.id, e);
    push(byNamespace, e.namespace, e);
    if (e.code !== null) push(byCode, e.code, e);
    if (e.subcode !== null) push(bySubcode, e.subcode, e);
    for (const phrase of [e.title, ...e.aliases]) push(byPhrase, normalizeText(phrase), e);
    for (const t of tokenize([e.title, ...e.aliases].join(" "))) push(byToken, t, e);
    for (const m of e.logMessages) {
      const parts = m.text
        .split("{}")
        .map(normalizeText)
        .filter((p) => p.length > 0);
      if (parts.length > 0) logMessages.push({ entry: e, text: m.text, dependency: m.dependency, parts });
    }
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
    logMessages,
    byNamespace,
  };
}

const descriptionIndexes = new WeakMap<Catalog, DescriptionIndex>();

/** The catalog's description index, built the first time a query needs it. */
export function descriptionIndex(catalog: Catalog): DescriptionIndex {
  let index = descriptionIndexes.get(catalog);
  if (!index) {
    index = buildDescriptionIndex(catalog.entries);
    descriptionIndexes.set(catalog, index);
  }
  return index;
}

function buildDescriptionIndex(entries: readonly Entry[]): DescriptionIndex {
  const byToken = new Map<string, DetailHit[]>();
  /** token → number of entries whose descriptions, checks included, use it. */
  const described = new Map<string, number>();
  for (const e of entries) {
    // What the entry is about: its meaning (counted twice), impact, causes, notes and log
    // messages. Checks are troubleshooting steps ("look for a crash", "check the pcap") whose
    // words say little about the entry, so they only add weight to a word found elsewhere.
    const fields = [
      e.meaning,
      e.impact ?? "",
      e.causes.join(" "),
      e.notes.map((n) => n.text).join(" "),
      e.logMessages.map((m) => m.text).join(" "),
    ];
    const counts = new Map<string, number>();
    fields.forEach((field, i) => {
      for (const t of detailTokens(field)) counts.set(t, (counts.get(t) ?? 0) + (i === 0 ? 2 : 1));
    });
    const checks = detailTokens(e.checks.join(" "));
    for (const t of checks) {
      const n = counts.get(t);
      if (n !== undefined) counts.set(t, n + 1);
    }
    for (const t of new Set([...counts.keys(), ...checks])) described.set(t, (described.get(t) ?? 0) + 1);
    for (const [t, n] of counts) {
      const hit = { entry: e, fields: Math.min(n, 4) };
      const list = byToken.get(t);
      if (list) list.push(hit);
      else byToken.set(t, [hit]);
    }
  }
  const common = new Set<string>();
  const isCommon = (t: string) => (described.get(t) ?? 0) > entries.length * COMMON_SHARE;
  // A word is common when either of its numbers is ("log" with "logs").
  for (const t of byToken.keys()) {
    const other = t.length > 3 && t.endsWith("s") ? t.slice(0, -1) : `${t}s`;
    if (isCommon(t) || isCommon(other)) common.add(t);
  }
  // Chat words are never specific, however rare in the descriptions.
  for (const t of CHAT_WORDS) common.add(t);
  return { byToken, common };
}
