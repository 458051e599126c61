// The timestamp a line borrows from the lines just above it when it has none of its own (a SIP
// message under its packet line, a message under sipdump's header block, a message in tshark's
// tree under its frame's arrival time).
import { lineAt, prevLineStart } from "./text-lines.js";
import { parseTimestamp } from "./timestamps.js";
import { isTsharkMessage, tsharkFrame } from "./tshark.js";

/** The timestamp of `line` (starting at text[ls]), or the nearest one in the three lines before it. */
export function timeOf(text: string, line: string, ls: number): { text: string; ms: number } | undefined {
  if (isTsharkMessage(line)) return tsharkFrame(text, ls).time;
  let current = line;
  let start = ls;
  for (let k = 0; k <= 3; k++) {
    const ts = parseTimestamp(current);
    if (ts) return ts;
    // sipdump's header block ends in "~~~~": its "time:" line is some ten lines above.
    if (current.startsWith("~~~~")) return sipdumpTime(text, start);
    if (start === 0) return undefined;
    const prev = prevLineStart(text, start);
    current = lineAt(text, prev, start - 1);
    start = prev;
  }
  return undefined;
}

/** The "time: 1709310600.112233" line of the sipdump header block above text[ls]. */
function sipdumpTime(text: string, ls: number): { text: string; ms: number } | undefined {
  for (let k = 0, start = ls; k < 12 && start > 0; k++) {
    const prev = prevLineStart(text, start);
    const line = lineAt(text, prev, start - 1);
    if (line.startsWith("time: ")) return parseTimestamp(line);
    if (line.startsWith("====")) return undefined;
    start = prev;
  }
  return undefined;
}
