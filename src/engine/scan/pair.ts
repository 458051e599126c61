// The JSON-pair look-ahead: a line that opens {code, subCode}, error_data or an SDK status is read
// together with the next four lines. These helpers decide when that join can add nothing.
import { type Anchors, type LineSource, namedIn, wordsIn } from "./anchors.js";
import { detectVendor } from "./detectors.js";
import { ALL_DETECTORS, lineGates, VENDOR } from "./gates.js";
import type { Emit } from "./hit.js";
import { runBody } from "./reply-runs.js";
import type { ScanIndex } from "./scan-index.js";
import { endOfNext, nextLines } from "./text-lines.js";

/** Words a line that opens such a pair holds: a code/subCode key, error_data, an SDK status. */
const JSON_PAIR_HINT = /(?:sub)?code["']?\s*[:=]|error_data|Details|status\s*:|Status code:|<--|mobius/i;

/**
 * Whether `line` (ending at buf[le]) may open a pair that continues on the next lines. Without any
 * vendor anchor on this line or the next four, and no log message cut at the line end, the join
 * can add no hit.
 */
export function mayPair(
  line: string,
  buf: string,
  le: number,
  words: number,
  gates: number,
  exhaustive: boolean,
  walker: LineSource,
  anchors: Anchors,
): boolean {
  return (
    line.length < 400 &&
    words !== 0 &&
    (exhaustive ||
      (gates & VENDOR) !== 0 ||
      !walker.quietUntil(endOfNext(buf, le, 4)) ||
      splitsMessage(line, anchors)) &&
    JSON_PAIR_HINT.test(line)
  );
}

/**
 * The vendor pairs that start on `line` (which ends at buf[le]), read with the next four lines
 * joined to it; pairs that start on a later line are left to that line's own turn.
 */
export function detectPairsAhead(
  line: string,
  buf: string,
  le: number,
  index: ScanIndex,
  anchors: Anchors,
  emit: Emit,
  exhaustive: boolean,
  segment: number,
): void {
  // In a run of replies (two `<-- 403` lines, then their two bodies), a reply's body is its own.
  const own = runBody(line, buf, le) ?? ownLines(nextLines(buf, le, 4)).map((l) => l.trim());
  const joined = [line, ...own].join(" ").slice(0, segment);
  detectVendor(
    joined,
    index,
    (h, at) => {
      if (at >= line.length) return;
      h.proof = undefined;
      emit(h, at);
    },
    exhaustive ? ALL_DETECTORS : pairGates(joined, anchors, index),
    line.length,
  );
}

/**
 * A line that starts another HTTP exchange: an HTTP client's next request or response (OkHttp's
 * `--> POST …` and `<-- 403 …`), a console's `POST https://… 403`. A body below it is that
 * exchange's, so the look-ahead stops there: a 200 OK never takes the next call's errorCode.
 */
const NEW_EXCHANGE = /<--|-->|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(?:https?:\/\/|\/)/;

/** The lines of `after` that still belong to the line above them: up to the next exchange. */
function ownLines(after: string[]): string[] {
  const k = after.findIndex((l) => NEW_EXCHANGE.test(l));
  return k < 0 ? after : after.slice(0, k);
}

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
