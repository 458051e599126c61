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

/**
 * The parts of a pasted log line whose digits are never codes: dates and times ("2024-03-05
 * 03:00:05,503": Python's milliseconds after a comma), IPv4 addresses with their ports, process
 * ids in brackets ("[812]", "NOTICE[3098]") and the user part of a SIP URI (an extension, "1002").
 */
const LOG_NOISE_RE =
  /\b\d{4}-\d{2}-\d{2}(?:T(?=\d))?|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b|\[\d+\]|\bsips?:[^@\s>]*@/gi;

/** `text` without the digits a log line's stamp, addresses, process ids and URIs hold. */
export function withoutLogNoise(text: string): string {
  if (!/\d/.test(text)) return text;
  return text.replace(LOG_NOISE_RE, " ");
}
