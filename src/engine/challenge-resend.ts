// A digest challenge whose request the log shows sent again (the same call and method, a higher CSeq:
// a client resends a challenged request with credentials and the next CSeq, RFC 3261 §22.2) is normal
// traffic even when the paste ends before the resend's answer. The resend itself is the evidence.
// Not so for a challenge that was itself the answer to such a resend: the credentials were refused,
// and sending them once more proves nothing (a client that loops on bad credentials resends too).
// A stale=true challenge is the exception: the credentials were accepted, and a resend with the new
// nonce is exactly what it asks for (RFC 3261 §22.4).
import { isChallenge } from "./challenge.js";
import { challengeAnswered } from "./relay-order.js";
import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";

/** The SIP findings with a Call-ID and CSeq, by call, in log order: what a challenge's history is read from. */
function byCall(findings: readonly Finding[]): Map<string, Finding[]> {
  const calls = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.namespace !== "sip" || !f.callId || f.cseq === undefined || f.code < 200 || f.code > 699) continue;
    const list = calls.get(f.callId);
    if (list) list.push(f);
    else calls.set(f.callId, [f]);
  }
  for (const list of calls.values()) list.sort((a, b) => a.line - b.line);
  return calls;
}

/**
 * Whether challenge `g` answered a request already resent after an earlier challenge: an earlier
 * challenge of the same call and method with a lower CSeq, and no 2xx of that method between them
 * (a REGISTER refresh that got through before being challenged again starts afresh).
 */
function challengedAgain(g: Finding, calls: ReadonlyMap<string, Finding[]>): boolean {
  const method = wireMethod(g.method) ?? "INVITE";
  let challenged = false;
  for (const f of calls.get(g.callId as string) ?? []) {
    if (f.line >= g.line) break;
    if ((wireMethod(f.method) ?? "INVITE") !== method || (f.cseq as number) >= (g.cseq as number)) continue;
    if (f.code < 300) challenged = false;
    else if (isChallenge(f)) challenged = true;
  }
  return challenged;
}

/**
 * Which challenges the log shows resent with credentials and not refused on the way: `stale` are the
 * stale=true challenges. Built lazily: most logs have no challenge to ask about.
 */
export function resentChallenges(
  findings: readonly Finding[],
  events: readonly TimingEvent[],
  stale: ReadonlySet<Finding>,
): (f: Finding) => boolean {
  const answered = challengeAnswered(events);
  let calls: Map<string, Finding[]> | undefined;
  return (f) => {
    if (f.namespace !== "sip" || !isChallenge(f) || !answered(f)) return false;
    if (stale.has(f)) return true;
    calls ??= byCall(findings);
    return !challengedAgain(f, calls);
  };
}
