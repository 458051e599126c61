// Codes inside a sentence: a namespace word right before a number ("what is sip 480"), one
// SIP-range number among words ("got a 488 from the trunk"), or a vendor's pair ("403/118 mobius").
import type { Namespace } from "../catalog/schema.js";
import { FILLER_WORDS, normalizeText, tokenize } from "../catalog/text.js";
import { NAMESPACE_WORDS } from "./query.js";
import { stripEdges } from "./query-clean.js";

/**
 * A namespace word right before a number inside a sentence: "what is sip 480", "what does http
 * 429 mean". "cause" is read so only for a Q.850-sized number: "what can cause 488" uses the verb.
 */
const NS_NUMBER_RE =
  /(?<![\w./-])(sip|https?|q\.?850|cause|isdn|mobius(?:-error)?|webex|acs|azure|exotel)\s*[:#-]?\s*(\d{1,7})(?![\w./@])/gi;

export function namespaceInProse(text: string): { namespace: Namespace; code: number; words: string } | null {
  const pairs = [...text.matchAll(NS_NUMBER_RE)]
    .map((m) => ({ ns: NAMESPACE_WORDS[(m[1] ?? "").toLowerCase()], code: Number(m[2]), m }))
    .filter((p) => p.ns !== undefined && !(p.ns === "q850" && /^cause$/i.test(p.m[1] ?? "") && p.code > 127));
  const first = pairs[0];
  if (!first?.ns || pairs.some((p) => p.ns !== first.ns || p.code !== first.code)) return null;
  const at = first.m.index ?? 0;
  const rest = `${text.slice(0, at)} ${text.slice(at + first.m[0].length)}`;
  // Question words around the code add nothing ("what is", "mean").
  const said = tokenize(rest).some((w) => !FILLER_WORDS.has(w));
  return { namespace: first.ns, code: first.code, words: said ? normalizeText(rest) : "" };
}

/**
 * Prose with exactly one SIP-range number in it ("got a 488 from the trunk"): that number and the
 * rest. A plural ("getting 503s", "488s everywhere") is a code for certain, never a count.
 */
export function numberInProse(text: string): { code: number; words: string; plural: boolean } | null {
  const tokens = text.split(/\s+/);
  const hits = tokens
    .map((t) => ({ t: stripEdges(t), m: /^([1-6]\d\d)(['’]?s)?$/.exec(stripEdges(t)) }))
    .filter((h): h is { t: string; m: RegExpExecArray } => h.m !== null);
  const distinct = new Set(hits.map((h) => h.m[1]));
  if (distinct.size !== 1 || !hits[0]) return null;
  const found = new Set(hits.map((h) => h.t));
  const words = normalizeText(tokens.filter((t) => !found.has(stripEdges(t))).join(" "));
  return { code: Number(hits[0].m[1]), words, plural: hits.every((h) => h.m[2] !== undefined) };
}

/** An Exotel API error with a second number after it: "1001/5" (Exotel's errors have four digits). */
const EXOTEL_PAIR_RE = /^(\d{4})\s*[/:-]\s*(\d{1,7})$/;
/** A status/mobius-error pair inside words: "403/118", never a date (2024/05/01) or a ratio's tail. */
const MOBIUS_PAIR_RE = /(?<![\w./:-])([1-5]\d\d)\s*\/\s*(\d{1,3})(?![\w./:-])/g;
const MOBIUS_WORD_RE = /\b(?:mobius(?:-error)?|webex|wxc)\b/i;

/**
 * A pair written as one vendor writes it, beyond the plain "410/3112": "exotel 1001/5", and one
 * status/mobius-error pair among words that name Mobius ("403/118 mobius", "got 499/3 from
 * webex"), read as "mobius 403/118" is. Read as pairs so the answer can say what the pair is.
 */
export function vendorPair(
  text: string,
  ns: Namespace | null,
): { namespace: Namespace; code: number; subcode: number } | null {
  if (!text.includes("/") && ns !== "exotel") return null;
  if (ns === "exotel") {
    const m = EXOTEL_PAIR_RE.exec(text);
    return m ? { namespace: ns, code: Number(m[1]), subcode: Number(m[2]) } : null;
  }
  if (!(ns === "mobius" || (ns === null && MOBIUS_WORD_RE.test(text)))) return null;
  const pairs = new Set([...text.matchAll(MOBIUS_PAIR_RE)].map((m) => `${Number(m[1])}/${Number(m[2])}`));
  if (pairs.size !== 1) return null;
  const [code, subcode] = ([...pairs][0] as string).split("/").map(Number);
  return code === undefined || subcode === undefined ? null : { namespace: "mobius", code, subcode };
}
