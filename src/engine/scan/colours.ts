// Terminal colour and style sequences ("\x1b[1;31m503\x1b[0m" in a log saved from a console) taken
// out of streamed text before detection: they would hide the codes and timestamps they wrap.

// biome-ignore lint/suspicious/noControlCharactersInRegex: a colour sequence starts with ESC.
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a colour sequence starts with ESC.
const ESCAPE_AT_END = /\x1b(?:\[[0-9;?]*[ -/]*)?$/;

/** Removes ANSI CSI sequences from chunks of one stream; a sequence cut at a chunk's end waits. */
export class ColourFilter {
  private held = "";

  take(input: string): string {
    let chunk = this.held + input;
    this.held = "";
    if (!chunk.includes("\x1b")) return chunk;
    const cut = ESCAPE_AT_END.exec(chunk);
    if (cut) {
      this.held = cut[0];
      chunk = chunk.slice(0, cut.index);
    }
    return chunk.replace(ESCAPES, "");
  }

  /** What is still held at the end of the stream: an escape never completed is text. */
  flush(): string {
    const rest = this.held;
    this.held = "";
    return rest;
  }
}
