// Line access inside the scanner's text buffer. Lines lose the "\r" of CRLF logs, and only complete
// lines (ended by "\n") count, exactly as a line-by-line reader would have seen them.

/** The line text[ls, le) without a trailing "\r". */
export function lineAt(text: string, ls: number, le: number): string {
  return text.slice(ls, le > ls && text.charCodeAt(le - 1) === 13 ? le - 1 : le);
}

/** Up to `n` complete lines after the line whose "\n" is at `le`, without chat quote markers. */
export function nextLines(text: string, le: number, n: number): string[] {
  const out: string[] = [];
  let start = le + 1;
  while (out.length < n) {
    const e = text.indexOf("\n", start);
    if (e < 0) break;
    out.push(lineAt(text, quoteEnd(text, start), e));
    start = e + 1;
  }
  return out;
}

/** Index of the "\n" that ends the n-th line after the line ending at `le` (text.length if none). */
export function endOfNext(text: string, le: number, n: number): number {
  let e = le;
  for (let k = 0; k < n && e >= 0; k++) e = text.indexOf("\n", e + 1);
  return e < 0 ? text.length : e;
}

/** Start of the line before the one starting at `ls` (which must be > 0). */
export function prevLineStart(text: string, ls: number): number {
  return ls - 1 > 0 ? text.lastIndexOf("\n", ls - 2) + 1 : 0;
}

/** The up to `n` lines before the one starting at `ls`, nearest first, without chat quote markers. */
export function prevLines(text: string, ls: number, n: number): string[] {
  const out: string[] = [];
  for (let s = ls; s > 0 && out.length < n; ) {
    const p = prevLineStart(text, s);
    out.push(lineAt(text, quoteEnd(text, p), s - 1));
    s = p;
  }
  return out;
}

/** Number of "\n" in text[from, to). */
export function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Where the text of the line starting at text[ls] begins past the quote markers a chat or mail
 * client puts before each pasted line ("> ", ">>", "> > "): quoted, a log must read as it does
 * plain. A line with no ">" first costs one check.
 */
export function quoteEnd(text: string, ls: number): number {
  if (text.charCodeAt(ls) !== 62) return ls;
  let i = ls;
  while (text.charCodeAt(i) === 62) {
    i++;
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) i++;
  }
  return i;
}

/** `line` without the chat quote markers before it (see quoteEnd). */
export function unquoted(line: string): string {
  return line.charCodeAt(0) === 62 ? line.slice(quoteEnd(line, 0)) : line;
}
