// The lines OkHttp's HttpLoggingInterceptor writes around a response body. At Level.BODY it logs
// `<-- 403 Forbidden https://… (110ms)`, the headers, an empty line, the body (each line of a
// pretty-printed body as its own log line on Android), then `<-- END HTTP (48-byte body)`; a
// request ends with `--> END POST (52-byte body)`. The END line closes the exchange: it is neither
// a reply nor part of a body, and what lies between a reply and its END line is that reply's own.

/** A line that starts another exchange (a request, any reply, a console's `POST https://…`). */
export const EXCHANGE = /<--|-->|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/|\/)/;
/** OkHttp's end of a response: `<-- END HTTP`, `<-- END HTTP (48-byte body)`, `(…gzipped-byte body)`. */
const RESPONSE_END = /<--[ \t]+END[ \t]+HTTP\b/;
/** The most lines one pretty-printed body may take. */
const MAX_BODY_LINES = 24;

/** Whether `l` is OkHttp's `<-- END HTTP …`, the line that closes one response. */
export function isResponseEnd(l: string): boolean {
  // Cheap test first: a body line holds no "END".
  return l.includes("END") && RESPONSE_END.test(l);
}

/**
 * Whether `l` carries an empty message: OkHttp logs one before each body, which an Android logger
 * prints as its tag alone (`D/OkHttp: `).
 */
export function isEmptyMessage(l: string): boolean {
  const t = l.trimEnd();
  return t === "" || (t.endsWith(":") && !t.includes("{"));
}

/** Whether `l` opens a response body logged on its own line(s): a JSON object, and no new exchange. */
export function isBodyStart(l: string | undefined): boolean {
  if (l === undefined) return false;
  return l.includes("{") && !EXCHANGE.test(l);
}

/** One body read from the lines: its trimmed lines, and the index of the line after it. */
export interface BodyRead {
  body: string[];
  next: number;
}

/**
 * The body that opens at after[from] (isBodyStart holds there): null when a new exchange or a body
 * longer than any error reply's comes first, "cut" when the lines read end inside it.
 */
export function readBody(after: readonly string[], from: number): BodyRead | null | "cut" {
  const first = after[from] as string;
  let depth = braceDepth(first, first.indexOf("{"), 0);
  const body = [first.trim()];
  let i = from + 1;
  for (; depth > 0; i++) {
    if (i >= after.length) return "cut";
    const l = after[i] as string;
    if (EXCHANGE.test(l) || body.length >= MAX_BODY_LINES) return null;
    depth = braceDepth(l, 0, depth);
    body.push(l.trim());
  }
  return { body, next: i };
}

/**
 * The body of a reply logged on its own, OkHttp's way: its headers, an empty line, the body and
 * `<-- END HTTP`, before the next exchange. The body may lie further below the reply than the plain
 * four-line look-ahead reads; the END line says it is this reply's. Undefined when the lines below
 * are not that shape (no END line before another exchange, or no body before it).
 */
export function loneBody(after: readonly string[]): string[] | undefined {
  for (let i = 0; i < after.length; i++) {
    const l = after[i] as string;
    if (isResponseEnd(l) || EXCHANGE.test(l)) return undefined;
    if (!l.includes("{")) continue; // a header or the empty line before the body
    const read = readBody(after, i);
    if (read === null || read === "cut") return undefined;
    // The body's own END line follows it; with none (the log cut there, or the app's own logger
    // left it out), the body is still this reply's when it is the one OkHttp logs: right after the
    // empty message that ends the reply's headers.
    const end = after[read.next];
    if (end !== undefined && isResponseEnd(end)) return read.body;
    return i > 0 && isEmptyMessage(after[i - 1] as string) && headersOnly(after, i - 1)
      ? read.body
      : undefined;
  }
  return undefined;
}

/** An OkHttp header line: `content-type: application/json`, after the logger's own prefix. */
export const HEADER = /[\w-]+: \S/;

/**
 * Whether the first `n` of `after` are all header lines: then the empty message after them is the
 * one OkHttp logs between a reply's headers and its body, not a gap before another message.
 */
function headersOnly(after: readonly string[], n: number): boolean {
  for (let k = 0; k < n; k++)
    if (!HEADER.test(after[k] as string) || isEmptyMessage(after[k] as string)) return false;
  return true;
}

/**
 * The brace depth after `l` from index `from`, starting at `depth`: braces inside JSON strings do
 * not count (a string never spans lines in JSON).
 */
function braceDepth(l: string, from: number, depth: number): number {
  let inString = false;
  for (let k = from; k < l.length; k++) {
    const c = l.charCodeAt(k);
    if (inString) {
      if (c === 92)
        k++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125 && depth > 0 && --depth === 0) return 0;
  }
  return depth;
}
