// A 401/407 whose challenge says stale=true (RFC 3261 §22.4, RFC 7616 §3.3): the server accepted the
// credentials, but the nonce they were computed with had expired. It is no refusal of the password:
// the client should simply resend with the new nonce. The scanner records such a status line as a
// "stale-challenge" event; this ties the event to the 401/407 found on that line.
// The set also carries what the same events say of every challenge: whether its request was resent
// (challenge-resend.ts), so a challenge is judged with both (challenge.ts's ChallengeSigns).
import type { ChallengeSigns } from "./challenge.js";
import { resentChallenges } from "./challenge-resend.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** The 401/407 findings whose challenge carried stale=true, and which challenges were resent. */
export function staleChallenges(
  findings: readonly Finding[],
  events: readonly TimingEvent[],
): Set<Finding> & ChallengeSigns {
  const stale = new Set<Finding>();
  const signs = Object.assign(stale, { resent: resentChallenges(findings, events, stale) });
  const lines = new Set<number>();
  for (const e of events) if (e.kind === "stale-challenge") lines.add(e.line);
  if (lines.size === 0) return signs;
  for (const f of findings)
    if (f.namespace === "sip" && (f.code === 401 || f.code === 407) && lines.has(f.line)) stale.add(f);
  return signs;
}

/** The headline label of a stale challenge that no retry settled. */
export function staleLabel(named: string): string {
  return `${named} with stale=true: the credentials were accepted but the nonce had expired, and the log shows no answer to a retry with the new nonce`;
}

/** The checks for a stale challenge no retry settled: the resend, not the password. */
const STALE_CHECKS = [
  "Look for the request resent with the new nonce (the same call, a higher CSeq) and its answer: stale=true asks the client to resend at once without asking for the password",
  "Check the client handles stale=true (some stacks stop, or ask for the password again, instead of resending)",
  "Check the server's nonce lifetime and the clocks of the servers that share nonces: a nonce that expires too soon makes every refresh stale",
];
/** Checks that are about wrong or refused credentials, which stale=true rules out. */
const CREDENTIAL_CHECK =
  /password|alwaysauthreject|fail2ban|No matching endpoint|permit\/deny|refused REGISTERs/i;

/** The checklist for a stale challenge as the first failure: its own checks lead, password checks go. */
export function staleChecks(checklist: readonly string[], max: number): string[] {
  return [...STALE_CHECKS, ...checklist.filter((c) => !CREDENTIAL_CHECK.test(c))].slice(0, max);
}

/** The failing component of a stale challenge no retry settled: the client that did not resend. */
export function staleComponent(first: Finding): string {
  const server = first.host ? ` to ${first.host}` : "";
  return `the client, which did not resend its request${server} with the new nonce (the credentials were accepted; stale=true only asks for a resend)`;
}
