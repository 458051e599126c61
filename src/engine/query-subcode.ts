// A Microsoft subcode typed among words ("direct routing 560486", "Teams shows 503/560503"): the
// number is what the question is about, read as `560486` or `acs 503/560503` alone would be; the
// words around it only rank its meanings and never swap it for another entry.

import type { Namespace } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { stripEdges } from "./query-clean.js";

/**
 * A six-digit 510xxx, 540xxx or 560xxx subcode whose last three digits are a SIP code (or 000,
 * a normal end): Microsoft's policy and PSTN subcodes. Too specific to be a count or a port.
 */
const PSTN_SUB = /^5[146]0(?:000|[1-6]\d\d)$/;
/** The ACS call controller's 10xxx subcodes: five digits, so only read where words name Microsoft. */
const CONTROLLER_SUB = /^10\d{3}$/;
const MICROSOFT_WORDS =
  /\b(?:teams|acs|azure|microsoft|direct[\s-]+routing|callendreason|sub-?code|pstn|sbc)\b/i;
/**
 * "503/560503" inside a sentence: an ACS-style code/subcode pair. Dates (2024/05/01) and ratios
 * (3/5) never fit, since the second number must be a Microsoft subcode.
 */
const PAIR_IN_TEXT = /(?<![\w./:-])(0|[1-6]\d\d)\s*\/\s*(\d{5,6})(?![\w./:-])/g;

/** Whether `n` is a Microsoft subcode no other family shares: always for 5x0xxx, 10xxx under ACS. */
export function microsoftSubcode(n: number, ns: Namespace | null): boolean {
  return PSTN_SUB.test(`${n}`) || (ns === "acs" && CONTROLLER_SUB.test(`${n}`));
}

export interface SubcodeInProse {
  namespace: Namespace | null;
  code: number;
  subcode: number | null;
  words: string;
}

/**
 * The one Microsoft subcode (or code/subcode pair) among the words of `compact`, with the words
 * left around it; null when there is none, or several different ones. `acs`: a namespace word
 * (teams, acs, azure) came first and was removed.
 */
export function subcodeInProse(compact: string, acs: boolean): SubcodeInProse | null {
  const microsoft = acs || MICROSOFT_WORDS.test(compact);
  const isSub = (s: string) => PSTN_SUB.test(s) || (microsoft && CONTROLLER_SUB.test(s));
  const pairs = [...compact.matchAll(PAIR_IN_TEXT)].filter((m) => isSub(m[2] ?? ""));
  const distinctPairs = new Set(pairs.map((m) => `${Number(m[1])}/${Number(m[2])}`));
  if (distinctPairs.size > 1) return null;
  const pair = pairs[0];
  if (pair) {
    let rest = compact;
    for (const m of pairs) rest = rest.replace(m[0], " ");
    // The SIP code said again on its own ("fail with 503 … shows 503/560503") is the same code.
    rest = rest.replace(new RegExp(`(?<![\\w./])${Number(pair[1])}(?![\\w./])`, "g"), " ");
    return { namespace: "acs", code: Number(pair[1]), subcode: Number(pair[2]), words: wordsOf(rest) };
  }
  const tokens = compact.split(/\s+/);
  const subs = new Set(tokens.map(stripEdges).filter(isSub));
  if (subs.size !== 1) return null;
  const sub = [...subs][0] as string;
  const rest = tokens.filter((t) => stripEdges(t) !== sub).join(" ");
  const words = wordsOf(rest);
  // The number alone is read by the ordinary rules.
  if (words === "") return null;
  const namespace = acs || CONTROLLER_SUB.test(sub) ? "acs" : null;
  return { namespace, code: Number(sub), subcode: null, words };
}

function wordsOf(rest: string): string {
  return normalizeText(rest.replace(/\s+/g, " ").trim());
}
