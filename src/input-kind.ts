// Whether what was read is a text log at all: an empty capture (a `kubectl logs` that returned
// nothing, a stray `-` in a pipeline) or a binary file given by mistake (to `sipcode scan`, or
// shared in Slack under a .log name) must not read like a clean log. Only the start of the input
// is inspected, so a large log costs nothing more.

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
