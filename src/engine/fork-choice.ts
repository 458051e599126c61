// Which branch response a forking proxy forwards when every branch failed, by RFC 3261 §16.7 step 6:
// a 6xx wins; else the lowest class (4xx before 5xx), within 4xx the codes the caller can act on
// (401, 407, 415, 420, 484); a 503 goes on as 500; a branch that never answered counts as a 408.
import type { Finding } from "./scan/scanner.js";

/** Why the proxy forwarded that response: the rule of §16.7 that settled it. */
export type Why = "6xx" | "class" | "preferred" | "challenge" | "503" | "chosen";

/** One branch's final outcome: its response, or the 408 the proxy made up for a silent branch. */
export interface Outcome {
  code: number;
  host: string;
  finding?: Finding;
  /** A branch that never answered: the line of the INVITE the proxy sent it. */
  invite?: number;
}

export interface Choice {
  outcome: Outcome;
  why: Why;
  /** The log shows the proxy sent the caller another response than the one §16.7 settles: its own
   *  choice (a failure_route's reply), not the rule's. */
  departed?: true;
}

/** The 4xx that tell the caller how to resubmit: §16.7 says a proxy should prefer them. */
const RESUBMIT = new Set([401, 407, 415, 420, 484]);
const CHALLENGES = new Set([401, 407]);

/** The code the caller gets for a branch's response: a proxy must not pass on a 503, which would
 *  say the proxy itself is unavailable, so it sends 500 instead. */
export const sentCode = (code: number): number => (code === 503 ? 500 : code);

const distinct = (list: Outcome[]) => new Set(list.map((o) => o.code));

/** The pick §16.7 settles without the log's help; undefined when it leaves the proxy a free choice
 *  (a 486 and a 480: any 4xx may go, and proxies differ). */
function ruled(outcomes: Outcome[]): Choice | undefined {
  const six = outcomes.find((o) => o.code >= 600);
  if (six) return { outcome: six, why: "6xx" };
  const low = Math.min(...outcomes.map((o) => Math.floor(o.code / 100)));
  const inClass = outcomes.filter((o) => Math.floor(o.code / 100) === low);
  const first = inClass[0] as Outcome;
  const codes = distinct(inClass);
  if (codes.size === 1) return { outcome: first, why: first.code === 503 ? "503" : "class" };
  if (low !== 4) return undefined;
  const preferred = inClass.filter((o) => RESUBMIT.has(o.code));
  const wanted = distinct(preferred);
  const lead = preferred[0];
  if (!lead) return undefined;
  if (wanted.size === 1) return { outcome: lead, why: "preferred" };
  // A 401 and a 407: the proxy sends one of them carrying every branch's challenge (§16.7 step 7).
  if ([...wanted].every((c) => CHALLENGES.has(c))) return { outcome: lead, why: "challenge" };
  return undefined;
}

/**
 * The response the caller got. When the log shows the proxy's own final response, that is what the
 * caller got: it settles the free choices, and where §16.7 settled the pick and the proxy sent
 * something else (a 480 after a 603, a 500 while a branch had 486) the pick is marked as departed
 * from. A 503 passed on as is may be the proxy's own overload (§16.7 allows it), and a pick made up
 * for a silent branch may be one the capture missed: neither is claimed. A code no branch explains
 * when §16.7 left the choice free is the proxy's doing, so nothing is claimed either.
 */
export function chooseBest(outcomes: Outcome[], relayed: Finding | undefined): Choice | undefined {
  const pick = ruled(outcomes);
  if (!relayed) return pick;
  if (pick && sentCode(pick.outcome.code) === relayed.code) return pick;
  if (pick)
    return pick.outcome.finding && pick.outcome.code !== relayed.code
      ? { ...pick, departed: true }
      : undefined;
  const shown = outcomes.find((o) => sentCode(o.code) === relayed.code);
  if (!shown) return undefined;
  return { outcome: shown, why: shown.code === 503 ? "503" : "chosen" };
}

/** Why the forwarded response won, in the summary's words. */
export function whyWords(why: Why): string {
  switch (why) {
    case "6xx":
      return "a 6xx from any branch wins over 4xx/5xx";
    case "class":
      return "with no 6xx a proxy forwards a response of the lowest class, 4xx before 5xx";
    case "preferred":
      return "a proxy prefers the 4xx that tells the caller how to retry (401, 407, 415, 420, 484)";
    case "challenge":
      return "a proxy forwards one 401/407 carrying the challenges of every branch";
    case "503":
      return "a proxy never forwards a 503 (it would say the proxy itself is unavailable) and sends 500 instead";
    case "chosen":
      return "with no 6xx a proxy may forward any response of the lowest class, and this one chose it";
  }
}
