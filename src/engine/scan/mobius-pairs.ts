// A Mobius status and mobius-error read as one pair through the look-ahead (a reply line with the
// body below it) may be read again on a later line the pair reached (the body's own line, read with
// its SDK context). That second sighting is the same answer; a pair on a line the first one never
// reached (the next attempt's `<-- 403` and body, a few lines down, or the next reply of a run
// whose bodies follow the replies) is another answer.
import type { Hit } from "./hit.js";

/** How many lines the look-ahead joins to a line (pair.ts). */
const AHEAD = 4;

export class MobiusPairs {
  private code = 0;
  private subcode: number | null = null;
  private lineNo = -1;
  /** How many characters of the joined lines below its own the last pair read (0: none). */
  private beyond = 0;

  /**
   * Whether the pair `h` on line `lineNo` was read already by the last pair offered, whose match
   * reached into this line; `above(n)` gives the n lines above, nearest first. Otherwise `h` is
   * remembered as the last pair, with `line` its own line.
   */
  repeats(h: Hit, lineNo: number, line: string, above: (n: number) => string[]): boolean {
    const gap = lineNo - this.lineNo;
    // An HTTP client's own reply line (`<-- 403 …`) is never one the look-ahead joined: it stops
    // there, and a reply in a run reads its own body (reply-runs.ts), not the lines between.
    const reached = this.beyond > 0 && !line.includes("<--");
    if (h.code === this.code && h.subcode === this.subcode && gap > 0 && gap <= AHEAD && reached) {
      // The look-ahead joins the trimmed lines with one space: what the lines between took.
      let between = 1;
      for (const l of above(gap - 1)) between += l.trim().length + 1;
      if (this.beyond > between) return true;
    }
    this.code = h.code;
    this.subcode = h.subcode;
    this.lineNo = lineNo;
    this.beyond = Math.max(0, h.at + h.len - line.length);
    return false;
  }
}
