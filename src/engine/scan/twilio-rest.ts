// Twilio's REST API errors. twilio-node's RestException, as Node prints it: the error's message and
// stack, then its members `status: 400,` / `code: 21211,` / `moreInfo: '…/docs/errors/21211'`; and
// the API's own JSON error body, `{"code": 21211, "message": …, "more_info": …, "status": 400}`. The
// status is the HTTP answer of Twilio's REST API to the app's request, not a SIP response, and
// Twilio's own error code is no code we explain. Also the HTTP status Twilio recorded for a webhook
// it fetched (error 11200 and its kin), in its alerts and debugger events, and the alerts of a
// webhook it could not connect to at all (11205, twilio-unreachable.ts).
import { all, type Emit, type Hit, hit } from "./hit.js";
import { isHttpStatus } from "./http-status.js";
import { PrettyAlerts } from "./twilio-alerts.js";
import { PrettyRetrievals, TWILIO_RETRIEVAL } from "./twilio-retrieval.js";
import { detectTwilioUnreachable, TWILIO_UNREACHABLE } from "./twilio-unreachable.js";

/** The detector of a status Twilio's REST API answered with. */
export const TWILIO_REST = "twilio-rest";
/** The marker of a pretty-printed error body whose status is on a later line (see TwilioBodies). */
export const TWILIO_BODY = "twilio-rest-body";

/**
 * The RestException's `status` with the `moreInfo` link to Twilio's error docs after it, in the
 * same object: Node's inspect form (one member a line, read with the lines after it) or its JSON.
 * twilio-node sets `status` first, then `code`, `moreInfo` and `details`.
 */
export const TWILIO_REST_STATUS =
  /\bstatus["']?[ \t]*:[ \t]*([1-5]\d\d),[^{}\n]{0,160}?\bmoreInfo["']?[ \t]*:[ \t]*["']https?:\/\/(?:www\.)?twilio\.com\/docs\/errors\//g;

/** The HTTP status Twilio's REST API answered with; the hit spans the status member only. */
export function twilioRestStatus(m: RegExpExecArray): Hit | null {
  const code = Number(m[1]);
  if (!isHttpStatus(code)) return null;
  const h = hit("http", code, null, 0.9, TWILIO_REST, true);
  h.at = m.index;
  h.len = m[0].indexOf(",");
  return h;
}

/**
 * The API's error body, members in the order Twilio sends them (code, message, more_info, status),
 * read from its "code" line joined with the lines after it: pretty-printed (curl | jq, a logger's
 * dump), the status is the last member, lines below the code a loose detector reads on its own.
 */
export const TWILIO_REST_BODY =
  /"code"[ \t]*:[ \t]*\d{1,6}[ \t]*,[^{}]{0,600}?"more_info"[ \t]*:[ \t]*"https?:\/\/(?:www\.)?twilio\.com\/docs\/errors\/\d+"[ \t]*,[^{}"\n]{0,160}?"status"[ \t]*:[ \t]*([1-5]\d\d)(?!\d)/g;

/**
 * A body whose status lies past `lineEnd`, the end of the line being scanned: a marker on the
 * "code" line that tells the finding store what the status line below it is (a body on one line
 * is an API response the HTTP client detector reads already).
 */
export function twilioRestBody(m: RegExpExecArray, lineEnd: number): Hit | null {
  const code = Number(m[1]);
  if (m.index >= lineEnd || m.index + m[0].length <= lineEnd || !isHttpStatus(code)) return null;
  const h = hit("http", code, null, 0.9, TWILIO_BODY, true);
  h.at = m.index;
  h.len = m[0].indexOf(",");
  return h;
}

/** How far below the "code" line its status can be (the look-ahead joins four lines). */
const BODY_LINES = 4;
/** How far below curl's status line (`HTTP/2 400`, `< HTTP/1.1 400 Bad Request`) its body can start. */
const HEADER_LINES = 40;

/**
 * The finding store's side of a pretty-printed Twilio error body. The "code" line's marker says
 * which status the body ends with; the `"status": 400` line below it, which a loose detector reads
 * on its own as SIP 400, is Twilio's HTTP status instead. Under curl's status line of the same
 * response (`curl -i`, `curl -v`) it is that response again, counted once.
 */
export class TwilioBodies {
  /** The marker's status and line, while its status line may still come. */
  private code = 0;
  private line = -1;
  private restates = false;
  /** The last HTTP status line offered, with no other HTTP status since. */
  private httpCode = 0;
  private httpLine = -1;

  /** The alerts of error 11205 seen on pretty-printed member lines (twilio-alerts.ts). */
  private readonly alerts = new PrettyAlerts();
  /** The alerts of error 11200 seen on pretty-printed member lines (twilio-retrieval.ts). */
  private readonly retrievals = new PrettyRetrievals(TWILIO_WEBHOOK);

  /**
   * Whether `take` has anything to do with a hit that is not an HTTP status: always, as an 11205
   * alert (a symptom) may come on any line; `take` lets other hits through at once.
   */
  get waiting(): boolean {
    return true;
  }

  /**
   * The hit to offer instead of `h` on `line` (number lineNo): `h`, Twilio's status, or null.
   * `below` gives the lines under it, where a pretty-printed 11200 alert may give its status.
   */
  take(h0: Hit, line: string, lineNo: number, below?: (n: number) => string[]): Hit | null {
    if (h0.detector === TWILIO_UNREACHABLE) return this.alerts.repeats(line, lineNo) ? null : h0;
    const h =
      h0.detector === TWILIO_RETRIEVAL || h0.detector === TWILIO_WEBHOOK
        ? this.retrievals.take(h0, line, lineNo, below)
        : h0;
    if (h === null || h.detector === TWILIO_RETRIEVAL) return h;
    if (h.namespace !== "http" && this.line < 0) return h;
    if (h.detector === TWILIO_BODY) {
      this.code = h.code;
      this.line = lineNo;
      this.restates = this.httpCode === h.code && lineNo - this.httpLine <= HEADER_LINES;
      this.httpLine = -1;
      return null;
    }
    const body = this.line;
    this.httpLine = h.detector === "http-status" ? lineNo : -1;
    this.httpCode = h.code;
    if (body < 0 || lineNo === body) return h;
    this.line = -1;
    if (
      lineNo - body > BODY_LINES ||
      h.code !== this.code ||
      (h.namespace !== "sip" && h.namespace !== "http") ||
      !line.includes('"status"')
    )
      return h;
    if (this.restates) return null;
    const t = hit("http", h.code, null, 0.9, TWILIO_REST, true);
    t.at = h.at;
    t.len = h.len;
    return t;
  }
}

/** The detector of the HTTP status a webhook answered Twilio with, as Twilio's alert records it. */
export const TWILIO_WEBHOOK = "twilio-webhook";

/** A quote as the record is logged: plain JSON, a JSON string inside a string (`\"`), or form-encoded (`%22`). */
const Q = String.raw`(?:\\?"|%22)`;
/** A member's colon, plain or form-encoded (`%3A`). */
const COLON = String.raw`[ \t]*(?::|%3A)[ \t]*`;

/**
 * The webhook's status in Twilio's alert records: the Alerts API's `alert_text`, a URL-encoded
 * query (`…&ErrorCode=11200&httpResponse=502&url=…`), the Debugger webhook payload's
 * `"more_info":{…"httpResponse":"502"…}` (group 1), and that payload's
 * `"webhook":{…"response":{"status_code":502,…}}` (group 2; null when the fetch got no answer).
 * Twilio POSTs that payload form-encoded (`…&Payload=%7B%22resource_sid%22…`), and an app that logs
 * its parsed body prints it as an escaped JSON string (`"Payload":"{\"resource_sid\":…}"`). Form-encoded,
 * a member's name follows the `%22` of its quote, whose last digit must not count as a word before it.
 */
const WEBHOOK_STATUS = new RegExp(
  String.raw`(?:(?<=%22)|(?<!\w))httpResponse(?:=|${Q}${COLON}${Q}?)([1-5]\d\d)(?!\d)|${Q}response${Q}${COLON}(?:\{|%7B)[ \t]*${Q}status_code${Q}${COLON}([1-5]\d\d)(?!\d)`,
  "g",
);
/** What marks the record as Twilio's alert: its error code (`ErrorCode=` in the text, `error_code`). */
const ALERT_RECORD = /\bErrorCode\b|error_code(?:\\?"|%22)/;

/**
 * The webhook statuses of Twilio's alert records on `segment`, before `lineEnd`. A debugger payload
 * gives one answer twice, as more_info's httpResponse and as the webhook's response status_code:
 * the status_code after an httpResponse of the same record with the same number is that answer again.
 */
export function detectTwilioWebhook(segment: string, emit: Emit, lineEnd = Number.POSITIVE_INFINITY): void {
  // Error 11205: Twilio never connected, so the record holds no status; it names the host instead.
  // So does an 11200 whose record gives no status (twilio-retrieval.ts).
  if (segment.includes("1120")) detectTwilioUnreachable(segment, emit, lineEnd);
  // A literal first: the regexes never run on lines that name neither key.
  if (!segment.includes("httpResponse") && !segment.includes("status_code")) return;
  if (!ALERT_RECORD.test(segment)) return;
  let said = 0;
  let saidEnd = 0;
  all(WEBHOOK_STATUS, segment, (m) => {
    if (m.index >= lineEnd) return;
    const code = Number(m[1] ?? m[2]);
    if (!isHttpStatus(code)) return;
    const restated =
      m[1] === undefined && said === code && !segment.slice(saidEnd, m.index).includes("error_code");
    if (m[1] !== undefined) {
      said = code;
      saidEnd = m.index + m[0].length;
    }
    if (restated) return;
    const h = hit("http", code, null, 0.9, TWILIO_WEBHOOK, true);
    // The hit spans the status itself.
    h.len = 3;
    emit(h, m.index + m[0].length - 3);
  });
}
