// A 401/407 whose challenge says stale=true (RFC 3261 §22.4, RFC 7616 §3.3): the server accepted the
// credentials, but the nonce they were computed with had expired. It is no refusal of the password:
// the client should simply resend with the new nonce. The scanner records such a status line as a
// "stale-challenge" event; this ties the event to the 401/407 found on that line.
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** The 401/407 findings whose challenge carried stale=true. */
export function staleChallenges(findings: readonly Finding[], events: readonly TimingEvent[]): Set<Finding> {
  const stale = new Set<Finding>();
  const lines = new Set<number>();
  for (const e of events) if (e.kind === "stale-challenge") lines.add(e.line);
  if (lines.size === 0) return stale;
  for (const f of findings)
    if (f.namespace === "sip" && (f.code === 401 || f.code === 407) && lines.has(f.line)) stale.add(f);
  return stale;
}

/** The headline label of a stale challenge that no retry settled. */
export function staleLabel(named: string): string {
  return `${named} with stale=true: the credentials were accepted but the nonce had expired, and the log shows no answer to a retry with the new nonce`;
}
