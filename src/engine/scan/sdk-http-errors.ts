// The Webex JavaScript SDK names its HTTP errors after the status: `WebexHttpError.TooManyRequests`,
// `SparkHttpError.NotFound` (its http-core makes one subclass per status, named by the reason
// phrase without spaces). The error's message then gives the method and URL and
// `WEBEX_TRACKING_ID:` on the lines below, but no number: the class name is the code.
import type { Catalog } from "../../catalog/indexes.js";
import type { Entry } from "../../catalog/schema.js";
import { requestHost, urlHost } from "./client-url.js";
import { all, type Emit, type Hit, hit, put } from "./hit.js";
import { MOBIUS_URL, urlEntry } from "./mobius-phase.js";

export const SDK_HTTP_ERROR = "sdk-http-error";

/** The literal every match holds (anchors.ts finds lines by it). */
export const SDK_HTTP_ERROR_ANCHOR = "HttpError.";

const CLASS = /\b(?:Webex|Spark)?HttpError\.([A-Z][A-Za-z]{2,40})\b/g;

/**
 * Class names and their statuses, with the catalog's Mobius statuses (no mobius-error) by code: an
 * error whose request went to a Mobius URL is Mobius's answer (sdkMobiusReply).
 */
export class SdkClassNames extends Map<string, number> {
  readonly mobius = new Map<number, Entry[]>();
}

/** "TooManyRequests" → 429, from the catalog's HTTP titles and aliases ("Payload Too Large"). */
export function httpClassNames(catalog: Catalog): Map<string, number> {
  const names = new SdkClassNames();
  for (const e of catalog.entries)
    if (e.namespace === "mobius" && e.code !== null && e.subcode === null) {
      const family = names.mobius.get(e.code) ?? [];
      family.push(e);
      names.mobius.set(e.code, family);
    }
  for (const e of catalog.entries) {
    if (e.namespace !== "http" || e.code === null || e.code < 400) continue;
    for (const t of [e.title, ...e.aliases]) {
      const name = t.replace(/\([^)]*\)/g, "").replace(/[^A-Za-z]/g, "");
      if (/^[A-Z]/.test(name) && !names.has(name)) names.set(name, e.code);
    }
  }
  return names;
}

/**
 * The same error printed by its own name, as the SDK's errors print themselves (their `name` is the
 * class's: `TooManyRequests: Too Many Requests`, then `POST https://…` below). Only names of two
 * words or more (`TooManyRequests`, `ServiceUnavailable`), right before ": ", and not behind a
 * dot (that form is CLASS's): a one-word `Forbidden: ` is as likely plain English.
 */
const BARE_CLASS = /(?<![\w.$])([A-Z][a-z]+(?:[A-Z][a-z]*)+): (?=\S)/g;
/** A class name of two words or more. */
const MULTI_WORD = /^[A-Z][a-z]+[A-Z]/;

/** The literals that find lines with a bare class name ("TooManyRequests: "), for anchors.ts. */
export function bareClassAnchors(names: ReadonlyMap<string, number>): string[] {
  return [...names.keys()].filter((n) => MULTI_WORD.test(n)).map((n) => `${n}: `);
}

/**
 * The Mobius statuses an SDK error's hit may turn out to be, once its request line is read: the
 * detector sees only the class name's line, the request's URL is on the line below.
 */
const mobiusFamilies = new WeakMap<Hit, readonly Entry[]>();

export function detectSdkHttpErrors(segment: string, names: ReadonlyMap<string, number>, emit: Emit): void {
  const found = (code: number | undefined, m: RegExpExecArray) => {
    if (code === undefined) return;
    const h = hit("http", code, null, 0.9, SDK_HTTP_ERROR, true);
    const family = names instanceof SdkClassNames ? names.mobius.get(code) : undefined;
    if (family) mobiusFamilies.set(h, family);
    put(emit, h, m);
  };
  if (segment.includes(SDK_HTTP_ERROR_ANCHOR)) all(CLASS, segment, (m) => found(names.get(m[1] ?? ""), m));
  // Cheap test first: a bare class name is always followed by ": ".
  if (segment.includes(": "))
    all(BARE_CLASS, segment, (m) => {
      const name = m[1] ?? "";
      found(MULTI_WORD.test(name) ? names.get(name) : undefined, m);
    });
}

/** A request line of the error's message: "POST https://…" (alone on its line, or after an escaped newline). */
const REQUEST_LINE = /^\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+https?:\/\//;

/**
 * The host the error's request went to: the message's "POST https://…" line, just below the class
 * name's line and above "WEBEX_TRACKING_ID:". No other URL is read (a stack frame, the next log line).
 * A logger that writes the message as a JSON string keeps it on one line, its line breaks escaped
 * ("…ServiceUnavailable: Service Unavailable\nPOST https://…\nWEBEX_TRACKING_ID: …"): the parts
 * after the class name's are read as its lines would be.
 */
export function sdkRequestHost(line: string, below: readonly string[] | undefined): string | undefined {
  const request = sdkRequestLine(line, below);
  lastRead.line = line;
  lastRead.request = request;
  if (request === undefined) return undefined;
  // A URL the class line names without a method (`(https://…)`) is the request all the same.
  return requestHost(request) ?? urlHost(request.slice(request.search(/https?:\/\//i)));
}

/** The request line sdkRequestHost read last, and the class name's line it read it for. */
const lastRead: { line: string | undefined; request: string | undefined } = {
  line: undefined,
  request: undefined,
};

function sdkRequestLine(line: string, below: readonly string[] | undefined): string | undefined {
  const at = classAt(line);
  // Cheap test first: a plain line holds no escaped break after the class name.
  if (at >= 0 && line.includes("\\n", at)) {
    const parts = line.slice(at).split(/(?:\\r)?\\n/);
    parts.shift();
    return requestOf(parts);
  }
  // A class line naming its request itself is the whole error on one line: the next line is
  // another log message, not the error's request.
  const own = at >= 0 && line.includes("://") ? ownRequest(line, at) : undefined;
  return own ?? requestOf(below);
}

/** A URL, with the HTTP method before it when there is one. */
const URL_ON_LINE = /(?:\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+)?(https?:\/\/[^\s"'<>()[\]]+)/g;

/**
 * The request the class line names itself: after the class name, up to the tracking id (stack
 * frames follow it), the first URL with its method (a logger that joined the message's lines with
 * spaces, `… Service Unavailable POST https://…`) or a Mobius URL (`(https://mobius-…/device)`);
 * else a request the app's words name with its method before it (`POST https://… failed:
 * WebexHttpError…`). A script's URL (a stack frame) is no request.
 */
function ownRequest(line: string, at: number): string | undefined {
  const end = line.indexOf("WEBEX_TRACKING_ID", at);
  let before: string | undefined;
  URL_ON_LINE.lastIndex = 0;
  for (let m = URL_ON_LINE.exec(line); m; m = URL_ON_LINE.exec(line)) {
    if (end >= 0 && m.index > end) break;
    if (m.index >= at && (m[1] || MOBIUS_URL.test(m[2] as string))) return m[0];
    if (m.index < at && m[1]) before = m[0];
  }
  return before;
}

/** Where the error's class name is on `line`: prefixed ("WebexHttpError.…") or bare (-1: none). */
function classAt(line: string): number {
  const at = line.indexOf(SDK_HTTP_ERROR_ANCHOR);
  if (at >= 0) return at;
  BARE_CLASS.lastIndex = 0;
  return BARE_CLASS.exec(line)?.index ?? -1;
}

function requestOf(lines: readonly string[] | undefined): string | undefined {
  for (const l of lines ?? []) {
    if (l.trim() === "" || l.includes("WEBEX_TRACKING_ID")) return undefined;
    if (REQUEST_LINE.test(l)) return l;
  }
  return undefined;
}

/**
 * The SDK error `h` on `line` as Mobius's answer when its request went to a Mobius URL
 * (`POST https://mobius-…/calling/web/device`): the Mobius status of the phase the path names, as
 * a console's `POST https://mobius-…/calling/web/device 503` reads. A request to another host
 * (webexapis.com), or a status Mobius has no entry for in that phase, leaves the HTTP status.
 * `build` makes the hit's finding, which reads the request line below the class name's line.
 */
export function sdkMobiusReply(h: Hit, line: string, build: (x: Hit) => unknown): Hit {
  const family = h.namespace === "http" ? mobiusFamilies.get(h) : undefined;
  if (!family) return h;
  lastRead.line = undefined;
  build(h);
  // The finding reads the request only when the line named no host of its own; the class line's
  // own URL is then the request.
  const request = lastRead.line === line ? lastRead.request : sdkRequestLine(line, undefined);
  const e = request === undefined || !/mobius/i.test(request) ? undefined : urlEntry(family, request);
  return e ? { ...h, namespace: "mobius", phase: e.phase, entryId: e.id } : h;
}
