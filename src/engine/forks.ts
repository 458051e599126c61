// A forked INVITE where every branch failed: the proxy forwards one final response to the caller,
// and RFC 3261 §16.7 says which: a 6xx from any branch wins over the 4xx/5xx of the others. That
// response is what the caller got, so it leads, not a branch that happened to fail first (a 486
// from one phone while another declined with 603).
import type { Finding } from "./scan/scanner.js";

export interface Forwarded {
  /** The branch's 6xx the proxy had to forward. */
  best: Finding;
  /** That 6xx as the proxy sent it on to the caller, when the log shows it. */
  relayed?: Finding;
}

/** The branches of one INVITE transaction: responses to the same requester (top Via), Call-ID
 *  and CSeq. */
function branchKey(f: Finding): string | undefined {
  if (f.namespace !== "sip" || f.method !== "INVITE" || !f.callId || f.cseq === undefined || !f.via)
    return undefined;
  return `${f.callId}\n${f.cseq}\n${f.via}`;
}

/** Each branch's earlier 4xx/5xx → the 6xx another branch of the same transaction sent, when no
 *  branch answered with a 2xx and the branches came from different hosts. */
export function forwardedResponses(findings: readonly Finding[]): Map<Finding, Forwarded> {
  const out = new Map<Finding, Forwarded>();
  // Only a log with a 6xx to an INVITE pays for grouping.
  if (!findings.some((f) => f.code >= 600 && f.code < 700 && f.method === "INVITE")) return out;
  const branches = new Map<string, Finding[]>();
  const answered = new Set<string>();
  for (const f of findings) {
    const key = branchKey(f);
    if (!key) continue;
    if (f.code >= 200 && f.code < 300) answered.add(`${f.callId}\n${f.cseq}`);
    if (f.code < 400 || f.code > 699) continue;
    const list = branches.get(key);
    if (list) list.push(f);
    else branches.set(key, [f]);
  }
  for (const list of branches.values()) {
    const first = list[0] as Finding;
    if (answered.has(`${first.callId}\n${first.cseq}`)) continue;
    const best = list.find((f) => f.code >= 600);
    if (!best || new Set(list.map((f) => f.host)).size < 2) continue;
    // The same code sent on toward the caller: one hop up, the same transaction.
    const relayed = findings.find(
      (f) =>
        f.line > best.line &&
        f.code === best.code &&
        f.callId === best.callId &&
        f.cseq === best.cseq &&
        f.via !== best.via,
    );
    const fwd: Forwarded = relayed ? { best, relayed } : { best };
    for (const f of list) if (f.code < 600 && f.line < best.line && f.host !== best.host) out.set(f, fwd);
  }
  return out;
}

/** The summary sentence: which branch failed first, and which response the caller got, and why. */
export function forwardedSentence(branch: Finding, fwd: Forwarded, named: (f: Finding) => string): string {
  const { best, relayed } = fwd;
  const to = relayed
    ? `the proxy forwarded it to the caller (line ${relayed.line})`
    : "it is the response the proxy forwards to the caller";
  return (
    `The INVITE was forked: the branch to ${branch.host} failed first with ${named(branch)} (line ${branch.line}), ` +
    `but ${best.host} answered ${named(best)} (line ${best.line}), and a 6xx from any branch wins over 4xx/5xx ` +
    `(RFC 3261 §16.7), so ${to}.`
  );
}

/** The earliest failed branch whose transaction forwarded `best`, when `best` leads. */
export function forkedBranch(
  forwarded: Map<Finding, Forwarded>,
  best: Finding | null,
): [Finding, Forwarded] | undefined {
  if (!best || forwarded.size === 0) return undefined;
  let out: [Finding, Forwarded] | undefined;
  for (const [f, fwd] of forwarded) if (fwd.best === best && (!out || f.line < out[0].line)) out = [f, fwd];
  return out;
}
