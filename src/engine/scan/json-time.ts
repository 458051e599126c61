// The time of a member of a pretty-printed JSON object (a webhook as a portal or jq shows it): the
// object's time field ("occurred_at", "date_created" …) sits lines above the code, in the object
// itself or in one that holds it ({"data": {"occurred_at": …, "payload": {"sip_hangup_cause": …}}}),
// or, when none is above, below it in the same record: Twilio's resources list their members in
// alphabetical order, so an alert's "alert_text" comes before its "date_created".
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

/** A member's value as a string, plain or escaped inside a JSON string (`\"key\":\"value\"`). */
const member = (key: string) => new RegExp(String.raw`\\?"${key}\\?"\s*:\s*\\?"([^"\\]{6,40})`);

/**
 * Twilio's other time members, for a record whose "date_created" is null or missing, the event's
 * own time first: an Alert's "date_generated" (when the alert was generated, which buffering may
 * set apart from date_created) and a 2010 Notification's "message_date"; the Debugger webhook's
 * "Timestamp" (when the event occurred; "TimeStamp" in older docs), as JSON or as the posted form
 * (`…&Timestamp=2023-11-21T10%3A01%3A02Z`) or as a web framework prints that form (Express's
 * `req.body`, `Timestamp: '2023-…'`; Flask's `ImmutableMultiDict([…('Timestamp', '2023-…')])`);
 * last "date_updated" (RFC 2822 in the 2010 API:
 * "Tue, 21 Nov 2023 10:01:02 +0000", ISO 8601 in the others).
 */
const TWILIO_TIMES: readonly (readonly [string, RegExp])[] = [
  ["date_generated", member("date_generated")],
  ["message_date", member("message_date")],
  [
    "imestamp",
    /\\?"Time[Ss]tamp\\?"\s*:\s*\\?"([^"\\]{6,40})|(?:^|[&?\s{,])Time[Ss]tamp=([^&\s"\\]{6,60})|(?:^|[\s{,(])'?Time[Ss]tamp'?(?::|',)\s*'([^'\\]{6,40})'/,
  ],
  ["date_updated", member("date_updated")],
];

/** The time of Twilio's other time members on `line`, in the order above. */
function twilioTime(line: string): Stamp | undefined {
  for (const [literal, re] of TWILIO_TIMES) {
    // A literal first: most lines name none of these members.
    if (!line.includes(literal)) continue;
    const m = re.exec(line);
    const value = m?.[1] ?? m?.[3] ?? (m?.[2] === undefined ? undefined : decoded(m[2]));
    const ts = value === undefined ? undefined : parseTimestamp(value);
    if (ts) return ts;
  }
  return undefined;
}

/** A form-encoded value once decoded ("10%3A01%3A02" → "10:01:02"), or as it is when it cannot be. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** The time field a member line holds: a known one, else one of Twilio's other time members. */
function fieldTime(line: string): Stamp | undefined {
  return jsonFieldTime(line) ?? twilioTime(line);
}

/**
 * The time of a record on one line (compact JSON, a posted form) that holds no time of its own
 * (its "date_created" null): Twilio's other time member, so the line neither goes undated nor
 * borrows the stamp of the record above it. Undefined when the line has its own time or none.
 */
function recordTime(line: string): Stamp | undefined {
  const other = twilioTime(line);
  if (!other) return undefined;
  // A framework's print of the form shows the Timestamp plain: then the first stamp on the line is it.
  const own = parseTimestamp(line);
  return !own || own.text === other.text ? other : undefined;
}

/**
 * The time field of the object (or an object holding it) that the member on text[ls…] belongs to,
 * its own first. Objects closed above it are siblings, skipped whole; the walk ends at the record's
 * opening line, an object or array with no key (the start of the record, or of an element of a
 * list), whose own stamp counts ("08:01:05 INFO webhook: {"). Null when that record has no time:
 * a record before it is another event. A line that is no member has the time of the one-line
 * record it holds (recordTime). Undefined for a line with no such time, or a walk cut short.
 */
export function jsonObjectTime(text: string, line: string, ls: number): Stamp | null | undefined {
  if (!isMember(line)) return recordTime(line) ?? inspectedTime(text, line, ls);
  const own = fieldTime(line);
  if (own) return own;
  let depth = 0;
  // The objects the walk climbed out of: the member's own and each holder up to the record.
  let levels = 1;
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
      else if (t.charCodeAt(0) !== 34) return parseTimestamp(t) ?? timeBelow(text, ls, levels) ?? null;
      else levels++;
      continue;
    }
    if (depth > 0) continue;
    if (t.charCodeAt(0) !== 34) return parseTimestamp(t) ?? timeBelow(text, ls, levels) ?? null;
    const ts = fieldTime(t);
    if (ts) return ts;
  }
  return undefined;
}

/**
 * The time field below the member on the line starting at text[ls], in its own object or a holder
 * (`levels` objects, the record's outermost last), before the record closes. Objects opened below
 * it are other members' values, skipped whole.
 */
function timeBelow(text: string, ls: number, levels: number): Stamp | undefined {
  let depth = 0;
  let open = levels;
  // Complete lines only, as the scanner reads them: a last line with no "\n" may still grow.
  for (let k = 0, start = text.indexOf("\n", ls) + 1; k < MAX_LINES && start > 0; k++) {
    const end = text.indexOf("\n", start);
    if (end < 0) return undefined;
    const t = lineAt(text, start, end).trim();
    start = end + 1;
    const first = t.charCodeAt(0);
    const last = t.charCodeAt(t.length - 1) === 44 ? t.charCodeAt(t.length - 2) : t.charCodeAt(t.length - 1);
    // "}" / "]": a value below closed, or the member's object (then its holder's members follow).
    if (first === 125 || first === 93) {
      if (depth > 0) depth--;
      else if (--open === 0) return undefined;
      continue;
    }
    if (first !== 34) return undefined;
    if (last === 123 || last === 91) {
      depth++;
      continue;
    }
    if (depth > 0) continue;
    const ts = fieldTime(t);
    if (ts) return ts;
  }
  return undefined;
}

/** How far a Debugger event's Timestamp can be from its Payload in a printed object. */
const INSPECT_LINES = 12;

/**
 * The time of the Debugger event whose Payload is on `line`, as Node prints a parsed form one
 * parameter a line (Express's `console.log(req.body)`: `  Payload: '{"resource_sid":…}',` with
 * `  Timestamp: '2023-…'` above or below it). The stamp of the object's opening line wins, as it
 * does for a JSON record. Undefined for any other line.
 */
function inspectedTime(text: string, line: string, ls: number): Stamp | undefined {
  // A literal first: only a payload's line is worth the walk.
  if (!line.includes("error_code") || !/^\s+Payload: '/.test(line)) return undefined;
  let member: Stamp | undefined;
  for (let k = 0, start = ls; k < INSPECT_LINES && start > 0; k++) {
    const prev = prevLineStart(text, start);
    const t = lineAt(text, prev, start - 1);
    start = prev;
    if (t.trimEnd().endsWith("{")) return parseTimestamp(t) ?? member ?? timeUnder(text, ls);
    member ??= twilioTime(t);
  }
  return member ?? timeUnder(text, ls);
}

/** The Timestamp member below the line starting at text[ls], before its object closes. */
function timeUnder(text: string, ls: number): Stamp | undefined {
  for (let k = 0, start = text.indexOf("\n", ls) + 1; k < INSPECT_LINES && start > 0; k++) {
    const end = text.indexOf("\n", start);
    if (end < 0) return undefined;
    const t = lineAt(text, start, end);
    start = end + 1;
    if (t.trimStart().startsWith("}")) return undefined;
    const ts = twilioTime(t);
    if (ts) return ts;
  }
  return undefined;
}

/** Twilio's record time member, as a one-line record carries it. */
const DATE_CREATED = '"date_created"';
const CREATED = member("date_created");

/**
 * The record that holds offset `at` of `line`, when the line holds several records that each carry
 * their own "date_created" (the Alerts API's `{"alerts":[{…},{…}]}` on one line): its own members
 * (time, webhook URL) are its, not those of the first record on the line. Undefined for a line with
 * one record or none.
 */
export function recordAt(line: string, at: number): string | undefined {
  // A literal first: only a line that lists several records is worth the walk.
  const first = line.indexOf(DATE_CREATED);
  if (first < 0 || line.indexOf(DATE_CREATED, first + 1) < 0) return undefined;
  const objects = objectSpans(line);
  for (let i = first; i >= 0; i = line.indexOf(DATE_CREATED, i + 1)) {
    // The record is the innermost object around its date_created member.
    let rec: [number, number] | undefined;
    for (const o of objects) if (o[0] < i && i < o[1] && (!rec || o[0] > rec[0])) rec = o;
    if (rec && at >= rec[0] && at <= rec[1]) return line.slice(rec[0], rec[1] + 1);
  }
  return undefined;
}

/**
 * The time of the record that holds offset `at` of a line listing several records (recordAt): each
 * alert happened when its own record says, not when the first one on the line did. With its
 * date_created null, the record's other time member.
 */
export function recordTimeAt(line: string, at: number): Stamp | undefined {
  const record = recordAt(line, at);
  if (record === undefined) return undefined;
  const m = CREATED.exec(record);
  return (m ? parseTimestamp(m[1] as string) : undefined) ?? twilioTime(record);
}

/** The [open, close] offsets of each complete JSON object on `line`; braces in strings do not count. */
function objectSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  const open: number[] = [];
  let inString = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (inString) {
      if (c === 92) k++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123) open.push(k);
    else if (c === 125 && open.length > 0) spans.push([open.pop() as number, k]);
  }
  return spans;
}
