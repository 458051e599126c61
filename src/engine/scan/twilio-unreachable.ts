// Twilio's error 11205 (HTTP connection failure): Twilio could not connect to the webhook URL at
// all, so no HTTP status exists to explain. Its alert records (the Alerts API's alert_text and
// error_code, the Debugger webhook's payload) show as a symptom naming the webhook's host.
import { type Emit, hit } from "./hit.js";
import { webhookHost } from "./twilio-webhook-host.js";

/** What the symptom's dependency says of the webhook's host. */
export const UNREACHABLE_AGENT = "your webhook, which Twilio could not connect to";

/** The detector of Twilio's record of a webhook it could not connect to. */
export const TWILIO_UNREACHABLE = "twilio-unreachable";
/** The catalog's entry for it. */
export const UNREACHABLE_ENTRY = "symptom/twilio-webhook-unreachable";

/**
 * The error code 11205 as Twilio's records carry it: a member `"error_code": "11205"` (plain, escaped
 * inside a JSON string, or form-encoded in the posted Payload) or alert_text's `ErrorCode=11205`.
 * Group 1 marks the record's own error_code member.
 */
const ERROR_11205 =
  /(?:(error_code)|(?<![\w%])ErrorCode)(?:=|\\?(?:"|%22)[ \t]*(?::|%3A)[ \t]*\\?(?:"|%22)?)11205(?!\d)/g;

/**
 * Emits one symptom per record of error 11205 on `segment`, before `lineEnd`. A record that has an
 * error_code member repeats the code in its alert_text or more_info, so where the segment names
 * error_code, only those members count.
 */
export function detectTwilioUnreachable(segment: string, emit: Emit, lineEnd: number): void {
  const members = segment.includes("error_code");
  const found: number[] = [];
  ERROR_11205.lastIndex = 0;
  for (let m = ERROR_11205.exec(segment); m !== null; m = ERROR_11205.exec(segment)) {
    if (m.index >= lineEnd) break;
    if (members && m[1] === undefined) continue;
    found.push(m.index + m[0].length - 5);
  }
  for (let i = 0; i < found.length; i++) {
    const at = found[i] as number;
    // The record around this code: from the code before it to the code after it.
    const record = segment.slice(i > 0 ? (found[i - 1] as number) + 5 : 0, found[i + 1] ?? segment.length);
    const host = webhookHost(record);
    // No host named: no dependency either, rather than a made-up host in the failing component.
    const h = hit("symptom", 0, null, 0.9, TWILIO_UNREACHABLE, true, {
      dependency: host ? `${host} (${UNREACHABLE_AGENT})` : undefined,
      entryId: UNREACHABLE_ENTRY,
    });
    h.len = 5;
    emit(h, at);
  }
}
