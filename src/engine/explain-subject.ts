// A failure code typed among a few words ("registration failed 403", "hold failed 491") is what
// the question is about: its meanings come first, and an entry the words happen to name (Mobius's
// "registration failed", the OPTIONS-ping timer) follows them instead of replacing them.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { echo, labelOf, othersFor } from "./explain-common.js";
import type { ParsedQuery } from "./query.js";

/** Units after a number that make it a quantity, not a code: "180 seconds", "500 ms", "200 calls". */
const UNIT_RE =
  /^\s*(?:s|secs?|seconds?|ms|msecs?|milliseconds?|mins?|minutes?|h|hrs?|hours?|bytes?|kb|kbps|mb|%|percent|times|calls|packets|pkts|users|channels)\b/i;

export function isQuantity(query: string, code: number): boolean {
  for (const m of query.matchAll(/\d+/g)) {
    if (Number(m[0]) === code && UNIT_RE.test(query.slice((m.index ?? 0) + m[0].length))) return true;
  }
  return false;
}

/** The most entries the words may add after the code's own meanings. */
const MAX_ADDED = 3;

/**
 * Whether the typed number is the subject of the question whatever its words name: a 3xx–6xx
 * response code, not a quantity. A 1xx or 2xx is a milestone of a call rather than a failure, so
 * a sentence around it ("one way audio after 200 ok") is about the words.
 */
export function codeIsSubject(query: string, parsed: ParsedQuery & { type: "code" }): boolean {
  const { code } = parsed;
  return parsed.subcode === null && code >= 300 && code <= 699 && !isQuantity(query, code);
}

/**
 * The code's meanings (`answer`, already ordered by the words), then up to three entries the words
 * name (`named`), said in the note. The "same number also means" list stays the code's own.
 */
export function withNamedAfter(
  c: Catalog,
  answer: ExplainResult,
  meanings: readonly Entry[],
  named: readonly Entry[],
  words: string,
): ExplainResult {
  const added = named.filter((e) => !meanings.includes(e)).slice(0, MAX_ADDED);
  if (added.length === 0) return answer;
  const results = [...answer.results, ...added];
  const others = othersFor(c, answer.results, answer.parsed).filter((e) => !results.includes(e));
  const first = answer.results[0];
  const lead =
    answer.note ??
    (first && answer.results.length === 1 ? `${labelOf(first)} is what the number means.` : "");
  const also = `"${echo(words)}" also names ${added.map(labelOf).join(", ")}, listed after the code's meaning${answer.results.length === 1 ? "" : "s"}.`;
  return { ...answer, kind: "ambiguous", results, others, note: `${lead} ${also}`.trim() };
}

/** An unknown code with the entries its words name added to its suggestions. */
export function unknownWithNamed(
  answer: ExplainResult,
  named: readonly Entry[],
  words: string,
): ExplainResult {
  const added = named.filter((e) => !answer.suggestions.includes(e)).slice(0, MAX_ADDED);
  if (added.length === 0) return answer;
  const note = `${answer.note ?? ""} "${echo(words)}" names ${added.map(labelOf).join(", ")}, suggested too.`;
  return { ...answer, note: note.trim(), suggestions: [...answer.suggestions, ...added] };
}
