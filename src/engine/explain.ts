// explain(): the answer to "what does this code mean?". Always returns a result: found, ambiguous
// (several meanings, most likely first) or unknown (with the class meaning and the nearest entries).
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { FILLER_WORDS, normalizeText, tokenize } from "../catalog/text.js";
import { cleanQuery, type ParsedQuery, parseQuery } from "./query.js";
import { dropSecrets, redact } from "./scan/redact.js";
import { logMessageMatches, rankMeanings, searchText, vendorNote, vendorNotes } from "./search.js";

export interface ExplainResult {
  query: string;
  kind: "found" | "ambiguous" | "unknown";
  parsed: ParsedQuery;
  results: Entry[];
  /** Entries that share the number but were not asked for ("403 also means…"). */
  others: Entry[];
  /** For an unknown SIP code: the class entry whose meaning applies (RFC 3261 §8.1.3.2). */
  classEntry: Entry | null;
  /** One sentence for unknown or ambiguous answers. */
  note: string | null;
  suggestions: Entry[];
}

const NAMESPACE_LABEL: Record<Namespace, string> = {
  sip: "SIP",
  q850: "Q.850 cause",
  http: "HTTP",
  mobius: "Webex Calling (Mobius)",
  acs: "Azure Communication Services",
  exotel: "Exotel API",
  symptom: "symptom",
  timer: "timer",
};

export function namespaceLabel(ns: Namespace): string {
  return NAMESPACE_LABEL[ns];
}

/** "SIP 486 Busy Here", "Q.850 cause 17 User busy", "symptom One-way audio" for notes. */
function labelOf(e: Entry): string {
  const number = e.code === null ? "" : ` ${e.code}${e.subcode === null ? "" : `/${e.subcode}`}`;
  return `${NAMESPACE_LABEL[e.namespace]}${number} ${e.title}`;
}

/** Typed text echoed in a note: at most about 80 characters, cut between words. */
function echo(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function inNs(list: readonly Entry[] | undefined, ns: Namespace | null): Entry[] {
  if (!list) return [];
  return ns ? list.filter((e) => e.namespace === ns) : [...list];
}

/** Entries for a number, honouring the namespace's own reading of a lone number. */
function lookupCode(
  c: Catalog,
  ns: Namespace | null,
  code: number,
  subcode: number | null,
): { entries: Entry[]; note: string | null } {
  if (subcode !== null) {
    const exact = inNs(c.byCode.get(code), ns).filter((e) => e.subcode === subcode);
    if (exact.length > 0) return { entries: exact, note: null };
    // "497/540487": the subcode is specific enough to find the row even under another code, but
    // the answer must say that the code part was not the one typed.
    const entries = inNs(c.bySubcode.get(subcode), ns).filter((e) => e.subcode !== null && e.subcode >= 1000);
    const codes = [...new Set(entries.map((e) => e.code))].join(" or ");
    const note =
      entries.length > 0
        ? `No entry has code ${code} with subcode ${subcode}; subcode ${subcode} is listed with code ${codes}, shown here.`
        : null;
    return { entries, note };
  }
  const byCode = inNs(c.byCode.get(code), ns);
  // Within Mobius/ACS a lone number is the HTTP/SIP-style code if one exists, else the subcode.
  if (ns === "mobius" || ns === "acs") {
    if (byCode.length > 0)
      return { entries: byCode.sort((a, b) => (a.subcode ?? -1) - (b.subcode ?? -1)), note: null };
    const bySub = inNs(c.bySubcode.get(code), ns);
    if (bySub.length > 0) return { entries: bySub, note: null };
  }
  if (ns && byCode.length === 0) return vendorCode(c, ns, code);
  if (ns) return { entries: byCode, note: null };
  const bySub = (c.bySubcode.get(code) ?? []).filter((e) => !byCode.includes(e));
  return { entries: [...byCode, ...bySub], note: null };
}

/**
 * "exotel 403": the vendor has no code of its own with that number, but entries for it carry a
 * note for that vendor (SIP 403's Exotel SIP trunk note). Those are the answer, the note quoted.
 */
function vendorCode(c: Catalog, ns: Namespace, code: number): { entries: Entry[]; note: string | null } {
  const noted = vendorNotes(c, ns);
  const entries = (c.byCode.get(code) ?? []).filter((e) => e.subcode === null && noted.has(e));
  const first = entries[0];
  const n = first ? vendorNote(first, ns) : undefined;
  if (!first || !n) return { entries: [], note: null };
  return {
    entries,
    note: `No ${NAMESPACE_LABEL[ns]} entry has code ${code}; ${labelOf(first)} is shown with its ${n.context} note: ${n.text}`,
  };
}

/** Per namespace, entries sorted by number (subcode for large ACS numbers), built once per catalog. */
const numberOrder = new WeakMap<Catalog, Map<string, Array<{ v: number; e: Entry }>>>();

function sortedByNumber(c: Catalog, ns: Namespace, bySubcode: boolean): Array<{ v: number; e: Entry }> {
  let perCatalog = numberOrder.get(c);
  if (!perCatalog) {
    perCatalog = new Map();
    numberOrder.set(c, perCatalog);
  }
  const key = `${ns}:${bySubcode}`;
  let list = perCatalog.get(key);
  if (!list) {
    list = (c.byNamespace.get(ns) ?? [])
      .map((e) => ({ v: bySubcode ? e.subcode : e.code, e }))
      .filter((x): x is { v: number; e: Entry } => x.v !== null)
      .sort((a, b) => a.v - b.v || (a.e.id < b.e.id ? -1 : 1));
    perCatalog.set(key, list);
  }
  return list;
}

/**
 * The `count` entries numerically closest to `n`: a binary search, then a walk outwards. SIP and
 * HTTP stay within the class of `n` (499 → 4xx); Mobius numbers below 400 are mobius-error codes
 * and are compared with those; `within` keeps only one code's entries (ACS 410's subcodes).
 */
function nearestByNumber(
  c: Catalog,
  ns: Namespace,
  n: number,
  count: number,
  bySubcode = (ns === "acs" && n >= 1000) || (ns === "mobius" && n < 400),
  within: number | null = null,
): Entry[] {
  let list = sortedByNumber(c, ns, bySubcode);
  if ((ns === "sip" || ns === "http") && n >= 100 && n <= 699) {
    const cls = Math.floor(n / 100);
    list = list.filter((x) => Math.floor(x.v / 100) === cls);
  }
  if (within !== null) list = list.filter((x) => x.e.code === within);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.v ?? 0) < n) lo = mid + 1;
    else hi = mid;
  }
  const out: Entry[] = [];
  let left = lo - 1;
  let right = lo;
  while (out.length < count && (left >= 0 || right < list.length)) {
    const l = list[left];
    const r = list[right];
    if (r && (!l || r.v - n <= n - l.v)) {
      out.push(r.e);
      right++;
    } else if (l) {
      out.push(l.e);
      left--;
    }
  }
  return out;
}

/** Families whose numbers people mix up, and where to look for a number missing from one. */
const LOOK_ALSO: Partial<Record<Namespace, Namespace[]>> = {
  q850: ["sip", "http"],
  sip: ["q850", "http"],
  http: ["sip", "q850"],
  mobius: ["sip", "http", "q850"],
  acs: ["sip", "q850"],
  exotel: ["sip", "http", "q850"],
};

/**
 * Whether a suggested number is close enough to `n` to be called one of the closest codes: the
 * same class for SIP and HTTP, else within 10 or 5 % (subcodes and API codes run in the thousands).
 */
function isClose(ns: Namespace, n: number, v: number): boolean {
  if ((ns === "sip" || ns === "http") && n >= 100 && n <= 699)
    return Math.floor(v / 100) === Math.floor(n / 100);
  return Math.abs(v - n) <= Math.max(10, n * 0.05);
}

/** The range a namespace's codes come from, said when a number is outside it. */
const RANGE: Partial<Record<Namespace, [number, number, string]>> = {
  sip: [100, 699, "SIP codes run 100–699"],
  q850: [1, 127, "Q.850 causes run 1–127"],
  http: [100, 599, "HTTP statuses run 100–599"],
};

function unknownCode(c: Catalog, query: string, parsed: ParsedQuery & { type: "code" }): ExplainResult {
  const { code, subcode } = parsed;
  // A code typed with a subcode belongs to the family whose entries have subcodes under that code.
  const withSubcodes =
    subcode === null ? undefined : (c.byCode.get(code) ?? []).find((e) => e.subcode !== null)?.namespace;
  // A bare number below the SIP range that means nothing else is asked as a Q.850 cause.
  const bareCause = parsed.namespace === null && subcode === null && code >= 1 && code < 100;
  const ns =
    parsed.namespace ?? withSubcodes ?? (code >= 100 && code <= 699 ? "sip" : bareCause ? "q850" : null);
  let classEntry: Entry | null = null;
  let note: string;
  const shown = subcode === null ? `${code}` : `${code}/${subcode}`;
  const range = ns ? RANGE[ns] : undefined;
  const inRange = !range || (code >= range[0] && code <= range[1]);
  // The same number in a family people confuse with this one ("cause 486" → SIP 486).
  const elsewhere =
    subcode === null && ns
      ? (LOOK_ALSO[ns] ?? []).flatMap((other) =>
          inNs(c.byCode.get(code), other).filter((e) => e.subcode === null),
        )
      : [];
  const mapped = elsewhere
    .flatMap((e) => e.mappings.map((m) => c.byId.get(m.to)))
    .filter((e): e is Entry => e !== undefined && e.namespace === ns);
  if (ns === "sip" && inRange) {
    const cls = Math.floor(code / 100);
    classEntry = c.byId.get(`sip/${cls}xx`) ?? null;
    // RFC 3261 §8.1.3.2: an unknown final response counts as the x00 of its class; an unknown
    // provisional response other than 100 counts as 183 Session Progress.
    const base = c.byId.get(`sip/${cls === 1 ? 183 : cls * 100}`);
    const which =
      cls === 1 ? "provisional response other than 100 like 183" : "final response like the x00 of its class";
    note =
      `SIP ${code} is not a registered response code. RFC 3261 §8.1.3.2 says to treat an unknown ` +
      `${which}${base ? `: handle it as ${base.code} ${base.title}` : ""}.`;
  } else if (bareCause) {
    note = `${code} is not a SIP or HTTP code (those run 100–699), and Q.850 has no cause ${code}.`;
  } else if (ns && range && !inRange) {
    note = `No ${NAMESPACE_LABEL[ns]} entry for ${shown}: ${range[2]}.`;
  } else if (ns) {
    note = `No ${NAMESPACE_LABEL[ns]} entry for ${shown}.`;
  } else {
    note = `${shown} is not a code I know in any namespace (SIP codes run 100–699; Q.850 causes 1–127).`;
  }
  const known = ns && subcode !== null ? inNs(c.byCode.get(code), ns) : [];
  let suggestions: Entry[];
  let closest = false;
  if (elsewhere.length > 0) {
    const maps = mapped.length > 0 ? ` (it maps to ${mapped.map(labelOf).join(" or ")})` : "";
    note += ` ${code} is ${elsewhere.map(labelOf).join(" and ")}${maps}.`;
    suggestions = [...new Set([...elsewhere, ...mapped])];
  } else if (known.length > 0 && ns && subcode !== null) {
    // "acs 410 9999": the general entry for the code, then its known subcodes nearest the one typed.
    note += ` The general ${code} entry and the known ${code} subcodes are listed below.`;
    const general = known.filter((e) => e.subcode === null);
    suggestions = [...general, ...nearestByNumber(c, ns, subcode, 6 - general.length, true, code)];
  } else {
    suggestions = [];
    closest = true;
  }
  if (suggestions.length < 5 && inRange && ns) {
    const target = subcode ?? code;
    const bySubcode = (ns === "acs" && target >= 1000) || (ns === "mobius" && target < 400);
    // Only codes near the one typed: "exotel 407" is not near Exotel's 1000s.
    const near = nearestByNumber(c, ns, target, 5).filter((e) => {
      const v = bySubcode ? e.subcode : e.code;
      return v !== null && isClose(ns, target, v);
    });
    if (closest && near.length > 0)
      note += ` The closest ${bareCause ? "Q.850 causes are" : "known codes are"} listed below.`;
    suggestions = [...new Set([...suggestions, ...near])].slice(0, Math.max(5, suggestions.length));
  }
  return { query, kind: "unknown", parsed, results: [], others: [], classEntry, note, suggestions };
}

const vendorValueIndex = new WeakMap<
  Catalog,
  Map<number, Array<{ entry: Entry; who: string; name: string }>>
>();

/**
 * Numbers FreeSWITCH or Asterisk give a cause that Q.850 numbers differently or not at all, read
 * from the catalog's notes ("Both define OUTGOING_CALL_BARRED with the value 52 …").
 */
function vendorValues(c: Catalog): Map<number, Array<{ entry: Entry; who: string; name: string }>> {
  let index = vendorValueIndex.get(c);
  if (index) return index;
  index = new Map();
  for (const entry of c.entries) {
    for (const n of entry.notes) {
      if (!/freeswitch|asterisk/i.test(n.context)) continue;
      for (const m of n.text.matchAll(/\b(?:the|internal) value (\d+)\b/g)) {
        const value = Number(m[1]);
        if (entry.namespace === "q850" && value === entry.code) continue;
        // The name the value belongs to is the last one before it.
        const name = [...n.text.slice(0, m.index).matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)].pop()?.[0];
        if (!name) continue;
        const who = n.context.split(/\s*\/\s*/).join(" and ");
        const list = index.get(value) ?? [];
        list.push({ entry, who, name });
        index.set(value, list);
      }
    }
  }
  vendorValueIndex.set(c, index);
  return index;
}

/** "cause 52": not a Q.850 cause, but FreeSWITCH's and Asterisk's number for OUTGOING_CALL_BARRED. */
function vendorValueResult(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
): ExplainResult | null {
  if (parsed.subcode !== null || (parsed.namespace !== "q850" && parsed.namespace !== null)) return null;
  const hits = vendorValues(c).get(parsed.code);
  if (!hits || hits.length === 0) return null;
  const results = [...new Set(hits.map((h) => h.entry))];
  const said = hits
    .map(
      (h) =>
        `${h.who} ${h.who.includes(" and ") ? "use" : "uses"} ${parsed.code} for ${h.name}, explained under ${labelOf(h.entry)}`,
    )
    .join("; ");
  const note = `Q.850 has no cause ${parsed.code}. ${said}.`;
  const others = (c.byCode.get(parsed.code) ?? []).filter((e) => !results.includes(e));
  return {
    query,
    kind: results.length === 1 ? "found" : "ambiguous",
    parsed,
    results,
    others,
    classEntry: null,
    note,
    suggestions: [],
  };
}

function othersFor(c: Catalog, results: Entry[], parsed: ParsedQuery): Entry[] {
  if (parsed.type !== "code" && parsed.type !== "id") return [];
  const codes = new Set(results.map((e) => e.code).filter((x): x is number => x !== null));
  const out: Entry[] = [];
  for (const code of codes) {
    for (const e of c.byCode.get(code) ?? []) if (!results.includes(e) && !out.includes(e)) out.push(e);
  }
  return out;
}

/** A stack's cause name: USER_BUSY, NORMAL_CLEARING. */
const CAUSE_NAME_RE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/** One upper-case word long enough to be a name rather than a shout: CHANUNAVAIL, CONGESTION. */
const CAPS_WORD_RE = /^[A-Z][A-Z0-9]{5,}$/;
const NAME_IN_TEXT_RE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z][A-Z0-9]{5,}\b/g;

interface NameIndex {
  /** Upper-case names exactly as an entry's title or alias spells them. */
  exact: Map<string, Entry[]>;
  /** Upper-case names a note mentions, with that note. */
  mentioned: Map<string, Array<{ entry: Entry; note: Entry["notes"][number] }>>;
}

const nameIndexes = new WeakMap<Catalog, NameIndex>();

function nameIndex(c: Catalog): NameIndex {
  let index = nameIndexes.get(c);
  if (index) return index;
  index = { exact: new Map(), mentioned: new Map() };
  for (const entry of c.entries) {
    for (const a of [entry.title, ...entry.aliases]) {
      if (!CAUSE_NAME_RE.test(a) && !CAPS_WORD_RE.test(a)) continue;
      const list = index.exact.get(a) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.exact.set(a, list);
    }
    for (const note of entry.notes) {
      for (const [name] of note.text.matchAll(NAME_IN_TEXT_RE)) {
        const list = index.mentioned.get(name) ?? [];
        if (!list.some((x) => x.entry === entry)) list.push({ entry, note });
        index.mentioned.set(name, list);
      }
    }
  }
  nameIndexes.set(c, index);
  return index;
}

/**
 * The cause name the query consists of ("USER_BUSY", "cause USER_BUSY"), if it is one. A name the
 * catalog knows is read in any case ("user_busy", "User_Busy").
 */
function causeNameOf(c: Catalog, query: string, text: string): string | null {
  const last =
    query
      .trim()
      .split(/[\s=:;,]+/)
      .pop() ?? "";
  const typed = last.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
  if (normalizeText(typed) !== text) return null;
  const upper = typed.toUpperCase();
  const index = nameIndex(c);
  const known = typed.includes("_") && (index.exact.has(upper) || index.mentioned.has(upper));
  const name = known ? upper : typed;
  return CAUSE_NAME_RE.test(name) || CAPS_WORD_RE.test(name) ? name : null;
}

/** Cause names first: the family that defines them, then SIP, then the usual order. */
const NAME_ORDER: Record<Namespace, number> = { ...NAMESPACE_PRIORITY, q850: -2, sip: -1 };

/**
 * A FreeSWITCH/Asterisk-style name. One an entry spells exactly is that entry, first; one no entry
 * carries is never guessed from its words (LOSE_RACE is not about racing): the answer says so and
 * points at the note or entry that explains it, if the catalog has one.
 */
function nameResult(
  c: Catalog,
  base: Pick<ExplainResult, "query" | "parsed" | "classEntry">,
  name: string,
): ExplainResult | null {
  const index = nameIndex(c);
  const snake = name.includes("_");
  const exact = index.exact.get(name) ?? [];
  const phrase = c.byPhrase.get(normalizeText(name)) ?? [];
  if (exact.length > 0) {
    if (!snake) return null;
    const results = [...exact].sort((a, b) => NAME_ORDER[a.namespace] - NAME_ORDER[b.namespace]);
    const others = phrase
      .filter((e) => !results.includes(e))
      .sort((a, b) => NAMESPACE_PRIORITY[a.namespace] - NAMESPACE_PRIORITY[b.namespace]);
    const kind = results.length === 1 ? "found" : "ambiguous";
    const note =
      kind === "ambiguous"
        ? `${name} names ${results.length} entries; ${labelOf(results[0] as Entry)} comes first.`
        : null;
    return { ...base, kind, results, others, note, suggestions: [] };
  }
  if (!snake && phrase.length > 0) return null;
  const mentioned = index.mentioned.get(name) ?? [];
  const pointers = [...new Set([...mentioned.map((m) => m.entry), ...(snake ? phrase : [])])];
  const unknown = { ...base, kind: "unknown" as const, results: [], others: [] };
  const first = mentioned[0];
  if (first) {
    const note =
      `${name} is not a catalog code. The ${first.note.context} note on ${labelOf(first.entry)} ` +
      `explains it: ${first.note.text}`;
    return { ...unknown, note, suggestions: pointers };
  }
  const alias = phrase[0];
  if (snake && alias) {
    const note = `${name} is not a catalog code; "${normalizeText(name)}" is another name for ${labelOf(alias)}.`;
    return { ...unknown, note, suggestions: pointers };
  }
  if (!snake) return null;
  const note =
    `${name} is not a catalog code, and no entry names it. FreeSWITCH and Asterisk have cause names ` +
    "of their own; look for the Q.850 cause or SIP response logged with it.";
  return { ...unknown, note, suggestions: [] };
}

/** Words that say a timer went off ("timer fired"): a timer's timeout, in the catalog's words. */
const FIRING_RE =
  /\b(?:fired|fires|firing|fire|expired|expires|expiring|expiry|popped|timed out|times out)\b/g;

/** Entries of `ns` first, then those with a note for its vendor, then the rest; stable. */
function preferNamespace<T>(
  list: readonly T[],
  entryOf: (x: T) => Entry,
  ns: Namespace | null,
  c: Catalog,
): T[] {
  if (!ns) return [...list];
  const noted = vendorNotes(c, ns);
  const tier = (x: T) => (entryOf(x).namespace === ns ? 0 : noted.has(entryOf(x)) ? 1 : 2);
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => tier(a.x) - tier(b.x) || a.i - b.i)
    .map(({ x }) => x);
}

function textResult(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "text" },
  /** Fall back to words of meanings, causes, checks and notes when no title or alias matches. */
  detail = true,
): ExplainResult {
  const base = { query, parsed, others: [], classEntry: null };
  const name = causeNameOf(c, query, parsed.text);
  const named = name ? nameResult(c, base, name) : null;
  if (named) return named;
  const ns = parsed.namespace;
  const preferred = ns ? vendorNotes(c, ns) : null;
  // "timer b" or "busy here": the whole query may itself be a title or alias. After a namespace
  // word, only a title or alias of that namespace (or with a note for its vendor) counts, and
  // those come first ("exotel not found": Exotel's own "Not found", then SIP 404).
  const whole = c.byPhrase.get(normalizeText(query)) ?? [];
  const rest = (c.byPhrase.get(parsed.text) ?? []).filter(
    (e) => !ns || e.namespace === ns || preferred?.has(e),
  );
  const phrase = preferNamespace(
    (whole.length > 0 ? [...whole] : rest).sort(
      (a, b) => NAMESPACE_PRIORITY[a.namespace] - NAMESPACE_PRIORITY[b.namespace],
    ),
    (e) => e,
    ns,
    c,
  );
  if (phrase.length > 0) {
    const kind = phrase.length === 1 ? "found" : "ambiguous";
    const note = kind === "ambiguous" ? `"${echo(parsed.text)}" names ${phrase.length} entries.` : null;
    return { ...base, kind, results: phrase, note, suggestions: [] };
  }
  // A timer named among other words ("timer B expired on INVITE to 10.0.0.5") is that timer.
  const timer = parsed.timer ? c.byId.get(parsed.timer) : undefined;
  if (timer) return { ...base, kind: "found", results: [timer], note: null, suggestions: [] };
  // A log message the catalog lists ("OBP resolution failed"): the entry it belongs to.
  const logged = logMessageMatches(c, query);
  const log = logged[0];
  if (log) {
    const results = logged.map((l) => l.entry);
    const note = `"${echo(log.message)}" is a logged message that points at ${log.dependency}.`;
    return { ...base, kind: results.length === 1 ? "found" : "ambiguous", results, note, suggestions: [] };
  }
  // A namespace word alone ("exotel") lists that namespace only.
  const alone = ns !== null && normalizeText(query) === parsed.text;
  let byName = searchText(c, parsed.text, ns, 8, { detail: false }).filter(
    (r) => !alone || r.entry.namespace === ns,
  );
  // "timer fired", "timer expired": no timer named, so the timers that time something out lead.
  if (ns === "timer" && !alone) {
    const firing = parsed.text.replace(FIRING_RE, "timeout");
    const timers = searchText(c, firing, ns, 8, { detail: false }).filter(
      (r) => r.entry.namespace === ns && r.coverage >= 0.5,
    );
    if (timers.length > 0) {
      const results = [
        ...new Set([...timers, ...byName.filter((r) => r.coverage >= 0.5)].map((r) => r.entry)),
      ];
      const note = `"${echo(query)}" names no timer; the timers it may mean come first. Name one (e.g. "timer b") to open it.`;
      return { ...base, kind: "ambiguous", results: results.slice(0, 5), note, suggestions: [] };
    }
    byName = preferNamespace(byName, (r) => r.entry, ns, c);
  }
  const [top, second] = byName;
  if (top && top.coverage === 1 && (!second || top.score >= 1.5 * second.score)) {
    return { ...base, kind: "found", results: [top.entry], note: null, suggestions: [] };
  }
  const good = byName.filter((r) => r.coverage >= 0.5).slice(0, 5);
  if (good.length > 0) {
    // One entry is "found" only when it matches every word; a partial match stays a suggestion.
    const full = good.length === 1 && good[0]?.coverage === 1;
    const note = full
      ? null
      : good.length === 1
        ? `The closest match for "${echo(parsed.text)}"; not every word matched.`
        : `Several entries match "${echo(parsed.text)}"; the closest come first.`;
    return {
      ...base,
      kind: full ? "found" : "ambiguous",
      results: good.map((r) => r.entry),
      note,
      suggestions: [],
    };
  }
  // No title or alias covers the words: entries that carry every specific word of the query in
  // their names, meaning, causes or notes ("all circuits busy": "circuits"), those named first.
  // Never one confident answer: a list of the entries that discuss it.
  const ranked = detail && !alone ? searchText(c, parsed.text, ns, 16, { specific: true }) : byName;
  const described = ranked.filter((r) => r.specific === 1).slice(0, 5);
  if (described.length > 0) {
    const which =
      described.length === 1 ? "this entry discusses it" : "these entries discuss it, the closest first";
    const note = `No entry is named "${echo(parsed.text)}"; ${which}.`;
    return { ...base, kind: "ambiguous", results: described.map((r) => r.entry), note, suggestions: [] };
  }
  const note =
    parsed.text === ""
      ? "I couldn't find a code or any words I know in that. Try a number like 488, or `help`."
      : `Nothing in the catalog matches "${echo(parsed.text)}".`;
  return { ...base, kind: "unknown", results: [], note, suggestions: suggestionsFor(c, parsed.text, ns) };
}

/**
 * Related entries for an unknown answer: titles and aliases that share a word with the query, filler
 * words ("thank you", "please help") aside; never description matches.
 */
function suggestionsFor(c: Catalog, text: string, ns: Namespace | null): Entry[] {
  const words = tokenize(text).filter((w) => !FILLER_WORDS.has(w));
  if (words.length === 0) return [];
  return searchText(c, words.join(" "), ns, 3, { detail: false }).map((r) => r.entry);
}

/**
 * A number, maybe with words typed next to it ("404 Not Found", "got a 488 from the trunk"). The
 * words only reorder the number's meanings, unless they fit none of them and say more than the
 * number does: a whole known phrase ("500 ms"), or a sentence about something else ("audio drops
 * after 180 seconds").
 */
function codeResult(c: Catalog, query: string, parsed: ParsedQuery & { type: "code" }): ExplainResult {
  const { entries, note: lookupNote } = lookupCode(c, parsed.namespace, parsed.code, parsed.subcode);
  const asText = () =>
    textResult(c, query, { type: "text", namespace: parsed.namespace, text: normalizeText(query) }, false);
  if (entries.length === 0) {
    const vendor = vendorValueResult(c, query, parsed);
    if (vendor) return vendor;
    const text = parsed.words ? asText() : null;
    return text && text.kind !== "unknown" ? text : unknownCode(c, query, parsed);
  }
  let results = entries;
  /** How many meanings in a row fit the words, from the first (or, when it does not, the second). */
  let fitting = 0;
  let firstFits = false;
  let logged: Entry[] = [];
  if (parsed.words) {
    // A pasted log message the catalog lists names its entry, whatever its words fit.
    const messages = logMessageMatches(c, query).map((l) => l.entry);
    logged = messages.filter((e) => entries.includes(e));
    if (messages.length > 0 && logged.length === 0) return asText();
    const fits = rankMeanings(c, entries, parsed.words, !parsed.prose);
    if (fits.every((f) => f.fit === 0) && logged.length === 0) {
      const phrase = (c.byPhrase.get(normalizeText(query)) ?? []).filter((e) => !entries.includes(e));
      const text = phrase.length > 0 || parsed.prose ? asText() : null;
      const top = text?.results[0];
      // A sentence answers itself only when half its words, and more than one, are about something
      // else: "audio drops after 180 seconds", not "status 429".
      const said = tokenize(query).slice(0, 12).length;
      const covered = top
        ? (searchText(c, normalizeText(query), null, 1, { detail: false })[0]?.coverage ?? 0)
        : 0;
      const about = covered >= 0.5 && covered * said >= 2;
      if (text && top && !entries.includes(top) && (phrase.length > 0 || about)) return text;
    }
    firstFits = (fits[0]?.fit ?? 0) >= 1;
    const from = firstFits ? 0 : 1;
    while ((fits[from + fitting]?.fit ?? 0) >= 1) fitting++;
    results = [...logged, ...fits.map((f) => f.entry).filter((e) => !logged.includes(e))];
  }
  const kind = results.length === 1 ? "found" : "ambiguous";
  const shown = `${parsed.code}${parsed.subcode === null ? "" : `/${parsed.subcode}`}`;
  const words = echo(parsed.words ?? "");
  const which = `${fitting === 1 ? "the one that fits" : "those that fit"} "${words}"`;
  const order =
    logged.length > 0
      ? "the one whose log message this is comes first"
      : fitting === 0
        ? "the most likely comes first"
        : firstFits
          ? `${which} ${fitting === 1 ? "comes" : "come"} first`
          : `the most likely comes first, then ${which}`;
  const note =
    lookupNote ?? (kind === "ambiguous" ? `${shown} has ${results.length} meanings; ${order}.` : null);
  return {
    query,
    kind,
    parsed,
    results,
    others: othersFor(c, results, parsed),
    classEntry: null,
    note,
    suggestions: [],
  };
}

/** Plain words for the numbers of SIP headers and SDP lines that people paste as if they were codes. */
const HEADER_MEANING: Readonly<
  Record<string, { says: string; seconds?: boolean; timers?: string; related?: string[] }>
> = {
  Expires: {
    says: "how long a registration or subscription should last, in seconds",
    seconds: true,
    timers: "expires",
    related: ["timer/sip-registration-refresh", "sip/423"],
  },
  "Min-Expires": {
    says: "the shortest registration or subscription lifetime the server accepts, in seconds{d}; it comes with 423 Interval Too Brief",
    seconds: true,
    related: ["sip/423"],
  },
  "Session-Expires": {
    says: "the session timer, how long the call may go without a refresh (re-INVITE or UPDATE) before it is ended, in seconds",
    seconds: true,
    timers: "session-expires",
    related: ["timer/session-expires", "timer/session-refresh"],
  },
  "Min-SE": {
    says: "the shortest session timer the sender accepts, in seconds{d}; it comes with 422 Session Interval Too Small",
    seconds: true,
    timers: "min-se",
    related: ["timer/min-se", "sip/422"],
  },
  "Retry-After": {
    says: "how long to wait before trying again, in seconds{d}; it comes with a response such as 503, 486 or 600, whose code is the one to look up",
    seconds: true,
  },
  CSeq: {
    says: "the request's sequence number and method; the number counts requests, it is not a status code",
  },
  "Content-Length": { says: "the size of the message body in bytes" },
  "Max-Forwards": {
    says: "how many more hops the request may take (usually 70 at the start); at 0 it is answered 483 Too Many Hops",
    related: ["sip/483"],
  },
  RSeq: { says: "the sequence number of a reliable provisional response (100rel, RFC 3262)" },
  RAck: {
    says: "which reliable provisional response a PRACK acknowledges: its RSeq, then the CSeq number and method",
  },
  Contact: {
    says: "the address where the sender can be reached directly; numbers in it are a user or a port",
  },
  Via: { says: "a hop the request passed and where responses go back; numbers in it are ports or versions" },
  "m=": {
    says: "an SDP media line: the media, its port, the transport and the payload types it offers (0 PCMU, 8 PCMA, 101 usually telephone-event)",
  },
  "c=": { says: "an SDP connection line: the address the media is sent to" },
  "o=": { says: "the SDP origin line: user, session id and version, and address" },
  "a=": {
    says: "an SDP attribute line (rtpmap, fmtp, sendrecv, crypto…); its numbers are payload types, ports or parameters",
  },
};

/** "600 s = 10 minutes" for a lifetime in seconds. */
function lifetime(value: number): string {
  if (value < 120) return `${value} s`;
  const unit = value % 3600 === 0 ? [value / 3600, "hour"] : value % 60 === 0 ? [value / 60, "minute"] : null;
  return unit ? `${value} s = ${unit[0]} ${unit[1]}${unit[0] === 1 ? "" : "s"}` : `${value} s`;
}

/**
 * "Expires: 600", "CSeq: 102 INVITE", "m=audio 49170 RTP/AVP 0 8 101": a pasted header or SDP line,
 * whose numbers are lifetimes, counts, ports or payload types. Says what the line is; no code card.
 */
function headerResult(c: Catalog, query: string, parsed: ParsedQuery & { type: "header" }): ExplainResult {
  const { header, value } = parsed;
  const about = HEADER_MEANING[header] ?? { says: "an SDP line; its numbers are not codes" };
  const sdp = header.endsWith("=");
  const line = echo(`${header}${sdp ? "" : ": "}${value}`, 60);
  const n = /^\d{1,9}$/.test(value) ? Number(value) : null;
  const duration = about.seconds && n !== null ? ` (${lifetime(n)})` : "";
  const timers =
    about.timers && n !== null ? ` To see the timers it sets, try \`timers ${about.timers}=${n}\`.` : "";
  const what = sdp ? "is" : "is a SIP header, not a code:";
  const says = about.says.includes("{d}") ? about.says.replace("{d}", duration) : `${about.says}${duration}`;
  const note = `"${line}" ${what} ${says}.${timers}`;
  const suggestions = (about.related ?? [])
    .map((id) => c.byId.get(id))
    .filter((e): e is Entry => e !== undefined);
  return { query, kind: "unknown", parsed, results: [], others: [], classEntry: null, note, suggestions };
}

function answer(catalog: Catalog, q: string, parsed: ParsedQuery): ExplainResult {
  switch (parsed.type) {
    case "empty":
      return {
        query: q,
        kind: "unknown",
        parsed,
        results: [],
        others: [],
        classEntry: null,
        note: "Ask about a code, e.g. `488`, `q850 16`, `acs 410/3112`, or describe a symptom like `one way audio`.",
        suggestions: [],
      };
    case "id": {
      const e = catalog.byId.get(parsed.id);
      if (!e) {
        // "sip/499", "q850/52": an id the catalog lacks is asked like "sip 499".
        const again = parseQuery(parsed.id.replace("/", " "));
        if (again.type !== "id") return answer(catalog, q, again);
        return textResult(catalog, q, { type: "text", namespace: null, text: parsed.id.replace("/", " ") });
      }
      return {
        query: q,
        kind: "found",
        parsed,
        results: [e],
        others: othersFor(catalog, [e], parsed),
        classEntry: null,
        note: null,
        suggestions: [],
      };
    }
    case "code":
      if (parsed.namespace === "symptom" || parsed.namespace === "timer") {
        const text = normalizeText(`${parsed.code} ${parsed.words ?? ""}`);
        return textResult(catalog, q, { type: "text", namespace: parsed.namespace, text });
      }
      return codeResult(catalog, q, parsed);
    case "header":
      return headerResult(catalog, q, parsed);
    case "text":
      return textResult(catalog, q, parsed);
  }
}

export function explain(catalog: Catalog, query: string): ExplainResult {
  const clean = cleanQuery(query);
  // A secret typed into a question is neither searched for nor echoed back.
  const parsed = parseQuery(dropSecrets(clean));
  const q = redact(clean, { maskPhoneNumbers: false }).replace(/\s+/g, " ").trim().slice(0, 200);
  return answer(catalog, q, parsed);
}
