// The likely failing component of the first failure. A response's top Via names the side that
// sent the request, so the answering side comes from the packet's source, the Server/User-Agent
// header, or the log's own system when it generated or sent the response itself.
import type { Entry } from "../catalog/schema.js";
import { isActionSubcode } from "./scan/acs-records.js";
import { headerName } from "./scan/header-lines.js";
import { ownRequestEnded } from "./scan/host-words.js";
import { hostRole, lineHost } from "./scan/hosts.js";
import { isMobiusHost, OKHTTP_FAILED } from "./scan/okhttp-failed.js";
import { REINVITE } from "./scan/reinvite.js";
import type { Finding } from "./scan/scanner.js";
import { SDK_HTTP_ERROR } from "./scan/sdk-http-errors.js";
import type { RequestNoted, TimerFinding } from "./timing.js";
import { NO_ANSWER_TIMER, provisionalWords } from "./transaction-timers.js";
import { refusedTransfer } from "./transfer.js";

const OWN_SYSTEM = "the system that wrote this log";

/** SIP and HTTP findings are responses: someone answered a request with them. */
function isResponse(f: Finding): boolean {
  return f.namespace === "sip" || f.namespace === "http";
}

/** A line that says the next hop did not answer ("no reply received from X"). */
const NO_REPLY = /\bno (?:final )?(?:repl(?:y|ies)|responses?|answer)\b|\btim(?:ed|e)[ -]?out\b/i;

/** Who answered with response `f`, in words, and whether the log pins down where it is. */
/** `generated`: the text already says the log's own system made the response up. */
function answeringSide(f: Finding): { text: string; placed: boolean; generated?: true } | null {
  const code = `${f.code}`;
  const agent = f.agent ? ` (${f.agent})` : "";
  const role = f.host ? hostRole(f.text, f.host, f.direction) : undefined;
  // The log's own system made it up because the hop it passed the request to failed it.
  if (f.host && role === "upstream") {
    if (f.direction !== "local") return { text: `${f.host}${agent}`, placed: true };
    // A request of the log's own (a dispatcher's OPTIONS probe) has no requester to answer.
    if (ownRequestEnded(f.text))
      return {
        text: `${f.host}, which never answered the ${f.method ?? "request"} sent to it; the system that wrote this log${agent} ended its own request with the ${code} when its transaction timer expired`,
        placed: true,
        generated: true,
      };
    const silent = f.code === 408 || f.code === 504 || NO_REPLY.test(f.text);
    const what = silent
      ? "which never answered the request passed to it"
      : "the upstream the request was passed to";
    return {
      text: `${f.host}, ${what}; the system that wrote this log${agent} generated the ${code} itself because of it and sent it back to the requester`,
      placed: true,
      generated: true,
    };
  }
  // The registrar found no contact for the callee just before: nobody was there to ring.
  if (
    f.unregistered !== undefined &&
    (f.direction === "local" || f.direction === "out" || role === "receiver")
  ) {
    const to = f.host ? ` and sent it to ${f.host}, the requester` : "";
    return {
      text: `the callee, which is not registered: the registrar found no contact for it in usrloc (line ${f.unregistered}), so the system that wrote this log${agent} answered the ${code} itself${to}`,
      placed: true,
      generated: true,
    };
  }
  // The log's own system generated it (a script's sl_send_reply): "from X" names the requester.
  if (f.direction === "local") {
    const to = f.host ? ` and sent it to ${f.host}` : "";
    return {
      text: `the system that wrote this log${agent}, which generated the ${code} itself${to}`,
      placed: true,
    };
  }
  if (f.host && role === "sender") return { text: `${f.host}${agent}`, placed: true };
  if (f.host && role === "receiver")
    return {
      text: `the system that wrote this log${agent}, which sent the ${code} to ${f.host}`,
      placed: true,
    };
  if (f.direction === "out") {
    const to = f.via ? ` to ${f.via}, the requester in its top Via` : "";
    return { text: `the system that wrote this log${agent}, which sent the ${code}${to}`, placed: true };
  }
  // A message logged as received from a peer the log does not name (Cisco's "Received:" above it):
  // the peer answered, not the requester in its top Via. The request it answers was sent to its
  // Request-URI's host, the best name the log gives that peer.
  if (f.direction === "in" && !f.host && f.requestUri)
    return {
      text: `${f.requestUri}${agent}, the host the request's Request-URI names (the log gives no address)`,
      placed: true,
    };
  if (f.direction === "in" && !f.host && !f.agent && f.via)
    return { text: "the peer that sent it (logged as received; the log names no address)", placed: true };
  if (f.agent) return { text: f.agent, placed: false };
  // A host named without saying whether it sent the response: shown as named, not as the culprit.
  if (f.host) return { text: `a side the log names as ${f.host}, without saying which way`, placed: false };
  return null;
}

/**
 * A code read from a header of a message ("Reason: SIP;cause=408" in a BYE): the host the message
 * came from reported it, which does not make that host the side that failed.
 */
function carrier(f: Finding): string | null {
  // The Webex SDK's "TooManyRequests: …" starts like a header line, but names its error's class.
  if (!f.host || f.detector === SDK_HTTP_ERROR || lineHost(f.text) !== undefined) return null;
  const name = headerName(f.text);
  if (!name) return null;
  const what = `the message carrying ${f.namespace === "q850" ? "cause" : "the"} ${f.code} in its ${name} header`;
  const role = hostRole(f.text, f.host, f.direction);
  if (role === "sender") return `${f.host}, which sent ${what}`;
  if (role === "receiver") return `the system that wrote this log, which sent ${what} to ${f.host}`;
  return null;
}

/** Either party of an answered call may send a re-INVITE, so the catalog's "called UA" is the UA
 *  the re-INVITE went to (the caller, when the callee sent it). */
function inDialog(generic: string | undefined, f: Finding): string | undefined {
  if (f.method !== REINVITE || !generic) return generic;
  return generic.replace(/\b([Tt])he called UA\b/, (_m, t: string) => `${t}he UA the re-INVITE went to`);
}

/** The failing component of `first`, the failure the analysis starts from. */
export function failingComponentOf(first: Finding, entry: Entry | undefined): string | null {
  // The side usually at fault, where the catalog names one apart from who produced the code
  // (ACS ends a call its callee never answered).
  const generic = inDialog(entry?.failingSide ?? entry?.generatedBy, first);
  if (!entry && first.namespace === "acs" && isActionSubcode(first.subcode)) return actionComponent(first);
  if (first.detector === OKHTTP_FAILED) return unansweredRequest(first, generic);
  const carried = carrier(first);
  if (carried) return [carried, generic].filter(Boolean).join(" — ");
  if (!isResponse(first)) {
    return [first.agent, first.host ?? first.via, generic].filter(Boolean).join(" — ") || null;
  }
  const side = answeringSide(first);
  // A refused REFER: the side that refused it, and the transfer target it never called.
  if (first.method === "REFER" && first.cseq !== undefined) {
    const refused = refusedTransfer(side?.text ?? "The side the REFER was sent to", first);
    if (refused) return refused;
  }
  // When the log's own system answered, the catalog's list of who usually does only blurs it.
  const own = side?.placed && (side.generated || side.text.startsWith(OWN_SYSTEM));
  const parts = [side?.text, own ? undefined : generic].filter(Boolean) as string[];
  // The top Via of a response is the requester; say so instead of blaming it.
  if (first.via && !side?.placed) {
    const toward = `the ${first.code} went back toward ${first.via}, the requester in its top Via, not the side that answered`;
    if (parts.length === 0) return `Not named in the log: ${toward}`;
    return `${parts.join(" — ")} (${toward})`;
  }
  return parts.join(" — ") || null;
}

/**
 * OkHttp's request that got no response: the host its request line named did not answer, for the
 * reason the exception gives. A Mobius cluster is named as Webex Calling's, with the path to check.
 */
function unansweredRequest(f: Finding, generic: string | undefined): string {
  const why = f.reason ? `: ${f.reason}` : "";
  if (!f.host) return `${generic ?? "The host the request was sent to"}${why}`;
  if (!isMobiusHost(f.host)) return `${f.host}, which gave the app's request no HTTP response${why}`;
  return `Mobius (${f.host}, Webex Calling) did not answer the app's request${why}; check the device's network path to it on TCP 443, that its name resolves (DNS), and that no proxy or firewall intercepts its TLS`;
}

/**
 * A Call Automation action that failed (RecognizeFailed 400/8510): the action the app asked for,
 * with what it acted on (the caller's input, the prompt's media), not ACS's infrastructure.
 */
function actionComponent(f: Finding): string {
  const event = f.reason?.split(" ", 1)[0];
  const which = event && event !== "ACS" ? ` (${event})` : "";
  return `The app's Call Automation action${which}: the caller's input or the media the app asked for (prompt file, text-to-speech), not the ACS infrastructure`;
}

/** Who sent response `f`, in a few words, for a sentence that goes on about it. */
function senderOf(f: Finding): string {
  if (f.direction === "local") return "the system that wrote this log";
  const role = f.host ? hostRole(f.text, f.host, f.direction) : undefined;
  if (f.host && (role === "sender" || role === "upstream")) return f.host;
  if (f.direction === "in" && !f.host) return f.agent ?? "the peer that sent it";
  // A log line of its own (no packet, no host): the log's system reports what it did.
  if (role === "receiver" || f.direction === "out" || (!f.host && !f.agent))
    return "the system that wrote this log";
  return f.agent ?? "the side that sent it";
}

/** A 408 a Timer B/F note explains: the host that never answered the request is the failing
 *  component, and the 408's sender generated it itself after the timer fired. */
export function timedOutComponent(first: Finding, request: RequestNoted, timer: string): string {
  const silent = request.to ?? "the next hop (the log does not say where the request went)";
  return `${silent}, which never answered the ${request.method} on line ${request.line} (${gaveUp(first, request, timer)}); ${senderOf(first)} generated the ${first.code} itself after it`;
}

/** Well short of 64×T1 (32 s): the sender's own timeout ended the wait, not Timer B/F. */
const EARLY_MS = 16_000;

/** The timer that ended the wait, or how soon the sender gave up when that was long before it (an
 *  SBC's or proxy's transaction timeout set shorter for faster failover). */
function gaveUp(first: Finding, request: RequestNoted, timer: string): string {
  const waited =
    first.tsMs !== undefined && request.tsMs !== undefined ? first.tsMs - request.tsMs : Number.NaN;
  if (!(waited > 0 && waited < EARLY_MS)) return timer;
  return `the ${first.code} came ${(waited / 1000).toFixed(1)} s after the first copy, before ${timer}'s 32 s: a transaction timeout set shorter than the default`;
}

/**
 * The request the log's own system passed on for `received`, the request a Timer B/F note pairs the
 * 408 with when the log does not say where that one went (an SBC logs the INVITE it got from the
 * PBX, then its own copies to the carrier): a later request of the same method, sent to a named host
 * before the 408 and never answered (`silent`, the "No response" notes).
 */
export function passedOn(
  received: RequestNoted,
  first: Finding,
  silent: TimerFinding[],
): RequestNoted | undefined {
  if (received.to !== undefined) return undefined;
  for (const t of silent) {
    const r = t.request;
    if (r?.to && r.method === received.method && r.line > received.line && r.line < first.line) return r;
  }
  return undefined;
}

/** A 408 the next hop sent after the call rang (or for the INVITE sent to it): that host gave up
 *  waiting for an answer. */
export function noAnswerComponent(first: Finding, t: TimerFinding): string {
  const agent = first.agent ? ` (${first.agent.split(" ")[0]})` : "";
  const who = t.answeredBy ? `${t.answeredBy}${agent}` : senderOf(first);
  const why =
    t.provisional === undefined
      ? `for the ${t.request?.method ?? "request"} sent to it`
      : `${provisionalWords({ code: t.provisional })} with no answer`;
  return `${who} — it sent the ${first.code} ${why}: ${NO_ANSWER_TIMER}`;
}

/** How far below an HTTP status line an API's error body may come (curl -v headers, a blank line). */
const BODY_LINES = 20;

/**
 * An HTTP status that names no component, with an API error body just below it that the catalog
 * links to it (curl -v: `< HTTP/1.1 415`, then Exotel's `error_data` 1011): the API is the side.
 */
export function apiBehindStatus(
  first: Finding,
  findings: readonly Finding[],
  entryOf: (f: Finding) => Entry | undefined,
): string | null {
  if (first.namespace !== "http") return null;
  const status = entryOf(first);
  for (const f of findings) {
    if (f.line <= first.line || f.line > first.line + BODY_LINES) continue;
    if (f.namespace !== "exotel" && f.namespace !== "mobius") continue;
    const e = entryOf(f);
    const linked = e && (e.related.includes(first.id ?? "") || (status?.related.includes(e.id) ?? false));
    if (!linked || !e.generatedBy) continue;
    // The body's API leads: it says which service refused, the host only where it answered.
    const from = first.host ? ` from ${first.host}` : "";
    return `${e.generatedBy} (its error body on line ${f.line} gives the reason for the ${first.code}${from})`;
  }
  return null;
}
