// SIP messages logged inside one JSON string, as Homer exports, jambonz/drachtio and most structured
// loggers write them: {"raw":"SIP/2.0 503 Service Unavailable\r\nVia: …\r\nCSeq: 1 INVITE\r\n…"}.
// Such a line is opened into the message's own lines before detection, so its headers (CSeq,
// Call-ID, Reason, Server) are read as they would be in a plain trace. The "\n"s added here are
// reported, and the scanner counts the pieces as one line of the input.

/** A SIP start line (request or status) followed by an escaped line break ("\r\n", or "\n" alone). */
const ESCAPED_MESSAGE = /SIP\/2\.0(?: [1-6]\d\d[^\\\n]{0,80})?(?:\\r)?\\n/;
/** The escapes inside such a line: line breaks, quotes, tabs, slashes and backslashes. */
const ESCAPES = /\\(?:r\\n|n|r|t|"|\/|\\)/g;
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
