// Twilio's error 11205 (HTTP connection failure): Twilio could not connect to the webhook URL at
// all, so no HTTP status exists to explain. Its alert records (the Alerts API's alert_text and
// error_code, the Debugger webhook's payload) show as a symptom naming the webhook's host.
// Error 11200 (HTTP retrieval failure) with no status recorded takes the same path as its own
// symptom (twilio-retrieval.ts).
import { type Emit, hit } from "./hit.js";
import { recordAt } from "./json-time.js";
import { givesStatus, RETRIEVAL_AGENT, RETRIEVAL_ENTRY, TWILIO_RETRIEVAL } from "./twilio-retrieval.js";
import { webhookHost } from "./twilio-webhook-host.js";

/** What the symptom's dependency says of the webhook's host. */
export const UNREACHABLE_AGENT = "your webhook, which Twilio could not connect to";

/** The detector of Twilio's record of a webhook it could not connect to. */
export const TWILIO_UNREACHABLE = "twilio-unreachable";
/** The catalog's entry for it. */
export const UNREACHABLE_ENTRY = "symptom/twilio-webhook-unreachable";

/**
 * The error code 11205 (or 11200) as Twilio's records carry it: a member `"error_code": "11205"`
 * (plain, escaped inside a JSON string, or form-encoded in the posted Payload) or alert_text's
 * `ErrorCode=11205`. Group 1 marks the record's own error_code member, group 2 the code.
 */
const ERROR_112 =
  /(?:(error_code)|(?<![\w%])ErrorCode)(?:=|\\?(?:"|%22)[ \t]*(?::|%3A)[ \t]*\\?(?:"|%22)?)(1120[05])(?!\d)/g;

/**
 * Emits one symptom per record of error 11205 on `segment`, before `lineEnd`, and per record of
 * error 11200 that gives no status before `lineEnd` (a pretty-printed record's status further below
 * is read by the finding store, twilio-retrieval.ts). A record that has an error_code member repeats
 * the code in its alert_text or more_info, so where the segment names error_code, only those
 * members count.
 */
export function detectTwilioUnreachable(segment: string, emit: Emit, lineEnd: number): void {
  const members = segment.includes("error_code");
  const found: number[] = [];
  ERROR_112.lastIndex = 0;
  for (let m = ERROR_112.exec(segment); m !== null; m = ERROR_112.exec(segment)) {
    if (m.index >= lineEnd) break;
    if (members && m[1] === undefined) continue;
    found.push(m.index + m[0].length - 5);
  }
  for (let i = 0; i < found.length; i++) {
    const at = found[i] as number;
    // The record around this code: from the code before it to the code after it.
    const start = i > 0 ? (found[i - 1] as number) + 5 : 0;
    const end = found[i + 1] ?? segment.length;
    // On a line that lists several alerts, the record is the alert's own object: the text between
    // two codes would hold the next alert's members (its httpResponse, its url) too.
    const own = recordAt(segment, at);
    const record = own ?? segment.slice(start, end);
    const unreachable = segment.startsWith("11205", at);
    // An 11200 that gives the webhook's status on this line is that status (detectTwilioWebhook).
    if (!unreachable && givesStatus(own ?? segment.slice(start, Math.min(end, lineEnd)))) continue;
    const host = webhookHost(record);
    // No host named: no dependency either, rather than a made-up host in the failing component.
    const agent = unreachable ? UNREACHABLE_AGENT : RETRIEVAL_AGENT;
    const h = hit("symptom", 0, null, 0.9, unreachable ? TWILIO_UNREACHABLE : TWILIO_RETRIEVAL, true, {
      dependency: host ? `${host} (${agent})` : undefined,
      entryId: unreachable ? UNREACHABLE_ENTRY : RETRIEVAL_ENTRY,
    });
    h.len = 5;
    emit(h, at);
  }
}
