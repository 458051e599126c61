// Which part of the text held so far the scanner reads now, and which part it keeps for the next
// block: every line needs the lines after it (a status line's headers) and some before it (a
// timestamp or a packet line above, the top of a tshark frame).
import { prevLineStart } from "./text-lines.js";
import { openFrameStart } from "./tshark.js";

/** Lines kept after a line before it is scanned: a SIP message's headers follow its status line. */
export const LOOKAHEAD = 40;
/** At most this much text is held as look-ahead: 40 lines of a log with very long lines would
 *  otherwise be copied again with every block read. Headers after a status line are short. */
const LOOKAHEAD_BYTES = 64 * 1024;
/** Scanned lines kept before the first unscanned one, for what later lines read above them. */
const KEPT_LINES = 12;

/**
 * Where the lines that can be scanned now end in `buf` (unscanned text starts at `pos`): every
 * line with LOOKAHEAD complete lines after it, or at most LOOKAHEAD_BYTES before the end for long
 * lines; at the end of the input (`final`), everything.
 */
export function scanLimit(buf: string, pos: number, final: boolean): number {
  if (final) return buf.length;
  let e = buf.lastIndexOf("\n");
  for (let k = 0; k < LOOKAHEAD && e >= pos; k++) e = e > 0 ? buf.lastIndexOf("\n", e - 1) : -1;
  let limit = e + 1;
  // Long lines: scan up to the last line end that leaves at most LOOKAHEAD_BYTES unscanned.
  if (buf.length - limit > LOOKAHEAD_BYTES) {
    const cut = buf.lastIndexOf("\n", buf.length - LOOKAHEAD_BYTES);
    if (cut + 1 > limit) limit = cut + 1;
  }
  return limit;
}

/**
 * Where the text kept for the next block starts, the lines before `limit` being scanned: a few
 * scanned lines (the timestamp of a line may be on one of the lines before it, and a sipdump
 * record's header, its tag, source and destination, is about eleven lines above), and back to the
 * top of a tshark -V frame still open, whose arrival time and source a message below reads.
 */
export function keptFrom(buf: string, limit: number): number {
  let keep = limit;
  for (let k = 0; k < KEPT_LINES && keep > 0; k++) keep = prevLineStart(buf, keep);
  if (keep > 0) keep = Math.min(keep, openFrameStart(buf, limit) ?? keep);
  return keep;
}
