// Twilio's 11200 alert is about the customer's own webhook: Twilio requested the app's URL (a
// number's Voice URL, a status callback) and that server answered with the status the alert
// records. The host that answered is the webhook's, named by the alert's `url=` (in alert_text),
// its `request_url`, or the Debugger payload's `webhook.request.url`; never the alert resource's
// own `url` (monitor.twilio.com), which only says where the alert was fetched from.
import { urlHost } from "./client-url.js";

/** What a webhook's failure is called: the side that answered Twilio, in words. */
export const WEBHOOK_AGENT = "your webhook, which answered Twilio's request";
/**
 * The key of a webhook's checks in a catalog entry's methodChecks: Twilio's request to the app, not
 * a request of the app's own to an API.
 */
export const WEBHOOK_CHECKS = "WEBHOOK";

/**
 * Where a record names the webhook URL, once decoded: alert_text's url=, request_url,
 * webhook.request.url, else the Debugger payload's more_info.url.
 */
const WEBHOOK_URL = [
  /(?:^|[?&"\s])url=(https?:\/\/[^&\s"\\]+)/,
  /request_url\\?"[ \t]*:[ \t]*\\?"(https?:\/\/[^\s"\\]+)/,
  /\\?"request\\?"[ \t]*:[ \t]*\{[ \t]*\\?"url\\?"[ \t]*:[ \t]*\\?"(https?:\/\/[^\s"\\]+)/,
  // A Debugger payload with no webhook member: more_info's own "url" is the webhook's.
  /more_info\\?"[ \t]*:[ \t]*\{[^{}]*?\\?"url\\?"[ \t]*:[ \t]*\\?"(https?:\/\/[^\s"\\]+)/,
];
/**
 * How far below the alert's status line a pretty-printed record can name its webhook: a Debugger
 * payload's more_info or webhook member may come many lines after its error_code. The scanner
 * holds 40 lines below the line it reads.
 */
const RECORD_LINES = 39;

/** `text` URL-decoded once (the form-encoded payload, alert_text's url=), or as it is when it cannot be. */
function decoded(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function urlIn(text: string): string | undefined {
  const t = decoded(text);
  for (const re of WEBHOOK_URL) {
    const m = re.exec(t);
    if (m) return urlHost(m[1] as string);
  }
  return undefined;
}

/**
 * The webhook host of the alert whose status is on `line`; `below` gives the lines under it, where
 * a pretty-printed alert (`curl … | jq .`) names its webhook, up to the record's end.
 */
export function webhookHost(line: string, below?: (n: number) => string[]): string | undefined {
  const own = urlIn(line);
  if (own || !below) return own;
  return prettyHost(below(RECORD_LINES));
}

/** A pretty-printed member that opens an object: `"more_info": {`. */
const OPENS = /^\s*"(\w+)"\s*:\s*\{\s*$/;
/** A pretty-printed `"url": "https://…"` member. */
const URL_MEMBER = /^\s*"url"\s*:\s*"(https?:\/\/[^\s"\\]+)"/;

/**
 * The webhook host named in `lines`, the rest of one pretty-printed record below its status line:
 * its request_url or alert_text's url=, or a `"url"` member of more_info or webhook.request (never
 * the record's own `url`, the alert's address at monitor.twilio.com). Read up to the close of the
 * record's object, entering its nested objects on the way.
 */
export function prettyHost(lines: readonly string[]): string | undefined {
  /** The names of the nested objects open at this line, inside the record's own object. */
  const path: string[] = [];
  for (const l of lines) {
    const open = OPENS.exec(l);
    if (open) {
      path.push(open[1] as string);
      continue;
    }
    if (/^\s*[}\]]/.test(l)) {
      // The record's own object (or the list holding it) closes: its members end here.
      if (path.length === 0) return undefined;
      path.pop();
      continue;
    }
    if (l.includes("request_url") || l.includes("url=")) {
      const h = urlIn(l);
      if (h) return h;
    }
    const where = path.join(".");
    if (where === "more_info" || where === "webhook.request") {
      const m = URL_MEMBER.exec(l);
      if (m) return urlHost(m[1] as string);
    }
  }
  return undefined;
}
