// A Mobius reply seen through an HTTP client: OkHttp's `<-- 503 … https://mobius-…/device`, a
// browser console's `POST https://mobius-…/calling/web/device 403 (Forbidden)`. The status is
// Mobius's own, in the phase its path names, and the client's reading of a status that a Mobius
// pair (the status with the body's mobius-error) also reads is that pair, not a second failure.
import type { Entry } from "../../catalog/schema.js";
import { withoutClaimed as withoutGuesses } from "./claims.js";
import { requestHost, urlHost } from "./client-url.js";
import type { Finding } from "./finding.js";
import type { Hit } from "./hit.js";
import { MOBIUS_URL, urlEntry } from "./mobius-phase.js";
import { MOBIUS_REGISTERED } from "./mobius-registered.js";
import { MOBIUS_BODY_ERROR, MOBIUS_JSON } from "./patterns.js";
import type { ScanIndex } from "./scan-index.js";
import { SDK_HTTP_ERROR, sdkMobiusReply } from "./sdk-http-errors.js";

/** The Mobius status entries (no mobius-error) of `code`. */
function statusFamily(index: ScanIndex, code: number): Entry[] {
  return (index.catalog.byCode.get(code) ?? []).filter(
    (e) => e.namespace === index.mobius.namespace && e.subcode === null,
  );
}

/**
 * The Mobius status entry for `code` answered to the Mobius URL in `segment`, by the phase its
 * path names; undefined when the line names no Mobius URL or no entry fits.
 */
export function replyEntry(index: ScanIndex, code: number, segment: string): Entry | undefined {
  if (!index.mobius.codes.has(code) || !/mobius/i.test(segment)) return undefined;
  return urlEntry(statusFamily(index, code), segment);
}

/**
 * A status a client read from a Mobius URL becomes the Mobius status of the phase the path
 * names, when the catalog has that entry; otherwise (a 403 without its mobius-error, a 404 on a
 * call path) it stays the HTTP status it is.
 */
export function mobiusReply(h: Hit, segment: string, index: ScanIndex): Hit {
  // A bare number the line's words made SIP ("Registering … failed (503)") is no SIP answer either.
  const e = h.namespace === "http" || h.namespace === "sip" ? replyEntry(index, h.code, segment) : undefined;
  if (!e) return h;
  h.namespace = index.mobius.namespace;
  h.phase = e.phase;
  h.entryId = e.id;
  return h;
}

/** Does `segment` name a Mobius URL? Then its path, not the words around it, gives the phase. */
export function hasMobiusUrl(segment: string): boolean {
  return MOBIUS_URL.test(segment);
}

/** Detectors that read an HTTP client's status line. */
const CLIENT = new Set(["http-client", "http-request"]);
/** The detector of a Mobius status read with its JSON body (vendor.ts). */
const MOBIUS_BODY = "mobius-json";
/** Mobius statuses guessed from a bare number on a line that names Mobius (detectors.ts place()). */
const GUESSED = new Set(["stack-statement", "keyword", "phrase", "failed-code"]);

/**
 * Vendor pairs own their numbers (claims.ts); so does a Mobius reply read from its body: the
 * HTTP client's status where that reply's match starts (`<-- 403 … https://mobius…` with
 * `"errorCode":112` below it, `POST https://mobius…/device 403` with its Response) is that Mobius
 * error, one failure.
 */
export function withoutClaimed(hits: Hit[]): Hit[] {
  let rest = withoutGuesses(hits);
  if (rest.some(successWithError)) rest = rest.filter((h) => !successWithError(h));
  // The SDK's error class on the line of the client's own status (`POST https://… 503 (Service
  // Unavailable) WebexHttpError.ServiceUnavailable`) names that same answer once more.
  if (rest.length > 1 && rest.some((h) => h.detector === SDK_HTTP_ERROR))
    rest = rest.filter((h) => h.detector !== SDK_HTTP_ERROR || !rest.some((o) => restates(h, o)));
  if (rest.length < 2 || !rest.some((h) => h.namespace === "mobius")) return rest;
  /** Where the Mobius replies start, with their status: "403@12". */
  const replies = new Set<string>();
  for (const h of rest)
    if (h.namespace === "mobius" && !GUESSED.has(h.detector)) replies.add(`${h.code}@${h.at}`);
  if (replies.size === 0) return rest;
  return rest.filter(
    (h) => !(h.namespace === "http" && CLIENT.has(h.detector) && replies.has(`${h.code}@${h.at}`)),
  );
}

/** Whether the SDK class hit `sdk` restates `o`, the status a client or Mobius body gave. */
function restates(sdk: Hit, o: Hit): boolean {
  return o !== sdk && o.code === sdk.code && (CLIENT.has(o.detector) || o.detector === MOBIUS_BODY);
}

/**
 * A 2xx or 3xx read with a body's mobius-error: Mobius sends its errors with 4xx and 5xx only, so
 * the errorCode is some other answer's (the next request's body) and the status is the client's.
 */
function successWithError(h: Hit): boolean {
  return h.detector === MOBIUS_BODY && h.code < 400 && h.subcode !== null;
}

/** How far below a client's Mobius reply the SDK logs that reply ("Status code: -> 403"). */
const ECHO_LINES = 4;

/**
 * The host that answered the status on a client's line: the Mobius cluster its URL names, else
 * the host of the request URL the client prints with the status (client-url.ts).
 */
export function replyHost(detector: string, line: string): string | undefined {
  // The SDK's active Mobius URL after a registration it accepted names the cluster too, and so
  // does the status-and-body pair read from a client's line (`<-- 403 …` with its errorCode below).
  const client = CLIENT.has(detector);
  if (!(client || detector === MOBIUS_REGISTERED || detector === MOBIUS_BODY)) return undefined;
  const url = /mobius/i.test(line) ? MOBIUS_URL.exec(line)?.[0] : undefined;
  if (url) return urlHost(url);
  return client ? requestHost(line) : undefined;
}

/**
 * The Webex Calling SDK's error object, `{"statusCode":403,"body":{…,"errorCode":118,…}}`, whatever
 * the logger's prefix (apps wrap the SDK's logger): a status with Mobius's answer in its body.
 */
function isErrorObject(line: string): boolean {
  return line.includes('"statusCode"') && line.includes('"errorCode"');
}

/** How the SDK's error object starts when it is the whole line. */
const ERROR_OBJECT_START = '{"statusCode"';
/**
 * The SDK's own words before its error object, `request failed {"statusCode":403,…,"body":{…}}`:
 * whatever logger prefix an app puts before them, the object after them is the SDK's.
 */
const SDK_FAILED_OBJECT = /\brequest failed:?[ \t]*\{"statusCode"\s*:\s*\d{3}\b[^\n]*?"body"\s*:\s*\{/;

/** Whether `line` holds the SDK's error object as the SDK logs it: alone, or after its words. */
function isSdkObject(line: string): boolean {
  return line.trimStart().startsWith(ERROR_OBJECT_START) || SDK_FAILED_OBJECT.test(line);
}

/** The mobius-error an error object's body gives: its mobius-error key, else a 1xx errorCode. */
function bodyError(line: string): number | null {
  const m = MOBIUS_JSON.exec(line) ?? MOBIUS_BODY_ERROR.exec(line);
  return m ? Number(m[1]) : null;
}

/**
 * The browser console prints the failed request (`POST https://mobius-…/devices/{id}/call 403
 * (Forbidden)`) and the Webex Calling SDK then logs the same answer in its words: "Status code:
 * -> 403", "Error code found : 115", or its error object `{"statusCode":403,"body":{…}}`. The SDK
 * also logs its error object (`request failed {"statusCode":403,…,"errorCode":118}`) and then
 * "Status code: ->403". One answer: the first finding stays (a URL names the cluster and the
 * phase) and takes the mobius-error the other gives when it had none.
 */
export class MobiusEchoes {
  private reply: Finding | undefined;
  /** The mobius-error in the body on the reply's own line (an SDK error object read as HTTP). */
  private replyError: number | null = null;
  private pending: number | null = null;
  /** Past the findings cap: a reply without its mobius-error yet, whose key waits for the echo. */
  private held: Finding | undefined;
  /** The restatements the reply already had: the SDK restates an answer once in each form, so
   *  a second error object or status below it is the next attempt's answer. */
  private hadObject = false;
  private hadStatus = false;
  /** Whether the reply about to be kept is the SDK's error object alone, read as Mobius. */
  private wasObject = false;

  /** Whether the client's status on `line` is a Mobius reply the SDK may restate below. */
  static isReply(detector: string, code: number, line: string): boolean {
    if (code < 400) return false;
    // The Webex SDK's error class (`WebexHttpError.ServiceUnavailable`): its request line below
    // may name a Mobius URL (expect() reads it).
    if (detector === SDK_HTTP_ERROR) return true;
    // The SDK's own error body (`request failed {"statusCode":403,…,"errorCode":119}`) is the
    // answer too; its "Status code: ->403" below is the same one.
    if (detector === MOBIUS_BODY) return true;
    if (!CLIENT.has(detector)) return false;
    if (/mobius/i.test(line) && MOBIUS_URL.test(line)) return true;
    // Only with a mobius-error in its body: another API's error object is no Mobius answer.
    return isErrorObject(line) && bodyError(line) !== null;
  }

  /**
   * The reply `h` on `line`, about to be kept or held: notes the mobius-error its body holds, if
   * any, and returns the reply as Mobius's answer when the line is the SDK's error object alone,
   * pasted without the logger's prefix, or after the SDK's own "request failed" behind any app's
   * logger prefix: the body's mobius-error ("errorCode":118, caller ID not allowed) is the
   * diagnosis, whether or not the SDK restates the answer below. Another prefix that names no
   * Mobius (another SDK's logger) leaves it HTTP unless a restatement ties it to one.
   * `build` checks the catalog knows the pair; an unknown one leaves the HTTP status.
   */
  expect(h: Hit, line: string, build: (x: Hit) => Finding): Hit {
    this.wasObject = false;
    if (h.detector === SDK_HTTP_ERROR) {
      this.pending = null;
      return sdkMobiusReply(h, line, build);
    }
    this.pending = isErrorObject(line) ? bodyError(line) : null;
    if (this.pending === null || h.namespace !== "http" || h.subcode !== null) return h;
    if (!isSdkObject(line)) return h;
    const m: Hit = { ...h, namespace: "mobius", subcode: this.pending, entryId: undefined };
    if (build(m).id === null) return h;
    this.wasObject = true;
    return m;
  }

  /** Remembers the kept finding of a client's Mobius reply. */
  see(f: Finding): void {
    // An SDK error from another API (webexapis.com) is no Mobius reply the SDK restates.
    this.reply = f.detector === SDK_HTTP_ERROR && f.namespace === "http" ? undefined : f;
    this.replyError = this.pending;
    // The SDK logs its error object once per answer: a second one below is the next attempt's.
    // (One under a prefixed object still gives that object its Mobius reading, as before.)
    this.hadObject = this.wasObject;
    this.hadStatus = false;
  }

  /**
   * Past the findings cap a reply is kept or folded by its key, which includes the mobius-error
   * the SDK logs just below it: the reply waits until that echo, or the lines it may be on, passed.
   * Returns the reply held before, which a new reply settles.
   */
  hold(f: Finding): Finding | undefined {
    const before = this.held;
    this.held = f;
    this.see(f);
    return before;
  }

  /** The held reply, once line `lineNo` is past where its echo could be (the end: Infinity). */
  release(lineNo: number): Finding | undefined {
    const f = this.held;
    if (!f || lineNo - f.line <= ECHO_LINES) return undefined;
    this.held = undefined;
    return f;
  }

  /**
   * Whether `h` on `line` (number lineNo), the SDK's status or its error object read as HTTP,
   * restates the reply kept above; `build` makes a finding of a hit, whose mobius-error the reply
   * takes when it had none.
   */
  repeats(h: Hit, lineNo: number, line: string, build: (x: Hit) => Finding): boolean {
    const r = this.reply;
    if (!r || r.code !== h.code || lineNo <= r.line || lineNo - r.line > ECHO_LINES) return false;
    const object = h.namespace !== "mobius";
    if (object && !isErrorObject(line)) return false;
    if (object ? this.hadObject : this.hadStatus) return false;
    const sub = h.subcode ?? (object ? bodyError(line) : this.replyError);
    if (sub !== null && r.subcode !== null && sub !== r.subcode) return false;
    if (object) this.hadObject = true;
    else this.hadStatus = true;
    if (sub !== null && r.subcode === null) {
      const g = build({ ...h, namespace: "mobius", subcode: sub, entryId: undefined });
      if (g.id !== null) {
        r.namespace = g.namespace;
        r.subcode = g.subcode;
        r.id = g.id;
      }
    }
    return true;
  }
}
