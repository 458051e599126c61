// SIP messages logged inside one JSON string, as Homer exports, jambonz/drachtio and most structured
// loggers write them: {"raw":"SIP/2.0 503 Service Unavailable\r\nVia: …\r\nCSeq: 1 INVITE\r\n…"}.
// Such a line is opened into the message's own lines before detection, so its headers (CSeq,
// Call-ID, Reason, Server) are read as they would be in a plain trace. The "\n"s added here are
// reported, and the scanner counts the pieces as one line of the input.

import { lineAt, prevLineStart } from "./text-lines.js";

/** A SIP start line (request or status) followed by an escaped line break ("\r\n", or "\n" alone). */
const ESCAPED_MESSAGE = /SIP\/2\.0(?: [1-6]\d\d[^\\\n]{0,80})?(?:\\r)?\\n/;
/** The escapes inside such a line: line breaks, quotes, tabs, slashes and backslashes. */
const ESCAPES = /\\(?:r\\n|n|r|t|"|\/|\\)/g;
/** The first line of an opened message: the JSON text before it, then its request or status line. */
const OPENED_START = /"(?:[A-Z]{3,9} \S+ SIP\/2\.0|SIP\/2\.0 [1-6]\d\d\b.*)$/;
/** How far above a line of an opened message its first line is looked for. */
const MAX_MESSAGE_LINES = 40;
/** A partial line is held back only up to this length; a longer one is passed on unopened. */
const MAX_HELD = 1 << 16;

export interface Opened {
  text: string;
  /** Offsets in `text` of the "\n"s that were escapes, not line ends of the input. */
  added: number[];
}

/** Opens escaped SIP messages in chunks of one stream; a line cut at a chunk's end waits. */
export class EscapedMessages {
  private held = "";

  take(input: string): Opened {
    let text = this.held + input;
    this.held = "";
    // The line still open at the end waits for the rest of it (up to MAX_HELD characters).
    const last = text.lastIndexOf("\n");
    if (text.length - last - 1 <= MAX_HELD) {
      this.held = text.slice(last + 1);
      text = text.slice(0, last + 1);
    }
    // The common case: no escaped line break anywhere.
    return text.includes("\\n") ? open(text) : { text, added: [] };
  }

  /** The partial line still held at the end of the stream, opened if it holds a message. */
  flush(): Opened {
    const rest = this.held;
    this.held = "";
    return open(rest);
  }
}

/** Opens every line of `text` that carries an escaped SIP message. */
function open(text: string): Opened {
  const added: number[] = [];
  let out = "";
  let from = 0;
  for (let at = text.indexOf("\\n"); at >= 0; at = text.indexOf("\\n", at + 2)) {
    const ls = text.lastIndexOf("\n", at) + 1;
    if (ls < from) continue;
    let le = text.indexOf("\n", at);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le);
    if (!ESCAPED_MESSAGE.test(line)) {
      at = le;
      continue;
    }
    out += text.slice(from, ls);
    out += unescapeLine(line, out.length, added);
    from = le;
    at = le;
  }
  if (from === 0) return { text, added };
  return { text: out + text.slice(from), added };
}

/** The line with its escapes undone; the offsets (from `base`) of the breaks go to `added`. */
function unescapeLine(line: string, base: number, added: number[]): string {
  let out = "";
  let from = 0;
  ESCAPES.lastIndex = 0;
  for (let m = ESCAPES.exec(line); m !== null; m = ESCAPES.exec(line)) {
    out += line.slice(from, m.index);
    const e = m[0];
    if (e === "\\r\\n" || e === "\\n") {
      added.push(base + out.length);
      out += "\n";
    } else if (e === "\\t") out += "\t";
    else if (e !== "\\r") out += e[1];
    from = m.index + e.length;
  }
  return out + line.slice(from);
}

/**
 * Where the opened message the line at text[ls…] belongs to starts (its first line, the JSON text
 * and the start line), or undefined for a line of no such message. A header's code is then placed
 * at the message's time: the JSON record's, which its first line carries.
 */
export function openedMessageStart(text: string, ls: number): number | undefined {
  for (let k = 0, start = ls; k < MAX_MESSAGE_LINES; k++) {
    const le = text.indexOf("\n", start);
    const line = lineAt(text, start, le < 0 ? text.length : le);
    // A blank line ends a message's headers; another start line without the JSON text is a plain trace.
    if (line === "" || (k > 0 && !line.includes(":"))) return undefined;
    if (line.includes("SIP/2.0") && line.includes('"')) return OPENED_START.test(line) ? start : undefined;
    if (start === 0) return undefined;
    start = prevLineStart(text, start);
  }
  return undefined;
}
