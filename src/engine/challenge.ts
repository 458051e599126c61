// A response that asks for its request again, and what became of the retry: a 401/407 digest
// challenge (sent again with credentials), a SIP 420 (without the extension it required, RFC 3261
// §8.1.3.5), 422 (with a longer Session-Expires), 423 (with a longer Expires) or 491 (after a
// back-off). The retry is "answered" only by a final response, and "succeeds" only when that final
// response is a 2xx.
// An HTTP line has no Call-ID: its 401 is answered only by a response for the same request target
// (host, and path when both lines name one), never by a 2xx some other API returned.
import type { Namespace } from "../catalog/schema.js";
import type { Finding } from "./scan/scanner.js";

export type ChallengeOutcome = { of: Finding } & (
  | /** A 2xx final response followed: normal digest authentication, or a retry that got through. */
  { kind: "success"; final: Finding }
  /** Another final response followed: the retry got through, the request failed later. */
  | { kind: "failed-after"; final: Finding }
  /** Only provisional responses (100, 180, 183) followed: the retry is still in progress. */
  | { kind: "pending"; provisional: Finding }
  /** The request sent again with credentials (a higher CSeq of the same call) was challenged again:
   *  the challenge itself was normal, the credentials were refused (`final`, judged on its own). */
  | { kind: "refused"; final: Finding }
  /** The request sent again with credentials was challenged again with stale=true: the credentials
   *  were accepted, only the nonce had expired (`final`, the stale challenge, is judged on its own). */
  | { kind: "stale"; final: Finding }
  /** No response to it followed, but the log shows its request resent (the same call, a higher CSeq):
   *  challenged, and the request was resent with credentials; the paste ends before the answer. */
  | { kind: "resent" }
  /** The same refusal followed, or nothing did: the credentials were refused or never sent. */
  | { kind: "unanswered" }
);

/** What the scan says of challenges beyond their responses: the stale=true ones (the set), and
 *  whether the log shows a challenge's request resent with credentials (see challenge-resend.ts). */
export type ChallengeSigns = ReadonlySet<Finding> & { resent?: (f: Finding) => boolean };

export function isChallenge(f: Pick<Finding, "namespace" | "code">): boolean {
  return (f.namespace === "sip" || f.namespace === "http") && (f.code === 401 || f.code === 407);
}

/** SIP responses whose request the client sends again, changed, and that a later 2xx settles. */
const RETRIED_SIP = new Set([420, 422, 423, 491]);

/** A challenge, or a SIP 420/422/423/491: a response the requester answers by retrying. */
export function isRetriedCode(ns: Namespace, code: number): boolean {
  return isChallenge({ namespace: ns, code }) || (ns === "sip" && RETRIED_SIP.has(code));
}

export function isRetried(f: Pick<Finding, "namespace" | "code">): boolean {
  return isChallenge(f) || (f.namespace === "sip" && RETRIED_SIP.has(f.code));
}

/** Where an HTTP request went: the host and path of a URL on the line, or the path of a request
 *  line ("POST /v2/calls"). Parts cut off by the excerpt's "…" count as unknown. */
export interface RequestTarget {
  host?: string;
  path?: string;
}

// Userinfo runs up to the last "@" before the host (a redacted password may hold "@" itself).
const URL_TARGET = /\bhttps?:\/\/(?:[^\s/"'<>]*@)?([A-Za-z0-9.-]+)(?::\d+)?(\/[^\s"'<>?#)\]},…]*)?(…)?/;
const REQUEST_PATH = /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/[^\s"'<>?#)\]},…]*)(…)?/;

function normalPath(p: string): string {
  return p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
}

export function requestTarget(f: Pick<Finding, "text" | "host">): RequestTarget {
  const url = URL_TARGET.exec(f.text);
  if (url?.[1]) {
    const cut = url[3] !== undefined;
    // A host cut short by the excerpt ("api.voip-prov…") names nothing.
    if (cut && !url[2]) return {};
    const t: RequestTarget = { host: url[1].toLowerCase().replace(/\.$/, "") };
    if (url[2] && !cut) t.path = normalPath(url[2]);
    return t;
  }
  const t: RequestTarget = {};
  const req = REQUEST_PATH.exec(f.text);
  if (req?.[1] && req[2] === undefined) t.path = normalPath(req[1]);
  if (f.host) t.host = f.host.replace(/:\d+$/, "").toLowerCase();
  return t;
}

/** Whether two HTTP lines name the same request target: the same host (and the same path when
 *  both name one), or the same path when a host is missing. Unknown on either side: no. */
export function sameTarget(a: RequestTarget, b: RequestTarget): boolean {
  if (a.host && b.host) {
    if (a.host !== b.host) return false;
    return !a.path || !b.path || a.path === b.path;
  }
  return a.path !== undefined && a.path === b.path;
}

/** A call named in a prose line ("Call a8f3c2e1-2222 released …", "callid=77aa@10.0.0.1"). */
const TEXT_CALL = /\b(?:call[-_ ]?id|call)\b\s*[:=#]?\s*([0-9A-Za-z][\w.+-]{5,}(?:@[\w.:-]+)?)/gi;

function textCall(text: string): string | undefined {
  for (const m of text.matchAll(TEXT_CALL)) {
    const id = m[1] as string;
    if (/\d/.test(id)) return id;
  }
  return undefined;
}

/** The call a finding belongs to: its Call-ID, or one its text names. */
function callOf(f: Finding): string | undefined {
  return f.callId ?? textCall(f.text);
}

/** Call-IDs without their host part, so "a8f3-2222" (prose) and "a8f3-2222@10.0.0.1" are one call. */
function sameCall(a: string, b: string): boolean {
  const bare = (id: string) => id.toLowerCase().replace(/@.*$/, "");
  return a === b || bare(a) === bare(b);
}

/** Whether response `g` goes to the side `f` went to: the same requester in the top Via, or
 *  the same host and direction. Unknown on either side: yes. */
export function sameSide(f: Finding, g: Finding): boolean {
  if (f.via && g.via) return f.via === g.via;
  if (f.host && g.host && f.direction && g.direction) return f.host === g.host && f.direction === g.direction;
  return true;
}

/** A SIP line that names its request in words ("REGISTER sip:… failed with 401", "INVITE from … rejected
 *  403"): the first method word, written in capitals as SIP writes it. */
const TEXT_METHOD =
  /\b(REGISTER|INVITE|SUBSCRIBE|OPTIONS|MESSAGE|PUBLISH|REFER|NOTIFY|UPDATE|BYE|INFO)\b(?! SIP\/2\.0)/;

function textMethod(f: Finding): string | undefined {
  return f.namespace === "sip" && !f.text.startsWith("SIP/2.0") ? TEXT_METHOD.exec(f.text)?.[1] : undefined;
}

/** The request a SIP finding answers: its method, or the one its line names in words. */
export function requestMethod(f: Finding): string | undefined {
  return f.method ?? textMethod(f);
}

/** Responses later in the log that belong to the challenged request: the same method and call,
 *  and for SIP a later request from the same side (a higher CSeq of the same Call-ID, answered
 *  toward the same requester). A 420/422/423/491 needs a call on both sides (a Call-ID, or one
 *  named in the text). HTTP: the same request target. */
function sameRequest(
  f: Finding,
  g: Finding,
  target: RequestTarget | undefined,
  call: string | undefined,
): boolean {
  if (g.namespace !== f.namespace) return false;
  const fm = requestMethod(f);
  const gm = fm === undefined ? undefined : requestMethod(g);
  if (fm && gm && gm !== fm) return false;
  if (f.namespace !== "sip")
    return (
      (!f.callId || !g.callId || g.callId === f.callId) &&
      (target === undefined || sameTarget(target, requestTarget(g)))
    );
  if (RETRIED_SIP.has(f.code)) {
    const other = callOf(g);
    if (!call || !other || !sameCall(call, other)) return false;
  } else if (f.callId && g.callId && g.callId !== f.callId && f.method !== "REGISTER") return false;
  if (f.callId && f.callId === g.callId && f.cseq !== undefined && g.cseq !== undefined && g.cseq <= f.cseq)
    return false;
  return sameSide(f, g);
}

/**
 * Whether challenge `g` answers the request sent again after challenge `f`: the same call, a higher
 * CSeq (a client resends a challenged request with credentials and the next CSeq, RFC 3261
 * §22.2). Without both CSeqs, a second challenge may be a copy of the first and proves nothing.
 */
function retriedWithCredentials(f: Finding, g: Finding): boolean {
  return (
    f.namespace === "sip" &&
    f.callId !== undefined &&
    f.callId === g.callId &&
    f.cseq !== undefined &&
    g.cseq !== undefined &&
    g.cseq > f.cseq
  );
}

/** What the responses after `f` (a challenge or another retried response; in time order) say
 *  about it. Another kind of retried response on the way (a 401 after the 422's retry) is judged
 *  on its own, so the chain goes on past it. */
export function challengeOutcome(f: Finding, later: Finding[], stale?: ChallengeSigns): ChallengeOutcome {
  let provisional: Finding | undefined;
  const target = f.namespace === "http" ? requestTarget(f) : undefined;
  const challenge = isChallenge(f);
  const call = f.namespace === "sip" && RETRIED_SIP.has(f.code) ? callOf(f) : undefined;
  for (const g of later) {
    // A Reason header says why a call ended: no response to anything.
    if (g.code < 100 || g.code > 699 || g.detector === "reason" || !sameRequest(f, g, target, call)) continue;
    if (g.code < 200) {
      provisional ??= g;
      continue;
    }
    if (g.code < 300) return { of: f, kind: "success", final: g };
    if (challenge && isChallenge(g) && retriedWithCredentials(f, g))
      return { of: f, kind: stale?.has(g) ? "stale" : "refused", final: g };
    if (g.code === f.code || (challenge && isChallenge(g))) return { of: f, kind: "unanswered" };
    if (isRetried(g)) continue;
    return { of: f, kind: "failed-after", final: g };
  }
  if (provisional) return { of: f, kind: "pending", provisional };
  // Nothing answered the resend in the paste, but the resend itself shows the challenge was met.
  return challenge && stale?.resent?.(f) ? { of: f, kind: "resent" } : { of: f, kind: "unanswered" };
}

/** What the client changed when it sent the request again after a 420, 422, 423 or 491. */
const RETRY_HOW: Record<number, string> = {
  420: "sent again without requiring the extension the server does not support (its Unsupported header names it, often 100rel), so each call to it pays an extra round trip until the sender stops requiring it",
  422: "sent again with a Session-Expires of at least the Min-SE asked for",
  423: "sent again with an Expires of at least the Min-Expires asked for",
  491: "the request crossed another one in the same dialog and was sent again after a back-off",
};

/** One sentence per retried code (420, 422, 423, 491) and outcome, for the "normal traffic" section. */
function retryNotes(outcomes: ChallengeOutcome[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const o of outcomes) {
    if (isChallenge(o.of) || o.kind === "unanswered") continue;
    const key = `${o.of.code}:${o.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const same = outcomes.filter((p) => p.kind === o.kind && p.of.code === o.of.code).length - 1;
    const more = same > 0 ? ` ${same} more ${o.of.code}${same > 1 ? "s" : ""} went the same way.` : "";
    const what = `${label(o.of)} on line ${o.of.line}${o.of.method ? ` (${o.of.method})` : ""}`;
    if (o.kind === "success")
      notes.push(
        `${what}, then retried and answered with ${label(o.final)} on line ${o.final.line}: ${RETRY_HOW[o.of.code] ?? "sent again"}; not a failure.${more}`,
      );
    else if (o.kind === "failed-after")
      notes.push(
        `${what} was retried, but the request then failed with ${label(o.final)} on line ${o.final.line}; look into that failure, not the ${o.of.code}.${more}`,
      );
    else
      notes.push(
        `${what} was retried but got only provisional responses, no final response, so the log does not show whether it succeeded.${more}`,
      );
  }
  return notes;
}

/** One sentence per kind of outcome seen, for the "normal traffic" section. */
export function challengeNotes(all: ChallengeOutcome[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
  const outcomes = all.filter((o) => isChallenge(o.of));
  const sip = outcomes.find((o) => o.kind === "success" && o.final.namespace === "sip");
  if (sip)
    notes.push(
      "The 401/407 challenge was answered with credentials and the request then succeeded: normal digest authentication.",
    );
  const http = outcomes.find((o) => o.kind === "success" && o.final.namespace === "http");
  if (http?.kind === "success")
    notes.push(
      `The HTTP 401/407 was followed by ${label(http.final)} for the same request on line ${http.final.line}: the client authenticated again and the request succeeded.`,
    );
  const failed = outcomes.find((o) => o.kind === "failed-after");
  if (failed?.kind === "failed-after")
    notes.push(
      `The 401/407 challenge was answered with credentials, but the request then failed with ${label(failed.final)} on line ${failed.final.line}; look into that failure, not the challenge.`,
    );
  const refused = outcomes.find((o) => o.kind === "refused");
  if (refused?.kind === "refused")
    notes.push(
      `The 401/407 challenge on line ${refused.of.line} was answered with credentials, and the request sent with them was challenged again on line ${refused.final.line}: the server refused the credentials (check the username, password and realm); that second challenge is the failure.`,
    );
  const renewed = outcomes.find((o) => o.kind === "stale");
  if (renewed?.kind === "stale")
    notes.push(
      `The 401/407 challenge on line ${renewed.of.line} was answered with credentials, and the request sent with them was challenged again on line ${renewed.final.line} with stale=true: the server accepted the credentials, only the nonce had expired, so the client is expected to send the request again with the new nonce without asking for the password (RFC 3261 §22.4).`,
    );
  const resent = outcomes.find((o) => o.kind === "resent");
  if (resent) {
    const more = outcomes.filter((o) => o.kind === "resent").length - 1;
    const others = more > 0 ? ` (${more} more challenge${more > 1 ? "s" : ""} went the same way)` : "";
    notes.push(
      `The ${label(resent.of)} on line ${resent.of.line}${resent.of.method ? ` (${resent.of.method})` : ""} challenged the request, and the request was resent with credentials (the same call, a higher CSeq)${others}: normal digest authentication. The log shows no answer to the resend, so it does not show whether the request then succeeded.`,
    );
  }
  const pending = outcomes.find((o) => o.kind === "pending");
  if (pending?.kind === "pending")
    notes.push(
      "After the 401/407 challenge the request was sent again but got only provisional responses (such as 100 Trying or 183), no final response, so the log does not show whether it succeeded.",
    );
  notes.push(...retryNotes(all, label));
  return notes;
}
