// explain(): the answer to "what does this code mean?". Always returns a result: found, ambiguous
// (several meanings, most likely first) or unknown (with the class meaning and the nearest entries).
import { type Catalog, NAMESPACE_PRIORITY } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { cleanQuery, type ParsedQuery, parseQuery } from "./query.js";
import { dropSecrets, redact } from "./scan/redact.js";
import { rankMeanings, searchText } from "./search.js";

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
    return { entries: inNs(c.bySubcode.get(code), ns), note: null };
  }
  if (ns) return { entries: byCode, note: null };
  const bySub = (c.bySubcode.get(code) ?? []).filter((e) => !byCode.includes(e));
  return { entries: [...byCode, ...bySub], note: null };
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

/** The `count` entries numerically closest to `n`: a binary search, then a walk outwards. */
function nearestByNumber(c: Catalog, ns: Namespace, n: number, count: number): Entry[] {
  const list = sortedByNumber(c, ns, ns === "acs" && n >= 1000);
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

function unknownCode(c: Catalog, query: string, parsed: ParsedQuery & { type: "code" }): ExplainResult {
  const ns = parsed.namespace ?? (parsed.code >= 100 && parsed.code <= 699 ? "sip" : null);
  let classEntry: Entry | null = null;
  let note: string;
  const shown = parsed.subcode === null ? `${parsed.code}` : `${parsed.code}/${parsed.subcode}`;
  if (ns === "sip" && parsed.code >= 100 && parsed.code <= 699) {
    const cls = Math.floor(parsed.code / 100);
    classEntry = c.byId.get(`sip/${cls}xx`) ?? null;
    // RFC 3261 §8.1.3.2: an unknown final response counts as the x00 of its class; an unknown
    // provisional response other than 100 counts as 183 Session Progress.
    const base = c.byId.get(`sip/${cls === 1 ? 183 : cls * 100}`);
    const which =
      cls === 1 ? "provisional response other than 100 like 183" : "final response like the x00 of its class";
    note =
      `SIP ${parsed.code} is not a registered response code. RFC 3261 §8.1.3.2 says to treat an unknown ` +
      `${which}${base ? `: handle it as ${base.code} ${base.title}` : ""}.`;
  } else if (ns) {
    note = `No ${NAMESPACE_LABEL[ns]} entry for ${shown}. The closest known codes are listed below.`;
  } else {
    note = `${shown} is not a code I know in any namespace (SIP codes run 100–699; Q.850 causes 1–127).`;
  }
  const target = parsed.subcode ?? parsed.code;
  const suggestions = nearestByNumber(c, ns ?? "sip", target, 5);
  return { query, kind: "unknown", parsed, results: [], others: [], classEntry, note, suggestions };
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

function textResult(c: Catalog, query: string, parsed: ParsedQuery & { type: "text" }): ExplainResult {
  const base = { query, parsed, others: [], classEntry: null };
  // "timer b" or "busy here": the whole query may itself be a title or alias.
  const whole = c.byPhrase.get(normalizeText(query)) ?? [];
  const phrase = (whole.length > 0 ? [...whole] : inNs(c.byPhrase.get(parsed.text), parsed.namespace)).sort(
    (a, b) => NAMESPACE_PRIORITY[a.namespace] - NAMESPACE_PRIORITY[b.namespace],
  );
  if (phrase.length > 0) {
    const kind = phrase.length === 1 ? "found" : "ambiguous";
    const note = kind === "ambiguous" ? `"${parsed.text}" names ${phrase.length} entries.` : null;
    return { ...base, kind, results: phrase, note, suggestions: [] };
  }
  const ranked = searchText(c, parsed.text, parsed.namespace);
  const [top, second] = ranked;
  if (top && top.coverage === 1 && (!second || top.score >= 1.5 * second.score)) {
    return { ...base, kind: "found", results: [top.entry], note: null, suggestions: [] };
  }
  const good = ranked.filter((r) => r.coverage >= 0.5).slice(0, 5);
  if (good.length > 0) {
    const note =
      good.length === 1
        ? `The closest match for "${parsed.text}"; not every word matched.`
        : `Several entries match "${parsed.text}"; the closest come first.`;
    return { ...base, kind: "ambiguous", results: good.map((r) => r.entry), note, suggestions: [] };
  }
  const note =
    parsed.text === ""
      ? "I couldn't find a code or any words I know in that. Try a number like 488, or `help`."
      : `Nothing in the catalog matches "${parsed.text.slice(0, 80)}".`;
  return { ...base, kind: "unknown", results: [], note, suggestions: ranked.slice(0, 3).map((r) => r.entry) };
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
    textResult(c, query, { type: "text", namespace: parsed.namespace, text: normalizeText(query) });
  if (entries.length === 0) {
    const text = parsed.words ? asText() : null;
    return text && text.kind !== "unknown" ? text : unknownCode(c, query, parsed);
  }
  let results = entries;
  let fitting = 0;
  if (parsed.words) {
    const fits = rankMeanings(c, entries, parsed.words, !parsed.prose);
    if ((fits[0]?.fit ?? 0) === 0) {
      const phrase = (c.byPhrase.get(normalizeText(query)) ?? []).filter((e) => !entries.includes(e));
      const text = phrase.length > 0 || parsed.prose ? asText() : null;
      const top = text?.results[0];
      const covered = top ? (searchText(c, normalizeText(query), null, 1)[0]?.coverage ?? 0) : 0;
      if (text && top && !entries.includes(top) && (phrase.length > 0 || covered >= 0.5)) return text;
    }
    fitting = fits.filter((f) => f.fit >= 1).length;
    results = fits.map((f) => f.entry);
  }
  const kind = results.length === 1 ? "found" : "ambiguous";
  const shown = `${parsed.code}${parsed.subcode === null ? "" : `/${parsed.subcode}`}`;
  const order =
    fitting === 0
      ? "the most likely comes first"
      : `${fitting === 1 ? "the one that fits" : "those that fit"} "${parsed.words}" ${fitting === 1 ? "comes" : "come"} first`;
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

export function explain(catalog: Catalog, query: string): ExplainResult {
  const clean = cleanQuery(query);
  // A secret typed into a question is neither searched for nor echoed back.
  const parsed = parseQuery(dropSecrets(clean));
  const q = redact(clean, { maskPhoneNumbers: false }).replace(/\s+/g, " ").trim().slice(0, 200);
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
      if (!e)
        return textResult(catalog, q, { type: "text", namespace: null, text: parsed.id.replace("/", " ") });
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
    case "text":
      return textResult(catalog, q, parsed);
  }
}
