// Media that stopped (or never started) on a call whose answer came from a public address but
// advertised a private one: the far end is behind NAT, and RTP sent to that address goes
// nowhere. The symptom's own checks (firewall idle timeouts) would send the engineer elsewhere,
// so the hint leads the checklist.
import type { Finding } from "./scan/finding.js";

export interface NatHint {
  /** The summary sentence: which answer, from where, naming which private address. */
  sentence: string;
  /** Checks that lead the checklist. */
  checks: string[];
}

/** The answer that explains a media symptom `first` by NAT, if the log shows one. */
export function natMediaHint(first: Finding | null, findings: readonly Finding[]): NatHint | undefined {
  if (first?.namespace !== "symptom" || first.dependency !== "RTP") return undefined;
  const answer = natAnswer(first, findings);
  if (!answer?.host) return undefined;
  const from = answer.host;
  const where = answer.privateSdp ? "its SDP c= line" : "its Contact";
  const address = answer.privateSdp ?? answer.privateContact;
  const gap =
    first.tsMs !== undefined && answer.tsMs !== undefined ? (first.tsMs - answer.tsMs) / 1000 : undefined;
  const after =
    gap !== undefined && gap > 0 ? ` The media stopped ${gap.toFixed(1)} s after that answer.` : "";
  const effect = answer.privateSdp
    ? "RTP sent to that address cannot reach it"
    : "its media address may be unreachable too";
  const ip = from.replace(/:\d+$/, "");
  return {
    sentence: `The ${answer.code}${answer.reason ? ` ${answer.reason}` : ""} on line ${answer.line} came from ${from}, a public address, but ${where} gives ${address}, a private (RFC 1918) address: the answering side is behind NAT, so ${effect}.${after}`,
    checks: [
      `Check NAT traversal toward ${ip}: its answer advertises private ${address} (${answer.privateSdp ? "SDP c=" : "Contact"}), so turn on symmetric RTP (media latching) or the SBC's media anchoring for it, or STUN on the device behind the NAT`,
      `Check for a SIP ALG on the NAT router in front of ${address} and turn it off: it rewrites some SIP addresses and leaves others private`,
    ],
  };
}

/**
 * The last 2xx to an INVITE before the symptom naming a private address: in the same call when
 * both have a Call-ID, else only when it is the last answer before the symptom.
 */
function natAnswer(first: Finding, findings: readonly Finding[]): Finding | undefined {
  let last: Finding | undefined;
  for (const f of findings) {
    if (f.line >= first.line) break;
    if (f.namespace !== "sip" || f.code < 200 || f.code >= 300 || !isInvite(f.method)) continue;
    if (first.callId && f.callId && first.callId !== f.callId) continue;
    last = f;
  }
  return last && (last.privateSdp || last.privateContact) ? last : undefined;
}

function isInvite(method: string | undefined): boolean {
  return method === "INVITE" || method === "re-INVITE";
}

/** The checklist with the NAT checks first, at most `max` long. */
export function withNatChecks(checklist: readonly string[], hint: NatHint, max: number): string[] {
  return [...hint.checks, ...checklist].slice(0, max);
}
