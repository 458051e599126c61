// The JSON-pair look-ahead: a line that opens {code, subCode}, error_data or an SDK status is read
// together with the next four lines. These helpers decide when that join can add nothing.
import { type Anchors, namedIn, wordsIn } from "./anchors.js";
import { lineGates, VENDOR } from "./gates.js";
import type { ScanIndex } from "./scan-index.js";

/** The vendor detectors worth running on a joined line (same rules as for a single line). */
export function pairGates(joined: string, anchors: Anchors, index: ScanIndex): number {
  return lineGates(joined, wordsIn(joined), namedIn(joined, anchors), [], 0, index) & VENDOR;
}

/**
 * Could a known log message start at the end of `line` and continue on the next line? Only if
 * the line ends with the part of a message before one of its spaces.
 */
export function splitsMessage(line: string, anchors: Anchors): boolean {
  const last = line.charCodeAt(line.length - 1);
  if (!anchors.splitEnds.has(last)) return false;
  const token = line.slice(line.lastIndexOf(" ") + 1);
  if (anchors.splitWords.has(token)) return true;
  for (const w of anchors.firstWords) if (token.endsWith(w)) return true;
  return false;
}
