// OkHttp's HttpLoggingInterceptor logs `<-- HTTP FAILED: ` and the exception when a call gets no
// response at all (a timeout, a name that did not resolve, a failed TLS handshake, a refused
// connection). No server sent a status, so it shows as a symptom whose reason is the exception,
// naming the host of the request logged above it (`--> POST https://…`).
import { urlHost } from "./client-url.js";
import { type Emit, hit } from "./hit.js";
import { MOBIUS_URL } from "./mobius-phase.js";
import { threadOf } from "./okhttp-threads.js";

/** The detector, and the catalog's entry for a request that got no response. */
export const OKHTTP_FAILED = "okhttp-failed";
const ENTRY = "symptom/http-client-no-response";

/** What the gate looks for (gates.ts): a line without it never runs this detector. */
export const FAILED_LITERAL = "HTTP FAILED";

/** `<-- HTTP FAILED: java.net.SocketTimeoutException: timeout`; group 1 is what follows. */
const FAILED = /<--[ \t]+HTTP FAILED:?[ \t]*([^\r\n]{0,300})/;
/** The exception's class (group 1, its simple name) and message (group 2). */
const EXCEPTION = /^(?:[a-z_$][\w$]*\.)*([A-Z][\w$]*(?:Exception|Error))(?::[ \t]*(.*))?$/;
/** A message's longest part kept in the reason. */
const MAX_MESSAGE = 120;

/** The kinds of failure, by the exception's simple name (or message, when only it is logged). */
const KINDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/SocketTimeout|InterruptedIO|\btimeout\b|timed out/i, "no response before the client's timeout"],
  [/UnknownHost|Unable to resolve host|No address associated/i, "the host name did not resolve (DNS)"],
  [/SSLHandshake|SSLPeerUnverified|Certificate|CertPath|Trust anchor|handshake/i, "the TLS handshake failed"],
  [/Connect|NoRouteToHost|Failed to connect|refused|unreachable/i, "could not connect to the host"],
  [/EOF|reset|unexpected end of stream|StreamReset|closed/i, "the connection closed before the response"],
  [/SSL/, "the TLS connection failed"],
];

/** An app that cancelled its own call (`java.io.IOException: Canceled`) had no failure. */
const CANCELED = /^(?:java\.io\.IOException:[ \t]*)?Cancel+ed\b/i;

/** Emits the symptom for OkHttp's `<-- HTTP FAILED: …` on `segment`. */
export function detectOkHttpFailed(segment: string, emit: Emit): void {
  // Cheap literal first: only a line with the words can hold the record.
  if (!segment.includes(FAILED_LITERAL)) return;
  const m = FAILED.exec(segment);
  if (!m) return;
  const said = (m[1] ?? "").trim();
  if (CANCELED.test(said)) return;
  const h = hit("symptom", 0, null, 0.9, OKHTTP_FAILED, true, { entryId: ENTRY, reason: reasonOf(said) });
  h.len = m[0].length;
  emit(h, m.index);
}

/** "no response before the client's timeout (SocketTimeoutException: timeout)". */
function reasonOf(said: string): string {
  const e = EXCEPTION.exec(said);
  const name = e?.[1];
  const message = (e ? (e[2] ?? "") : said).trim();
  const short = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
  const what = name ? (short ? `${name}: ${short}` : name) : short;
  const kind = KINDS.find(([re]) => re.test(name ?? "") || re.test(message))?.[1] ?? "no HTTP response";
  return what ? `${kind} (${what})` : kind;
}

/** How far above the failure its request may be logged (headers and a body in between). */
export const REQUEST_LOOKBACK = 40;

/** OkHttp's request line: `--> POST https://host/path h2` (never `--> END POST`). */
const REQUEST = /-->[ \t]+[A-Z]+[ \t]+(https?:\/\/[^\s"'<>]+)/;
/** A reply of another exchange: `<-- 200 https://…`, another `<-- HTTP FAILED`. */
const REPLY = /<--[ \t]+(?:[1-5]\d\d\b|HTTP FAILED)/;
/** A host the exception itself names: `Unable to resolve host "x"`, `Failed to connect to x/1.2.3.4:443`. */
const NAMED =
  /(?:resolve host|Failed to connect to)[ \t]+"?([A-Za-z0-9.-]+\.[A-Za-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})/;

/**
 * The host the failed request went to: the URL of the nearest request line above it (`above`,
 * nearest first), from the same thread when logcat prints thread ids, stopping at a reply of that
 * thread (its request was answered, so the failure's own request is not in the log); else a host
 * the exception names, or a URL on the failure's own line (some loggers append it).
 */
export function failedRequestHost(line: string, above: readonly string[]): string | undefined {
  const tid = threadOf(line);
  for (const l of above) {
    if (!l.includes("--")) continue;
    if (tid !== undefined && threadOf(l) !== tid) continue;
    const r = REQUEST.exec(l);
    if (r) return urlHost(r[1] as string);
    if (REPLY.test(l)) break;
  }
  const named = NAMED.exec(line)?.[1];
  if (named) return named.toLowerCase();
  const own = /https?:\/\/[^\s"'<>]+/.exec(line.slice(line.indexOf(FAILED_LITERAL)));
  return own ? urlHost(own[0]) : undefined;
}

/** Whether `host` is a Mobius cluster (`mobius-us-east-1.prod.infra.webex.com`). */
export function isMobiusHost(host: string): boolean {
  return MOBIUS_URL.test(`https://${host}`);
}
