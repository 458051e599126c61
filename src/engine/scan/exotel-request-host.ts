// The server that answered an HTTP status printed on its own in a pretty-printed error body
// (`"Status": 429,`, `<Status>401</Status>`), in an API's one-line XML error body, or on the status
// line `curl -i`/`curl -v` prints above the body, is the host of the request printed just above it:
// `curl -v https://api.exotel.com/v1/…`, `POST https://…`, or curl -v's Host header.
// Exotel's v1 API and Twilio's are most often tried this way, by hand, when a call will not start.
import { knownApi, urlHost } from "./client-url.js";

/** How many lines above the status its request is looked for (curl -v's headers come between). */
export const REQUEST_LOOKBACK = 40;

/** A status alone on its line in a body: a member or an element. */
const LONE_STATUS = /^[ \t]*(?:"status"[ \t]*:[ \t]*\d|<Status>\d)/i;
/** The status line `curl -i` prints (`HTTP/1.1 401 Unauthorized`), or `curl -v` (`< HTTP/2 429`). */
const STATUS_LINE = /^[ \t]*(?:<[ \t]*)?HTTP\/\d(?:\.\d)?[ \t]+[1-5]\d\d\b/;
/** A request: a curl command, or a method before a URL (a console's, curl -v's `> GET /…`). */
const CURL_URL = /\bcurl\b[^\n]*?(https?:\/\/[^\s"'<>]+)/;
const METHOD_URL = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(https?:\/\/[^\s"'<>]+)/;
/** curl -v's request line with a path only (`> POST /v1/Accounts/… HTTP/1.1`): the Host header
 *  below it (`> Host: api.exotel.com`) names the server, and the look-back stops there. */
const METHOD_PATH = /^[ \t]*>?[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+\//;
const HOST_HEADER = /^[ \t]*>?[ \t]*Host:[ \t]*([^\s:]+)/i;

export interface RequestHost {
  host: string;
  /** Whose API it is, when sipcode knows the platform ("Exotel's API"). */
  api?: string;
}

/** Whether `line` is a body's HTTP status alone on its line, which a request above it answers. */
export function isLoneStatus(line: string): boolean {
  return LONE_STATUS.test(line);
}

/** Whether `line` is the response's status line a curl command or request above it got. */
export function isStatusLine(line: string): boolean {
  return line.includes("HTTP/") && STATUS_LINE.test(line);
}

/**
 * The host of the nearest request above (`above` gives the lines before, nearest first), up to
 * REQUEST_LOOKBACK lines and no further than that request: an older one was answered already.
 */
export function requestHostAbove(above: (n: number) => string[]): RequestHost | undefined {
  let header: string | undefined;
  for (const l of above(REQUEST_LOOKBACK)) {
    // Cheap tests first: most lines are headers or body members.
    const url = l.includes("://") ? (CURL_URL.exec(l) ?? METHOD_URL.exec(l)) : null;
    if (url) return named(urlHost(url[1] as string));
    if (l.includes("Host:")) header = HOST_HEADER.exec(l)?.[1]?.toLowerCase() ?? header;
    else if (METHOD_PATH.test(l)) return named(header);
  }
  return undefined;
}

function named(host: string | undefined): RequestHost | undefined {
  if (!host) return undefined;
  const api = knownApi(host);
  return api ? { host, api } : { host };
}
