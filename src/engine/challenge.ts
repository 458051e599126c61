// A 401/407 digest challenge and what became of it: the request sent again with credentials is
// "answered" only by a final response, and "succeeds" only when that final response is a 2xx.
// An HTTP line has no Call-ID: its 401 is answered only by a response for the same request target
// (host, and path when both lines name one), never by a 2xx some other API returned.
import type { Finding } from "./scan/scanner.js";

export type ChallengeOutcome =
  /** A 2xx final response followed: normal digest authentication. */
  | { kind: "success"; final: Finding }
  /** Another final response followed: authentication got through, the request failed later. */
  | { kind: "failed-after"; final: Finding }
  /** Only provisional responses (100, 180, 183) followed: the retry is still in progress. */
  | { kind: "pending"; provisional: Finding }
  /** Another challenge followed, or nothing did: the credentials were refused or never sent. */
  | { kind: "unanswered" };

export function isChallenge(f: Finding): boolean {
  return (f.namespace === "sip" || f.namespace === "http") && (f.code === 401 || f.code === 407);
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

/** Responses later in the log that belong to the challenged request (same method and call; for
 *  HTTP, the same request target). */
function sameRequest(f: Finding, g: Finding, target: RequestTarget | undefined): boolean {
  return (
    g.namespace === f.namespace &&
    (!f.method || !g.method || g.method === f.method) &&
    (!f.callId || !g.callId || g.callId === f.callId || f.method === "REGISTER") &&
    (target === undefined || sameTarget(target, requestTarget(g)))
  );
}

/** What the responses after challenge `f` (in time order) say about it. */
export function challengeOutcome(f: Finding, later: Finding[]): ChallengeOutcome {
  let provisional: Finding | undefined;
  const target = f.namespace === "http" ? requestTarget(f) : undefined;
  for (const g of later) {
    if (!sameRequest(f, g, target) || g.code < 100 || g.code > 699) continue;
    if (g.code < 200) {
      provisional ??= g;
      continue;
    }
    if (g.code < 300) return { kind: "success", final: g };
    if (g.code === 401 || g.code === 407) return { kind: "unanswered" };
    return { kind: "failed-after", final: g };
  }
  return provisional ? { kind: "pending", provisional } : { kind: "unanswered" };
}

/** One sentence per kind of outcome seen, for the "normal traffic" section. */
export function challengeNotes(outcomes: ChallengeOutcome[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
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
  const pending = outcomes.find((o) => o.kind === "pending");
  if (pending?.kind === "pending")
    notes.push(
      "After the 401/407 challenge the request was sent again but got only provisional responses (such as 100 Trying or 183), no final response, so the log does not show whether it succeeded.",
    );
  return notes;
}
