// Whether what `scan` read was a text log at all: an empty capture (a `kubectl logs` that returned
// nothing, a stray `-` in a pipeline) or a binary file given by mistake must not read like a clean
// log. Only the start of the input is inspected, so a large log costs nothing more.

export type InputKind = "text" | "empty" | "binary";

/** How much decoded text is looked at to judge whether the input is text. */
const SAMPLE_CHARS = 1 << 16;

/**
 * Above this share of characters that no log holds (undecodable bytes, control characters other
 * than tab, line ends, form feed and the escape of coloured output), the input is binary. Random
 * bytes give about half; a log with a few Latin-1 accents or a stray NUL stays far below it.
 */
const BINARY_SHARE = 0.1;

// Control characters except \t \n \v \f \r and ESC (ANSI colours), plus U+FFFD for invalid UTF-8.
// biome-ignore lint/suspicious/noControlCharactersInRegex: counting control characters is the point.
const ODD_CHARS = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f\ufffd]/g;

export class InputSample {
  private sampled = 0;
  private odd = 0;
  private filled = false;

  /** Looks at a chunk of decoded text; nothing is done once the sample is full and text was seen. */
  observe(text: string): void {
    if (this.sampled < SAMPLE_CHARS) {
      const part =
        text.length > SAMPLE_CHARS - this.sampled ? text.slice(0, SAMPLE_CHARS - this.sampled) : text;
      this.sampled += part.length;
      this.odd += part.match(ODD_CHARS)?.length ?? 0;
    }
    if (!this.filled && /\S/.test(text)) this.filled = true;
  }

  /** Empty (nothing but whitespace), binary, or text. */
  kind(): InputKind {
    if (!this.filled) return "empty";
    return this.odd > this.sampled * BINARY_SHARE ? "binary" : "text";
  }
}

const named = (source: string) => (source === "-" ? "standard input" : source);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence said for input that held nothing to scan: on stdout in place of a card, or a note. */
export function emptyInputText(source: string, note = false): string {
  const text = `${named(source)} was empty: there was no log to scan.`;
  return note ? text : capital(text);
}

/** What is said about a binary input, with or without codes found in the text inside it. */
export function binaryInputNote(source: string, found: boolean, note = false): string {
  const text = found
    ? `${named(source)} looks like a binary file, not a text log: only the text inside it was scanned (for a packet capture, tshark or sngrep read every message).`
    : `${named(source)} looks like a binary file, not a text log: no codes were found in the text inside it.`;
  return note ? text : capital(text);
}
