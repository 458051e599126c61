// An answer that names no entry: the query, how it was read, and one sentence saying why and what
// to ask instead, with any entries worth suggesting.
import type { Entry } from "../catalog/schema.js";
import type { ExplainResult } from "./explain.js";

export function unknownAnswer(
  base: Pick<ExplainResult, "query" | "parsed">,
  note: string,
  suggestions: Entry[] = [],
): ExplainResult {
  return { ...base, kind: "unknown", results: [], others: [], classEntry: null, note, suggestions };
}
