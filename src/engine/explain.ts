// explain(): the answer to "what does this code mean?". Always returns a result: found, ambiguous
// (several meanings, most likely first) or unknown (with the class meaning and the nearest entries).
// Numbers are answered in explain-codes.ts, words in explain-text.ts, pasted headers in
// explain-headers.ts, unknown codes in explain-unknown.ts.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import { normalizeText } from "../catalog/text.js";
import { callAutomationAnswer } from "./explain-call-automation.js";
import { codeResult, othersFor } from "./explain-codes.js";
import { echo } from "./explain-common.js";
import { durationResult } from "./explain-duration.js";
import { headerResult } from "./explain-headers.js";
import { mediaMeasurement, mediaResult } from "./explain-media.js";
import { scanTypoAnswer, unknownAnswer } from "./explain-no-entry.js";
import { question, SECRET_ONLY_NOTE } from "./explain-secrets.js";
import { textResult } from "./explain-text.js";
import { providerCodeAnswer } from "./explain-vendor.js";
import { cleanQuery, type ParsedQuery, parseQuery } from "./query.js";
import { durationIn } from "./query-duration.js";
import { SHAPE_NOTES, shapeOf, withoutShapes } from "./query-shape.js";
import { scanText } from "./scan/scanner.js";

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
      if (parsed.durationMs !== undefined) return durationResult(catalog, q, parsed, parsed.durationMs);
      return textResult(catalog, q, parsed);
  }
}

/** The longest echo a card title quotes (render/card.ts). */
const TITLE_CHARS = 60;

/**
 * The question as echoed: whitespace collapsed, and, when a title's cut would split a quoted part
 * ('Warning: 399 host "Calling number not provisioned"'), cut between words with the quote closed.
 */
function echoed(shown: string): string {
  const q = shown.replace(/\s+/g, " ").trim().slice(0, 200);
  const quotes = (s: string) => s.split('"').length - 1;
  if (q.length <= TITLE_CHARS || quotes(q.slice(0, TITLE_CHARS)) % 2 === 0) return q;
  const cut = echo(q, TITLE_CHARS - 3);
  return quotes(cut) % 2 === 0 ? cut : `${cut}"`;
}

export function explain(catalog: Catalog, query: string): ExplainResult {
  const clean = cleanQuery(query);
  // A secret typed into a question is neither searched for nor echoed back, and neither is the
  // mark that replaces it. A phone number is echoed masked, and read as nothing: its digits are
  // neither words nor codes, and the notes that quote the words show "•••" in its place.
  const { shown, asked, secretOnly } = question(clean);
  if (secretOnly) return secretOnlyResult(echoed(shown));
  // "scna trace.log": a mistyped command, not words to look up.
  const typo = scanTypoAnswer({ query: echoed(shown), parsed: { type: "empty" } }, shown);
  if (typo) return typo;
  // A phone number, timestamp, SIP URI, version or ticket number alone is said to be one; in a
  // sentence it is taken out before a number is read ("call from 415-555-0486 failed").
  const shape = shapeOf(clean);
  if (shape) return unknownAnswer({ query: echoed(shown), parsed: { type: "empty" } }, SHAPE_NOTES[shape]);
  let words = asked;
  let parsed = parseQuery(asked);
  if (parsed.type === "code" || parsed.type === "text") {
    const bare = withoutShapes(clean);
    if (bare !== clean) {
      words = question(bare).asked;
      parsed = parseQuery(words);
    }
  }
  const q = words.replace(/\s+/g, " ").trim().slice(0, 200);
  const provider = providerCodeAnswer(catalog, { query: echoed(shown), parsed }, q);
  if (provider) return provider;
  // A Call Automation action's result ("RecognizeFailed 400/8510") is no call-end code.
  const action = callAutomationAnswer({ query: echoed(shown), parsed }, q);
  if (action) return action;
  // A packet header line ("<--- Received SIP response (482 bytes) from …") is read as the scanner
  // reads it: the code pjsip prints after "msg", else none, never the byte count.
  const packet =
    parsed.type === "header" && parsed.header === "packet" ? scannedCode(catalog, clean) : undefined;
  // A media measurement ("jitter 480 ms", "rtt 486 ms", "ptime 30ms"): its value is no timer.
  const media = parsed.type === "text" ? mediaMeasurement(q) : null;
  const measured = media ? mediaResult(catalog, q, parsed, media) : null;
  if (measured) return { ...measured, query: echoed(shown) };
  let result = answer(catalog, q, packet ? { type: "id", id: packet } : parsed);
  // Words nothing answers, around a duration ("INVITE retransmitted after 486 ms"): the duration.
  const duration = parsed.type === "text" && result.kind === "unknown" ? durationIn(q) : null;
  if (parsed.type === "text" && duration !== null) result = durationResult(catalog, q, parsed, duration);
  // Words no title answers, or written like a log line ("sip_term_status=503",
  // "DIALSTATUS=CONGESTION"): the scanner reads them as `sipcode scan` would, so both give the
  // same code. A bare name (USER_BUSY) is the name's answer.
  if (
    parsed.type === "text" &&
    (result.kind === "unknown" || (result.kind !== "found" && LOG_SYNTAX.test(q)))
  ) {
    const id = scannedCode(catalog, clean);
    if (id) result = answer(catalog, q, { type: "id", id });
  }
  // A number inside a line written like a log line ("POST https://…/callConnections -> 403"): the
  // scanner knows from the line's shape which family the number belongs to (HTTP here, where the
  // words alone would pick ACS), so the card is the one `sipcode scan` gives for the line.
  if (parsed.type === "code" && parsed.words && parsed.subcode === null && LOG_LINE.test(q)) {
    const id = scannedCode(catalog, clean);
    const read = id ? catalog.byId.get(id) : undefined;
    if (read && read.code === parsed.code && result.results[0]?.id !== read.id)
      result = answer(catalog, q, { type: "id", id: read.id });
  }
  if (parsed.type === "code" && parsed.hex && result.kind === "found")
    result = { ...result, note: hexNote(parsed.hex) };
  return { ...result, query: echoed(shown) };
}

/** How Cisco's hex cause element was read: the coding/location octet, then the cause without its top bit. */
function hexNote(hex: string): string {
  const octets = hex.match(/../g) ?? [];
  const cause = octets[Number.parseInt(octets[0] ?? "0", 16) & 0x80 ? 1 : 2] ?? "";
  return `0x${hex} is a Q.931 cause element: 0x${octets[0]} is the coding standard and location, and 0x${cause} without its top bit is cause ${Number.parseInt(cause, 16) & 0x7f}`;
}

function secretOnlyResult(query: string): ExplainResult {
  return {
    query,
    kind: "unknown",
    parsed: { type: "empty" },
    results: [],
    others: [],
    classEntry: null,
    note: SECRET_ONLY_NOTE,
    suggestions: [],
  };
}

/** A key=value, a bracket or a parenthesis: log syntax, which questions rarely hold. */
const LOG_SYNTAX = /[=[\](){}]/;

/** Log syntax, a URL or a logged arrow ("-> 403"): a number among such words was logged, not asked. */
const LOG_LINE = /[=[\](){}]|:\/\/|->|<-/;

/** The longest one-line paste that is read as a log line. */
const SINGLE_LINE = 300;

/** The catalog id of the one code the scanner finds in a one-line paste, if it finds exactly one. */
function scannedCode(catalog: Catalog, text: string): string | undefined {
  const line = text.trim();
  if (line.length > SINGLE_LINE || line.includes("\n")) return undefined;
  const [f, ...rest] = scanText(catalog, line).findings;
  if (!f?.id || rest.some((g) => g.id !== f.id)) return undefined;
  return f.id;
}
