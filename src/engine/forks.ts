// A forked INVITE where every branch failed: the proxy forwards one final response to the caller,
// chosen by RFC 3261 §16.7 (fork-choice.ts). That response is what the caller got, so it leads, not
// a branch that happened to fail first (a 503 from a gateway while a phone answered 480). A B2BUA
// is not bound by §16.7: only branches of one proxy transaction (one Call-ID, CSeq and top Via,
// answered from different hosts) are ranked.
import { chooseBest, type Outcome, sentCode, type Why, whyWords } from "./fork-choice.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

export interface Forwarded {
  /** The branch response the proxy had to forward; for a branch that never answered, the 408 the
   *  proxy sent the caller in its place. */
  best: Finding;
  /** The response as the proxy sent it on to the caller, when the log shows it. */
  relayed?: Finding;
  why: Why;
  /** A branch that never answered, for which the proxy made up the 408 it forwarded. */
  silent?: { host: string; line: number };
  /** The branch response §16.7 says the proxy should have forwarded, when the log shows it sent the
   *  caller another (`relayed`): `best` is then the earliest branch failure, which stays the lead. */
  expected?: Finding;
  /** Each branch's final response (one per host), for the sentence that names them. */
  answers?: Finding[];
}

/** The branches of one INVITE transaction: responses to the same requester (top Via), Call-ID
 *  and CSeq. */
function branchKey(f: Finding): string | undefined {
  if (f.namespace !== "sip" || f.method !== "INVITE" || !f.callId || f.cseq === undefined || !f.via)
    return undefined;
  return `${f.callId}\n${f.cseq}\n${f.via}`;
}

const sameTransaction = (a: { callId?: string; cseq?: number }, b: Finding) =>
  a.callId === b.callId && a.cseq === b.cseq;

/** The proxy's final response to the caller: one hop up (another top Via), after the branches. */
function relayedOf(findings: readonly Finding[], list: Finding[]): Finding | undefined {
  const first = list[0] as Finding;
  const hosts = new Set(list.map((f) => f.host));
  return findings.find(
    (f) =>
      f.line > first.line &&
      f.code >= 300 &&
      f.code < 700 &&
      f.via !== first.via &&
      !hosts.has(f.host) &&
      sameTransaction(f, first),
  );
}

/** Each host's first final response, then the branches the proxy sent the INVITE to that never
 *  answered: the log's own forwarded response shows the proxy gave up on them, as a 408. */
function outcomesOf(
  list: Finding[],
  relayed: Finding | undefined,
  events: readonly TimingEvent[],
): Outcome[] {
  const out: Outcome[] = [];
  const seen = new Set<string | undefined>();
  for (const f of list) {
    if (seen.has(f.host)) continue;
    seen.add(f.host);
    out.push({ code: f.code, host: f.host ?? "", finding: f });
  }
  if (!relayed) return out;
  // The proxy's own address (the caller's INVITE went to it) is no branch.
  seen.add(relayed.host);
  for (const e of events) {
    if (e.kind !== "request" || e.method !== "INVITE" || !e.to || e.line > relayed.line) continue;
    if (seen.has(e.to) || !sameTransaction(e, relayed)) continue;
    seen.add(e.to);
    out.push({ code: 408, host: e.to, invite: e.line });
  }
  return out;
}

/** Each branch's earlier failure → the response the proxy forwarded, when no branch answered with
 *  a 2xx (or redirected with a 3xx, which a proxy may follow itself) and the branches came from
 *  different hosts. */
export function forwardedResponses(
  findings: readonly Finding[],
  events: readonly TimingEvent[] = [],
): Map<Finding, Forwarded> {
  const out = new Map<Finding, Forwarded>();
  // Only a log with a failed INVITE whose top Via is known pays for grouping.
  if (!findings.some((f) => f.code >= 400 && f.code < 700 && f.via && f.method === "INVITE")) return out;
  const branches = new Map<string, Finding[]>();
  const settled = new Set<string>();
  for (const f of findings) {
    const key = branchKey(f);
    if (!key) continue;
    if (f.code >= 200 && f.code < 400) settled.add(`${f.callId}\n${f.cseq}`);
    if (f.code < 400 || f.code > 699) continue;
    const list = branches.get(key);
    if (list) list.push(f);
    else branches.set(key, [f]);
  }
  for (const list of branches.values()) {
    const first = list[0] as Finding;
    if (settled.has(`${first.callId}\n${first.cseq}`)) continue;
    const relayed = relayedOf(findings, list);
    const outcomes = outcomesOf(list, relayed, events);
    if (outcomes.length < 2) continue;
    const choice = chooseBest(outcomes, relayed);
    if (!choice) continue;
    const { outcome, why } = choice;
    const answers = outcomes.flatMap((o) => (o.finding ? [o.finding] : []));
    if (choice.departed && relayed && outcome.finding) {
      // The proxy's own choice: nothing §16.7 forwarded leads, the earliest branch failure does.
      out.set(first, { best: first, relayed, why, expected: outcome.finding, answers });
      continue;
    }
    const best = outcome.finding ?? relayed;
    if (!best) continue;
    const fwd: Forwarded = { best, why, answers };
    if (relayed) fwd.relayed = relayed;
    if (outcome.invite !== undefined) fwd.silent = { host: outcome.host, line: outcome.invite };
    for (const f of list) if (f.line < best.line && f.host !== outcome.host) out.set(f, fwd);
    // A 503 the caller got as 500 is told even when it was the first branch to fail.
    if (why === "503" && !out.has(best)) out.set(best, fwd);
  }
  return out;
}

/** Up to three branches: "A (line 2) and B (line 9) answered SIP 503 …" when they agree, else
 *  "A answered SIP 486 … (line 2) and B answered SIP 603 … (line 9)". */
function answersWords(answers: Finding[], named: (f: Finding) => string): string {
  const shown = answers.slice(0, 3);
  const more = answers.length - shown.length;
  const tail = more > 0 ? ` (and ${more} more branch${more > 1 ? "es" : ""})` : "";
  const join = (parts: string[]) =>
    parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : (parts[0] ?? "");
  const one = shown[0] as Finding;
  if (shown.every((f) => f.code === one.code))
    return `${join(shown.map((f) => `${f.host} (line ${f.line})`))} answered ${named(one)}${tail}`;
  return join(shown.map((f) => `${f.host} answered ${named(f)} (line ${f.line})`)) + tail;
}

/** The sentence for a proxy that sent the caller a response §16.7 does not explain from its
 *  branches: both the branch response the rule picks and the response the caller got are named. */
function departedSentence(
  fwd: Forwarded,
  expected: Finding,
  relayed: Finding,
  named: (f: Finding) => string,
) {
  const what =
    sentCode(expected.code) !== expected.code
      ? `a ${sentCode(expected.code)} in place of the ${named(expected)} from ${expected.host}`
      : `the ${named(expected)} from ${expected.host}`;
  return (
    `The INVITE was forked: ${answersWords(fwd.answers ?? [expected], named)}. By RFC 3261 §16.7 the proxy ` +
    `should have sent the caller ${what} (${whyWords(fwd.why)}), but it sent ${named(relayed)} (line ${relayed.line}): ` +
    `the proxy's choice does not follow from the branches, so look at its own reply logic (a failure_route's ` +
    `t_reply, a script's own reply) for why.`
  );
}

/** The summary sentence: which branch failed first, and which response the caller got, and why. */
export function forwardedSentence(branch: Finding, fwd: Forwarded, named: (f: Finding) => string): string {
  const { best, relayed, why, silent, expected } = fwd;
  if (expected && relayed) return departedSentence(fwd, expected, relayed, named);
  if (why === "6xx") {
    const to = relayed
      ? `the proxy forwarded it to the caller (line ${relayed.line})`
      : "it is the response the proxy forwards to the caller";
    return (
      `The INVITE was forked: the branch to ${branch.host} failed first with ${named(branch)} (line ${branch.line}), ` +
      `but ${best.host} answered ${named(best)} (line ${best.line}), and ${whyWords(why)} ` +
      `(RFC 3261 §16.7), so ${to}.`
    );
  }
  const opening =
    branch === best
      ? `The INVITE was forked and every branch failed: ${answersWords(fwd.answers ?? [best], named)}`
      : `The INVITE was forked: the branch to ${branch.host} failed first with ${named(branch)} (line ${branch.line}), but ` +
        (silent
          ? `${silent.host} sent no final response to the INVITE (line ${silent.line}), so the proxy made up a 408 Request Timeout for that branch`
          : `${best.host} answered ${named(best)} (line ${best.line})`);
  const to = relayed
    ? `the proxy forwarded ${named(relayed)} to the caller (line ${relayed.line})`
    : sentCode(best.code) !== best.code
      ? `the caller got ${sentCode(best.code)} Server Internal Error from the proxy`
      : "it is the response the proxy forwards to the caller";
  return `${opening}, and ${whyWords(why)} (RFC 3261 §16.7), so ${to}.`;
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

/** The failing component when the caller got the 408 a proxy made up for a branch that never
 *  answered: that branch's host; the proxy only timed it out. */
export function silentBranchComponent(fwd: Forwarded): string | undefined {
  const { silent, relayed } = fwd;
  if (!silent) return undefined;
  return (
    `${silent.host}, which never answered the INVITE on line ${silent.line} (a branch of a forked call); ` +
    `${relayed?.host ?? "the proxy"} made up the 408 for that branch and forwarded it to the caller (RFC 3261 §16.7)`
  );
}

/** The check that leads for that silent branch's 408. */
export function silentBranchCheck(fwd: Forwarded): string | undefined {
  const { silent } = fwd;
  if (!silent) return undefined;
  return `Check why ${silent.host} never answered the forked INVITE (line ${silent.line}): is it up, reachable from the proxy (firewall, NAT) and still registered at that contact?`;
}
