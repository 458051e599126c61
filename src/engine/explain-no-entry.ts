// An answer that names no entry: the query, how it was read, and one sentence saying why and what
// to ask instead, with any entries worth suggesting.
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";
import { isCommandTypo } from "./route.js";

export function unknownAnswer(
  base: Pick<ExplainResult, "query" | "parsed">,
  note: string,
  suggestions: Entry[] = [],
): ExplainResult {
  return { ...base, kind: "unknown", results: [], others: [], classEntry: null, note, suggestions };
}

/**
 * "scna trace.log" where the command was not read as one (the CLI reads only `scan` itself): say
 * which command was meant rather than look the typo up as words. `shown` is the question as it
 * may be echoed (secrets and phone numbers masked). Null when the first word is no scan typo.
 */
export function scanTypoAnswer(
  base: Pick<ExplainResult, "query" | "parsed">,
  shown: string,
): ExplainResult | null {
  const [first = "", ...rest] = shown.trim().split(/\s+/);
  if (!isCommandTypo(first.toLowerCase(), "scan")) return null;
  const what = rest.join(" ").slice(0, 120) || "FILE";
  return unknownAnswer(
    base,
    `"${first}" reads as a typo of scan: run \`sipcode scan ${what}\` to find the codes in a log (in chat, paste the log after "scan").`,
  );
}
