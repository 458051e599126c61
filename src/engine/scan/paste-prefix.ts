// What a chat, mail or wiki puts before every line of a pasted log: an indent (a 4-space Markdown
// or Jira code block, a mail client's indent), quote markers ("> ", ">>", "> > "), or both ("  > ").
// It is taken off every line before the scan, so an indented or quoted log reads exactly as the
// same log does plain. Only what every line of the paste's start shares is taken: the indent of
// one line among others (a folded SIP header, SDP in a dump, Asterisk's "    -- ") stays.

/** The paste's start that decides its prefix: this many lines with text, or this many characters. */
const WINDOW_LINES = 24;
const WINDOW_CHARS = 1 << 16;
/** A line cut by a chunk's end is held until it is this long: its prefix is surely in it by then. */
const MAX_HELD_LINE = 256;

interface Prefix {
  /** Indent before any quote marker, shared by every line. */
  indent: string;
  /** Every line is quoted: its markers go (as quoteEnd reads them). */
  quoted: boolean;
  /** Indent after the markers of a quoted paste, shared by every line. */
  inner: string;
}

const isBlankish = (c: number) => c === 32 || c === 9 || c === 62 || c === 13;

/** Length of the run of spaces and tabs at line[from]. */
function spaces(line: string, from: number): number {
  let i = from;
  for (let c = line.charCodeAt(i); c === 32 || c === 9; c = line.charCodeAt(++i));
  return i - from;
}

/** End of the quote markers at line[from] ("> > ", ">>"): each ">" takes one space or tab after it. */
function markersEnd(line: string, from: number): number {
  let i = from;
  while (line.charCodeAt(i) === 62) {
    i++;
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) i++;
  }
  return i;
}

function commonStart(a: string | undefined, b: string): string {
  if (a === undefined) return b;
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return a.slice(0, n);
}

/** The prefix every line with text in `lines` shares, or undefined when there is none. */
export function pastePrefix(lines: readonly string[]): Prefix | undefined {
  let indent: string | undefined;
  let inner: string | undefined;
  let quoted = true;
  let seen = 0;
  for (const line of lines) {
    let blank = true;
    for (let i = 0; i < line.length && blank; i++) blank = isBlankish(line.charCodeAt(i));
    if (blank) continue;
    seen++;
    const w = spaces(line, 0);
    indent = commonStart(indent, line.slice(0, w));
    if (line.charCodeAt(w) !== 62) quoted = false;
    else if (quoted) {
      const m = markersEnd(line, w);
      inner = commonStart(inner, line.slice(m, m + spaces(line, m)));
    }
    if (indent === "" && !quoted) return undefined;
  }
  if (seen === 0) return undefined;
  return { indent: indent ?? "", quoted, inner: quoted ? (inner ?? "") : "" };
}

/**
 * The complete lines of the paste's start that decide its prefix (up to WINDOW_LINES with text,
 * within WINDOW_CHARS), and whether they are enough to decide: only they are cut out of the text,
 * so a paste with no prefix costs a few lines' work, not a split of the whole text.
 */
function startLines(text: string): { lines: string[]; enough: boolean } {
  const lines: string[] = [];
  let withText = 0;
  let from = 0;
  for (let e = text.indexOf("\n"); e >= 0 && from < WINDOW_CHARS; e = text.indexOf("\n", from)) {
    const line = text.slice(from, e);
    lines.push(line);
    from = e + 1;
    if (line.trim() !== "" && ++withText >= WINDOW_LINES) return { lines, enough: true };
  }
  return { lines, enough: text.length >= WINDOW_CHARS };
}

/** `line` (from its start) without the paste's prefix. */
export function withoutPrefix(line: string, p: Prefix): string {
  let i = 0;
  while (i < p.indent.length && line.charCodeAt(i) === p.indent.charCodeAt(i)) i++;
  if (p.quoted && line.charCodeAt(i) === 62) {
    i = markersEnd(line, i);
    let k = 0;
    while (k < p.inner.length && line.charCodeAt(i) === p.inner.charCodeAt(k)) {
      i++;
      k++;
    }
  }
  return i === 0 ? line : line.slice(i);
}

/** Takes the paste's prefix off each line of a stream of chunks (the prefix is read from its start). */
export class PasteFilter {
  /** Undecided while the start is being read; null: there is no prefix. */
  private prefix: Prefix | null | undefined;
  private held = "";
  /** The next chunk continues a line whose start was already passed on. */
  private midLine = false;

  take(input: string): string {
    if (this.prefix === null) return input;
    const text = this.held + input;
    this.held = "";
    if (this.prefix === undefined) {
      const start = startLines(text);
      if (!start.enough) {
        this.held = text;
        return "";
      }
      this.prefix = pastePrefix(start.lines) ?? null;
      if (this.prefix === null) return text;
    }
    return this.strip(text, false);
  }

  /** What is still held at the end of the stream. */
  flush(): string {
    const text = this.held;
    this.held = "";
    if (this.prefix === undefined) {
      this.prefix = pastePrefix(text.split("\n")) ?? null;
      if (this.prefix === null) return text;
    }
    return this.prefix === null ? text : this.strip(text, true);
  }

  /** `text` with the prefix off each line that starts in it; a short cut last line waits. */
  private strip(text: string, final: boolean): string {
    const p = this.prefix as Prefix;
    const last = text.lastIndexOf("\n");
    const tail = text.slice(last + 1);
    let body = last < 0 ? "" : text.slice(0, last + 1);
    let rest = tail;
    if (!final && tail.length < MAX_HELD_LINE && !(last < 0 && this.midLine)) {
      this.held = tail;
      rest = "";
    }
    if (last < 0) {
      // No line ends here: a long piece of one line.
      body = rest;
      rest = "";
      const out = this.midLine ? body : withoutPrefix(body, p);
      if (body !== "") this.midLine = true;
      return out;
    }
    const parts = body.split("\n");
    for (let i = 0; i < parts.length - 1; i++) {
      if (i === 0 && this.midLine) continue;
      parts[i] = withoutPrefix(parts[i] as string, p);
    }
    this.midLine = rest !== "";
    return parts.join("\n") + (rest === "" ? "" : withoutPrefix(rest, p));
  }
}
