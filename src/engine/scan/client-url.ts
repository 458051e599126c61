// The server behind an HTTP client's error, by the request URL the client prints with it: OkHttp's
// `<-- 503 Service Unavailable https://api.example.com/v1/calls (1234ms)`, Python requests'
// "429 Client Error: Too Many Requests for url: https://api.exotel.com/…", a console's
// `POST https://… 403`, fetch's `Response { status: 504, …, url: '…' }`. That host answered the
// status, and a CPaaS API host also says whose API it is.

/**
 * A URL in the place a client prints its request's URL: after OkHttp's `<-- 503 …`, after "for
 * url:", as a `url` field, or right after the request's method. Any other URL on the line (a
 * documentation link in an error body, a callback URL) names no server that answered.
 */
const REQUEST_URL =
  /(?:<--[ \t]+[1-5]\d\d(?!\d)[^\n]{0,200}?|\bfor url:[ \t]*|\burl["']?[ \t]*[:=][ \t]*["']?|\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+)(https?:\/\/[^\s"'<>]+)/i;

/** The host of `url` (http or https), without user info or port, in lower case. */
export function urlHost(url: string): string | undefined {
  const m = /^https?:\/\/([^/?#\s"'<>]+)/i.exec(url);
  if (!m) return undefined;
  // Exotel's documented form carries the API key and token before the host: never a host.
  const authority = (m[1] as string).slice((m[1] as string).lastIndexOf("@") + 1);
  if (authority.startsWith("[")) {
    const end = authority.indexOf("]");
    return end > 1 ? authority.slice(1, end).toLowerCase() : undefined;
  }
  const host = authority.split(":")[0]?.toLowerCase();
  return host ? host : undefined;
}

/** The host of the request URL an HTTP client's status line names, if it names one. */
export function requestHost(line: string): string | undefined {
  // Cheap test first: most lines with an HTTP status name no URL at all.
  if (!line.includes("://")) return undefined;
  const m = REQUEST_URL.exec(line);
  return m ? urlHost(m[1] as string) : undefined;
}

/**
 * Hosts of the cloud communication APIs sipcode knows, and whose API each is: a status from one
 * is that platform's answer (its rate limit, its authentication), not some in-house server's.
 */
const KNOWN_APIS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|\.)exotel\.(?:com|in)$/, "Exotel's API"],
  [/(?:^|\.)twilio\.com$/, "Twilio's REST API"],
  [/\.communication\.azure\.com$/, "Azure Communication Services' API"],
  [/(?:^|\.)webexapis\.com$/, "the Webex API"],
];

/** Whose API `host` is, when it is a platform sipcode knows. */
export function knownApi(host: string): string | undefined {
  for (const [re, name] of KNOWN_APIS) if (re.test(host)) return name;
  return undefined;
}
