// Line access inside the scanner's text buffer. Lines lose the "\r" of CRLF logs, and only complete
// lines (ended by "\n") count, exactly as a line-by-line reader would have seen them.

/** The line text[ls, le) without a trailing "\r". */
export function lineAt(text: string, ls: number, le: number): string {
  return text.slice(ls, le > ls && text.charCodeAt(le - 1) === 13 ? le - 1 : le);
}

/** Up to `n` complete lines after the line whose "\n" is at `le`. */
export function nextLines(text: string, le: number, n: number): string[] {
  const out: string[] = [];
  let start = le + 1;
  while (out.length < n) {
    const e = text.indexOf("\n", start);
    if (e < 0) break;
    out.push(lineAt(text, start, e));
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

/** The up to `n` lines before the one starting at `ls`, nearest first. */
export function prevLines(text: string, ls: number, n: number): string[] {
  const out: string[] = [];
  for (let s = ls; s > 0 && out.length < n; ) {
    const p = prevLineStart(text, s);
    out.push(lineAt(text, p, s - 1));
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
