// explain(): the answer to "what does this code mean?". Always returns a result: found, ambiguous
// (several meanings, most likely first) or unknown (with the class meaning and the nearest entries).
// Numbers are answered in explain-codes.ts, words in explain-text.ts, pasted headers in
// explain-headers.ts, unknown codes in explain-unknown.ts.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { codeResult, othersFor } from "./explain-codes.js";
import { headerResult } from "./explain-headers.js";
import { textResult } from "./explain-text.js";
import { cleanQuery, type ParsedQuery, parseQuery } from "./query.js";
import { dropSecrets, redact } from "./scan/redact.js";

export { namespaceLabel } from "./explain-common.js";

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
