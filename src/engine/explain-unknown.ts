// Unknown answers: what an unknown code is taken as (RFC 3261 §8.1.3.2 for SIP), the same number in
// families people confuse, the nearest known codes, and title/alias suggestions for unknown words.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { FILLER_WORDS, tokenize } from "../catalog/text.js";
import type { ExplainResult } from "./explain.js";
import { inNs, labelOf, namespaceLabel } from "./explain-common.js";
import { pstnNote } from "./explain-diagnostics.js";
import { q850ClassAnswer, q850ClassOf } from "./explain-q850-class.js";
import type { ParsedQuery } from "./query.js";
import { searchText } from "./search.js";

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
 * HTTP stay within the class of `n` (499 → 4xx), Q.850 causes within their cause class; Mobius numbers below 400 are mobius-error codes
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
  const causeClass = ns === "q850" && !bySubcode ? q850ClassOf(n) : undefined;
  if (causeClass) list = list.filter((x) => x.v >= causeClass.lo && x.v <= causeClass.hi);
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
 * same class for SIP, HTTP and Q.850, else within 10 or 5 % (subcodes and API codes run in the thousands).
 */
function isClose(ns: Namespace, n: number, v: number): boolean {
  if ((ns === "sip" || ns === "http") && n >= 100 && n <= 699)
    return Math.floor(v / 100) === Math.floor(n / 100);
  const cls = ns === "q850" ? q850ClassOf(n) : undefined;
  if (cls) return v >= cls.lo && v <= cls.hi;
  return Math.abs(v - n) <= Math.max(10, n * 0.05);
}

/** The range a namespace's codes come from, said when a number is outside it. */
const RANGE: Partial<Record<Namespace, [number, number, string]>> = {
  sip: [100, 699, "SIP codes run 100–699"],
  q850: [1, 127, "Q.850 causes run 1–127"],
  http: [100, 599, "HTTP statuses run 100–599"],
};

export function unknownCode(
  c: Catalog,
  query: string,
  parsed: ParsedQuery & { type: "code" },
): ExplainResult {
  const { code, subcode } = parsed;
  if (code < 0 || (subcode !== null && subcode < 0)) return negativeCode(c, query, parsed);
  // A code typed with a subcode belongs to the family whose entries have subcodes under that code.
  const withSubcodes =
    subcode === null ? undefined : (c.byCode.get(code) ?? []).find((e) => e.subcode !== null)?.namespace;
  // A bare number below the SIP range that means nothing else is asked as a Q.850 cause.
  const bareCause = parsed.namespace === null && subcode === null && code >= 1 && code < 100;
  const ns =
    parsed.namespace ?? withSubcodes ?? (code >= 100 && code <= 699 ? "sip" : bareCause ? "q850" : null);
  let classEntry: Entry | null = null;
  let note: string;
  const beyondSip = subcode === null && code >= 700 && code <= 999 && (ns === null || ns === "sip");
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
  // "400/1234": a registered SIP code with a number after it, which no family pairs with it.
  const registered = ns === "sip" && subcode !== null ? c.byId.get(`sip/${code}`) : undefined;
  if (registered) {
    note = `No entry pairs ${code} with subcode ${subcode}: SIP response codes have no subcodes, and ${labelOf(registered)} is listed below.`;
    return {
      query,
      kind: "unknown",
      parsed,
      results: [],
      others: [],
      classEntry,
      note,
      suggestions: [registered],
    };
  }
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
  } else if (beyondSip) {
    // "999": three digits past SIP's last class. Saying that there is no 9xx class, and showing the
    // top of the range, answers better than the ranges alone.
    const cls = `${Math.floor(code / 100)}xx`;
    note =
      ns === null
        ? `${code} is not a code I know in any namespace: ${cls} is no SIP class (SIP responses come in classes 1xx–6xx, codes 100–699), and Q.850 causes run 1–127.`
        : `No SIP entry for ${code}: ${cls} is no SIP class (SIP responses come in classes 1xx–6xx, codes 100–699).`;
    note += " The nearest SIP codes, the 6xx global failures, are listed below.";
  } else if (ns && range && !inRange) {
    note = `No ${namespaceLabel(ns)} entry for ${shown}: ${range[2]}.`;
  } else if (ns) {
    note = `No ${namespaceLabel(ns)} entry for ${shown}.`;
  } else {
    note = `${shown} is not a code I know in any namespace (SIP codes run 100–699; Q.850 causes 1–127).`;
  }
  // An unassigned Q.850 cause (35, 112) is answered by its class and the class's unspecified cause.
  const causeClass = ns === "q850" && subcode === null ? q850ClassAnswer(c, code) : undefined;
  if (causeClass) {
    note += ` ${causeClass.text}`;
    classEntry = causeClass.entry;
  }
  // A PSTN subcode (560487 alone, or acs 487/560487) the catalog lacks: its prefix still says who answered.
  const pstn = ns === "acs" || ns === null ? pstnNote(c, subcode ?? code) : undefined;
  if (pstn?.text) {
    if (ns === null)
      note = `${shown} is no SIP or Q.850 code; it reads as a Microsoft (ACS or Teams Direct Routing) subcode, which comes paired with a SIP code (e.g. ACS ${pstn.suggestions[0]?.code ?? 487}/${shown}).`;
    note += pstn.text;
  }
  const known = ns && subcode !== null ? inNs(c.byCode.get(code), ns) : [];
  let suggestions: Entry[];
  let closest = false;
  if (elsewhere.length > 0) {
    const maps = mapped.length > 0 ? ` (it maps to ${mapped.map(labelOf).join(" or ")})` : "";
    note += ` ${code} is ${elsewhere.map(labelOf).join(" and ")}${maps}.`;
    suggestions = [...new Set([...elsewhere, ...mapped])];
  } else if (known.length > 0 && ns && subcode !== null) {
    // "acs 410 9999": the general entry for the code, if there is one, then its known subcodes
    // nearest the one typed.
    const general = known.filter((e) => e.subcode === null);
    note += ` ${general.length > 0 ? `The general ${code} entry and the` : "The"} known ${code} subcodes are listed below.`;
    suggestions = [...general, ...nearestByNumber(c, ns, subcode, 6 - general.length, true, code)];
  } else {
    suggestions = [];
    closest = true;
  }
  if (beyondSip) suggestions = nearestByNumber(c, "sip", code, 5);
  if (pstn && pstn.suggestions.length > 0) suggestions = [...new Set([...pstn.suggestions, ...suggestions])];
  if (suggestions.length < 5 && inRange && ns) {
    const target = subcode ?? code;
    const bySubcode = (ns === "acs" && target >= 1000) || (ns === "mobius" && target < 400);
    // Only codes near the one typed: "exotel 407" is not near Exotel's 1000s.
    let near = nearestByNumber(c, ns, target, 5).filter((e) => {
      const v = bySubcode ? e.subcode : e.code;
      return v !== null && isClose(ns, target, v);
    });
    if (causeClass) near = near.filter((e) => e !== causeClass.entry);
    if (closest && near.length > 0)
      note += causeClass
        ? " Other causes of that class are listed below."
        : ` The closest ${bareCause ? "Q.850 causes are" : "known codes are"} listed below.`;
    suggestions = [...new Set([...suggestions, ...near])].slice(0, Math.max(5, suggestions.length));
  }
  return { query, kind: "unknown", parsed, results: [], others: [], classEntry, note, suggestions };
}

/**
 * "-1", "sip -486": no family has negative codes (SIP runs 100–699, Q.850 1–127, subcodes and
 * API codes are positive). Said plainly; what the number without its sign means is suggested.
 */
function negativeCode(c: Catalog, query: string, parsed: ParsedQuery & { type: "code" }): ExplainResult {
  const { code, subcode } = parsed;
  const ns = parsed.namespace;
  const shown = subcode === null ? `${code}` : `${code}/${subcode}`;
  const range = ns ? RANGE[ns]?.[2] : undefined;
  const family = ns ? `${namespaceLabel(ns)} codes are` : "Codes are";
  const runs = range ?? (ns ? "they are positive" : "SIP codes run 100–699, Q.850 causes 1–127");
  const note =
    `${family} never negative (${runs}), so ${shown} is no code. ` +
    "If the sign was a typo or a dash, the number without it is suggested below.";
  const abs = Math.abs(code);
  const sub = subcode === null ? null : Math.abs(subcode);
  const same = inNs(c.byCode.get(abs), ns).filter((e) => sub === null || e.subcode === sub);
  const suggestions = (sub === null ? same.filter((e) => e.subcode === null || ns !== null) : same).slice(
    0,
    5,
  );
  return { query, kind: "unknown", parsed, results: [], others: [], classEntry: null, note, suggestions };
}

/**
 * Related entries for an unknown answer: titles and aliases that share a word with the query, filler
 * words ("thank you", "please help") aside; never description matches.
 */
export function suggestionsFor(c: Catalog, text: string, ns: Namespace | null): Entry[] {
  const words = tokenize(text).filter((w) => !FILLER_WORDS.has(w));
  if (words.length === 0) return [];
  return searchText(c, words.join(" "), ns, 3, { detail: false }).map((r) => r.entry);
}
