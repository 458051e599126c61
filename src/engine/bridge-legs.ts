// FreeSWITCH channel dumps of both legs of one bridge (the A-leg's and the B-leg's `info` or
// `uuid_dump`, one naming the other's Unique-ID) hold the same outcome twice: the scanner counts it
// once (scan/channel-dumps.ts), and this note says why the count is one for two dumps.
import type { Finding } from "./scan/finding.js";

/** At most this many notes: one a failed call is plenty. */
const MAX_NOTES = 2;

/** "Q.850 41 … on line 9 ended both legs of the bridge …" for each failure both legs' dumps gave. */
export function bothLegsNotes(failing: readonly Finding[], named: (f: Finding) => string): string[] {
  const notes: string[] = [];
  for (const f of failing) {
    if (notes.length >= MAX_NOTES) break;
    if (!f.legs) continue;
    notes.push(
      `${named(f)} on line ${f.line} ended ${f.legs}: the A-leg's and the B-leg's channel dumps of one call both give it, so it counts as one failure.`,
    );
  }
  return notes;
}
