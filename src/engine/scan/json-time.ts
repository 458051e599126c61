// The time of a member of a pretty-printed JSON object (a webhook as a portal or jq shows it): the
// object's time field ("occurred_at", "date_created" …) sits lines above the code, in the object
// itself or in one that holds it ({"data": {"occurred_at": …, "payload": {"sip_hangup_cause": …}}}).
import { lineAt, prevLineStart } from "./text-lines.js";
import { jsonFieldTime, parseTimestamp } from "./timestamps.js";

/** How far up an object's time field is looked for. */
const MAX_LINES = 60;

/** Whether `line` is one member of a pretty-printed object: `  "key": value`. */
function isMember(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 32 || c === 9) && line.trimStart().startsWith('"') && line.includes('":');
}

type Stamp = { text: string; ms: number };

/**
 * The time field of the object (or an object holding it) that the member on text[ls…] belongs to,
 * its own first. Objects closed above it are siblings, skipped whole; the walk ends at the record's
 * opening line, an object or array with no key (the start of the record, or of an element of a
 * list), whose own stamp counts ("08:01:05 INFO webhook: {"). Null when that record has no time:
 * a record before it is another event. Undefined for a line that is no member, or a walk cut short.
 */
export function jsonObjectTime(text: string, line: string, ls: number): Stamp | null | undefined {
  if (!isMember(line)) return undefined;
  const own = jsonFieldTime(line);
  if (own) return own;
  let depth = 0;
  for (let k = 0, start = ls; k < MAX_LINES && start > 0; k++) {
    const prev = prevLineStart(text, start);
    const t = lineAt(text, prev, start - 1).trim();
    start = prev;
    const last = t.charCodeAt(t.length - 1) === 44 ? t.charCodeAt(t.length - 2) : t.charCodeAt(t.length - 1);
    // "}" / "]" (or "},"): a sibling closed here; "{" / "[": its opening, or else the holder's.
    if (last === 125 || last === 93) {
      if (t.charCodeAt(0) === 125 || t.charCodeAt(0) === 93) depth++;
      continue;
    }
    if (last === 123 || last === 91) {
      if (depth > 0) depth--;
      else if (t.charCodeAt(0) !== 34) return parseTimestamp(t) ?? null;
      continue;
    }
    if (depth > 0) continue;
    if (t.charCodeAt(0) !== 34) return parseTimestamp(t) ?? null;
    const ts = jsonFieldTime(t);
    if (ts) return ts;
  }
  return undefined;
}
