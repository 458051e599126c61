// A 401/407 digest challenge and what became of it: the request sent again with credentials is
// "answered" only by a final response, and "succeeds" only when that final response is a 2xx.
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

/** Responses later in the log that belong to the challenged request (same method and call). */
function sameRequest(f: Finding, g: Finding): boolean {
  return (
    g.namespace === f.namespace &&
    (!f.method || !g.method || g.method === f.method) &&
    (!f.callId || !g.callId || g.callId === f.callId || f.method === "REGISTER")
  );
}

/** What the responses after challenge `f` (in time order) say about it. */
export function challengeOutcome(f: Finding, later: Finding[]): ChallengeOutcome {
  let provisional: Finding | undefined;
  for (const g of later) {
    if (!sameRequest(f, g) || g.code < 100 || g.code > 699) continue;
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
  const success = outcomes.find((o) => o.kind === "success");
  if (success)
    notes.push(
      "The 401/407 challenge was answered with credentials and the request then succeeded: normal digest authentication.",
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
