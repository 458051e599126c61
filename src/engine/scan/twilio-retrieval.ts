// Twilio's error 11200 (HTTP retrieval failure) with no HTTP status recorded: Twilio got no usable
// answer from the webhook, and the alert says no more. Such a record shows as a symptom naming the
// webhook's host; a record that gives the status the webhook answered shows that status instead
// (twilio-rest.ts), also when a pretty-printed record gives it many lines below its error code.
import { type Hit, hit } from "./hit.js";

/** What the symptom's dependency says of the webhook's host. */
export const RETRIEVAL_AGENT = "your webhook, which gave Twilio no usable answer";
/** The detector of Twilio's record of a webhook fetch that failed with no status given. */
export const TWILIO_RETRIEVAL = "twilio-retrieval";
/** The catalog's entry for it. */
export const RETRIEVAL_ENTRY = "symptom/twilio-webhook-retrieval-failed";

/**
 * A status the webhook answered, as a record's text gives it: `httpResponse=502`,
 * `"httpResponse":"502"`, more_info's `"response_status_code":"502"` (stack-replies.ts).
 */
const HTTP_RESPONSE =
  /(?:httpResponse|response_status_code)(?:=|(?:\\?"|%22)[ \t]*(?::|%3A)[ \t]*(?:\\?"|%22)?)([1-5]\d\d)(?!\d)/;
/** The webhook's response status, one-line (`"response":{"status_code":502`) or form-encoded. */
const STATUS_CODE =
  /(?:"|%22)response(?:"|%22)[ \t]*(?::|%3A)[ \t]*(?:\{|%7B)[ \t]*(?:\\?"|%22)status_code(?:\\?"|%22)[ \t]*(?::|%3A)[ \t]*[1-5]\d\d(?!\d)/;

/** Whether the text of one record gives the status the webhook answered. */
export function givesStatus(record: string): boolean {
  return (
    (record.includes("httpResponse") && HTTP_RESPONSE.test(record)) ||
    (record.includes("status_code") && (HTTP_RESPONSE.test(record) || STATUS_CODE.test(record)))
  );
}

/** A pretty-printed member line: `  "name": value`, the name quoted, alone at the line's start. */
const MEMBER_LINE = /^\s*"\w+"\s*:/;
/** A pretty-printed member that opens an object or a list: `"webhook": {`, `"headers": [`. */
const OPENS = /^\s*(?:"(\w+)"\s*:\s*)?[{[]\s*$/;
/** A pretty-printed `"status_code": 502` member, the webhook response's. */
const STATUS_MEMBER = /^\s*"status_code"\s*:\s*"?([1-5]\d\d)(?!\d)/;
/**
 * How far below its first error code line a pretty-printed record can give its status: a Debugger
 * payload's more_info or webhook.response may come many lines after its error_code. The scanner
 * holds 40 lines below the line it reads.
 */
const RECORD_LINES = 39;

/**
 * The status the rest of a pretty-printed record gives, how many lines the record still has, and
 * whether the status's own line is reported by itself (`"response_status_code": 502`,
 * stack-replies.ts) rather than only through the error code's line.
 */
function prettyRecord(lines: readonly string[]): { status?: number; lines: number; own?: boolean } {
  /** The names of the nested objects open at this line, inside the record's own object. */
  const path: string[] = [];
  let status: number | undefined;
  let own = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    const open = OPENS.exec(l);
    if (open) {
      path.push(open[1] ?? "");
      continue;
    }
    if (/^\s*[}\]]/.test(l)) {
      // The record's own object (or the list holding it) closes: its members end here.
      if (path.length === 0) return { status, lines: i, own };
      path.pop();
      continue;
    }
    if (status !== undefined) continue;
    const m =
      l.includes("httpResponse") || l.includes("response_status_code")
        ? HTTP_RESPONSE.exec(l)
        : path[path.length - 1] === "response"
          ? STATUS_MEMBER.exec(l)
          : null;
    if (m) {
      status = Number(m[1]);
      own = l.includes("response_status_code");
    }
  }
  return { status, lines: lines.length, own };
}

/**
 * The finding store's side of a pretty-printed 11200 record (`curl … | jq .`, a logger's dump of the
 * Debugger payload): its members that carry the error code (error_code, alert_text, more_info's
 * ErrorCode) are one alert, counted once, at the first of them; when the record gives the status
 * the webhook answered, on any line below, the alert is that status.
 */
export class PrettyRetrievals {
  /** The last line of the record last counted. */
  private end = -1;

  /** `webhook` is the detector of the status a webhook answered (twilio-rest.ts). */
  constructor(private readonly webhook: string) {}

  /** The hit to offer instead of `h` on `line` (number lineNo): `h`, the record's status, or null. */
  take(h: Hit, line: string, lineNo: number, below: ((n: number) => string[]) | undefined): Hit | null {
    if (!MEMBER_LINE.test(line)) return h;
    if (lineNo <= this.end) return null;
    const record = below ? prettyRecord(below(RECORD_LINES)) : { lines: 0 };
    this.end = lineNo + record.lines;
    if (h.detector !== TWILIO_RETRIEVAL || record.status === undefined) return h;
    // Its status line is a finding of its own: the alert is that finding.
    if (record.own) return null;
    const t = hit("http", record.status, null, 0.9, this.webhook, true);
    t.at = h.at;
    t.len = h.len;
    return t;
  }
}
