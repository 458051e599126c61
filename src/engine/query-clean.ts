// What a typed query is cleaned of before it is read or echoed: terminal escape sequences, control
// and direction-changing characters, and the punctuation or emoji around it.

/** Punctuation, symbols and emoji around a query ("(488)", "488.", "'488'", "488 😀"). */
const EDGE_JUNK_RE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Terminal escape sequences and control or direction-changing characters; never echo these back. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point.
const ESCAPE_SEQ_RE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+/g;

/** The query with escape sequences removed and other control characters turned into spaces. */
export function cleanQuery(input: string): string {
  return input.replace(ESCAPE_SEQ_RE, "").replace(CONTROL_RE, " ");
}

export function stripEdges(s: string): string {
  return s.replace(EDGE_JUNK_RE, "");
}
