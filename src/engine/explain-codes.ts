// Answers for a number: its meanings in the namespace asked (or all of them), ordered by any words
// typed with it; vendor numbers for causes Q.850 lacks ("cause 52"); the rest of a number's meanings.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import type { ExplainResult } from "./explain.js";
import { acsSubcodeZero, acsUnknownPair } from "./explain-acs-pair.js";
import { echo, inNs, labelOf, listedAnswer, namespaceLabel, othersFor } from "./explain-common.js";
import { diagnosticsResult } from "./explain-diagnostics.js";
import { noCauseResult } from "./explain-no-cause.js";
import { bySubcodeFor, familyOrdered } from "./explain-order.js";
import { unknownPair } from "./explain-pair-unknown.js";
import { everydayFirst, severalCodes, twoCodes } from "./explain-several.js";
import { codeIsSubject, isQuantity, unknownWithNamed, withNamedAfter } from "./explain-subject.js";
import { textResult } from "./explain-text.js";
import { unknownCode } from "./explain-unknown.js";
import type { ParsedQuery } from "./query.js";
import { microsoftSubcode } from "./query-subcode.js";
import { vendorNote, vendorNotes } from "./search.js";
import { logMessageMatches } from "./search-logs.js";
import { rankMeanings } from "./search-meanings.js";

/** Entries for a number, honouring the namespace's own reading of a lone number. */
function lookupCode(
  c: Catalog,
  ns: Namespace | null,
  code: number,
  subcode: number | null,
): { entries: Entry[]; note: string | null } {
  if (subcode !== null) {
    const exact = inNs(c.byCode.get(code), ns).filter((e) => e.subcode === subcode);
    // A pair with subcode 0 and no family named ("500/0") is written as ACS's callEndReason writes
    // it, so ACS's general entry leads; another family's own entry for the pair follows it.
    const zero = ns === "acs" || ns === null ? acsSubcodeZero(c, code, subcode) : null;
    if (exact.length > 0) {
      const acsFirst =
        zero && !exact.some((e) => e.namespace === "acs") ? [...zero.entries, ...exact] : exact;
      return { entries: acsFirst, note: null };
    }
    if (zero) return zero;
    // "497/540487": the subcode is specific enough to find the row even under another code, but
    // the answer must say that the code part was not the one typed. Within Mobius, whose
    // mobius-error numbers are small, so is any subcode ("mobius 403 117" is 503 · 117).
    const entries = inNs(c.bySubcode.get(subcode), ns).filter(
      (e) => e.subcode !== null && (e.subcode >= 1000 || ns === "mobius"),
    );
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
    if (byCode.length > 0) return { entries: byCode.sort(bySubcodeFor(code, byCode)), note: null };
    const bySub = inNs(c.bySubcode.get(code), ns);
    if (bySub.length > 0) return { entries: bySub, note: null };
  }
  if (ns === "exotel" && byCode.length === 0) return exotelStatus(c, code);
  if (ns && byCode.length === 0) return vendorCode(c, ns, code);
  if (ns) return { entries: byCode, note: null };
  const bySub = (c.bySubcode.get(code) ?? []).filter((e) => !byCode.includes(e));
  return { entries: [...familyOrdered(code, byCode), ...bySub], note: null };
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
    note: `No ${namespaceLabel(ns)} entry has code ${code}; ${labelOf(first)} is shown with its ${n.context} note: ${n.text}`,
  };
}

/**
 * "exotel 409": Exotel API errors arrive with an HTTP status (1008 with 409), so the status points
 * at those errors; a SIP code with an Exotel trunk note (SIP 415's codec note) comes first.
 */
function exotelStatus(c: Catalog, code: number): { entries: Entry[]; note: string | null } {
  const trunk = vendorCode(c, "exotel", code);
  const api = (c.byNamespace.get("exotel") ?? []).filter((e) => e.httpStatus === code);
  if (api.length === 0) return trunk.entries.length > 0 ? trunk : apiStatus(c, code);
  const names = api.map((e) => `${e.code} ${e.title}`).join(", ");
  const carried = `Exotel API error${api.length === 1 ? "" : "s"} ${names} ${api.length === 1 ? "arrives" : "arrive"} with HTTP status ${code}`;
  const note =
    trunk.entries.length > 0
      ? `${trunk.note} ${carried}, listed after it.`
      : `No Exotel API error has code ${code}; ${carried}, shown here.`;
  return { entries: [...trunk.entries, ...api], note };
}

/** Statuses a REST API itself answers with (a 407 comes from a forward proxy, never from Exotel). */
const API_STATUSES: ReadonlySet<number> = new Set([
  400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 502, 503, 504,
]);

/**
 * "exotel 429": no Exotel error or trunk note has the number, but Exotel's REST API answers with
 * HTTP statuses, so naming Exotel asks about the API's status (rate limiting), ahead of the SIP code.
 */
function apiStatus(c: Catalog, code: number): { entries: Entry[]; note: string | null } {
  const http = API_STATUSES.has(code) ? c.byId.get(`http/${code}`) : undefined;
  if (!http) return { entries: [], note: null };
  const sip = c.byId.get(`sip/${code}`);
  const trunk = sip ? ` On an Exotel SIP trunk, ${code} would be ${labelOf(sip)}.` : "";
  return {
    entries: [http],
    note: `No Exotel API error has code ${code}; Exotel's REST API answers with HTTP statuses, so ${labelOf(http)} is shown.${trunk}`,
  };
}

export { othersFor };

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

/** A code and subcode written with a slash ("486/1"), as pairs are, not two codes side by side. */
function isSlashPair(query: string): boolean {
  return /\d\s*\/\s*\d/.test(query);
}

/** Whether the words hold a whole title or alias of `e` of two words or more ("one way audio"). */
function namesEntry(query: string, e: Entry): boolean {
  const said = ` ${normalizeText(query)} `;
  return [e.title, ...e.aliases].some((name) => {
    const n = normalizeText(name);
    return n.includes(" ") && said.includes(` ${n} `);
  });
}

/**
 * A number, maybe with words typed next to it ("404 Not Found", "got a 488 from the trunk"). The
 * words only reorder the number's meanings, unless they fit none of them and say more than the
 * number does: a whole known phrase ("500 ms"), or a sentence about something else ("audio drops
 * after 180 seconds").
 */
export function codeResult(c: Catalog, query: string, parsed: ParsedQuery & { type: "code" }): ExplainResult {
  if (parsed.code < 0 || (parsed.subcode ?? 0) < 0) return unknownCode(c, query, parsed);
  if (parsed.diagnostics) return diagnosticsResult(c, query, parsed);
  // "HANGUPCAUSE=0", "cause 0": no cause was recorded, which is not a Q.850 cause at all.
  if (parsed.namespace === "q850" && parsed.code === 0 && parsed.subcode === null && !parsed.also?.length)
    return noCauseResult({ query, parsed });
  if (parsed.also && parsed.also.length > 0)
    return severalCodes(c, query, parsed, [parsed.code, ...parsed.also]);
  const { entries: found, note: lookupNote } = lookupCode(c, parsed.namespace, parsed.code, parsed.subcode);
  // "486 487", "16 17", "486 17": no entry pairs them, and each is a code of its own (a SIP code,
  // a Q.850 cause), so they are two codes.
  const { code, subcode } = parsed;
  // "sip 486/1", "q850 16/0": written as a pair in a family that has none, it is the code and a
  // stray number (explain-pair-unknown.ts), not two codes.
  const strayPair = isSlashPair(query) && (parsed.namespace === "sip" || parsed.namespace === "q850");
  if (found.length === 0 && subcode !== null && !strayPair && twoCodes(c, parsed.namespace, code, subcode))
    return severalCodes(c, query, parsed, [code, subcode]);
  const entries = parsed.namespace === null && !parsed.words ? everydayFirst(found) : found;
  const asText = () =>
    textResult(c, query, { type: "text", namespace: parsed.namespace, text: normalizeText(query) }, false);
  if (entries.length === 0) {
    // "sip 503/560503": SIP codes have no subcodes, so the SIP code is answered on its own, and
    // the Microsoft subcode after it is pointed at its ACS pair (explain-pair-unknown.ts).
    const stray = strayPair ? unknownPair(c, query, parsed, (alone) => codeResult(c, query, alone)) : null;
    if (stray) return stray;
    // A Microsoft subcode the catalog lacks stays the subject: words never trade it for an entry
    // about something else ("pstn 560503" is not a normal PSTN end).
    if (microsoftSubcode(parsed.subcode ?? parsed.code, parsed.namespace))
      return unknownCode(c, query, parsed);
    const acsPair = acsUnknownPair(c, query, parsed);
    if (acsPair) return acsPair;
    const pair = unknownPair(c, query, parsed, (alone) => codeResult(c, query, alone));
    if (pair) return pair;
    const vendor = vendorValueResult(c, query, parsed);
    if (vendor) return vendor;
    const text = parsed.words ? asText() : null;
    if (!text || text.kind === "unknown") return unknownCode(c, query, parsed);
    // "registration failed 499": the unknown code is still the subject; the words' entries are hints.
    if (!codeIsSubject(query, parsed)) return text;
    return unknownWithNamed(unknownCode(c, query, parsed), text.results, parsed.words ?? "");
  }
  let results = entries;
  /** How many meanings in a row fit the words, from the first (or, when it does not, the second). */
  let fitting = 0;
  let firstFits = false;
  let logged: Entry[] = [];
  /** Entries the words name that the code's meanings follow rather than give way to. */
  let named: Entry[] = [];
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
      // A sentence answers itself only when its number is a quantity ("audio drops after 180
      // seconds") or its words hold a whole name of the entry found ("one way audio after 200 ok");
      // otherwise the code's meanings come first ("got a 488 on re-INVITE", "status 429").
      const about = top !== undefined && (isQuantity(query, parsed.code) || namesEntry(query, top));
      if (text && top && !entries.includes(top) && (phrase.length > 0 || about)) {
        // A failure code typed among the words stays the subject ("registration failed 403");
        // only a whole known phrase or a quantity ("500 ms", "drops after 180 seconds") gives way.
        if (phrase.length > 0 || !codeIsSubject(query, parsed)) return text;
        named = text.results;
      }
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
  const listed = listedAnswer(c, query, parsed, results, kind, note);
  return named.length > 0 ? withNamedAfter(c, listed, results, named, parsed.words ?? "") : listed;
}
