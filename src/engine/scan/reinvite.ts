// Telling a re-INVITE from the INVITE that set up the call. A response's CSeq says "INVITE" for
// both; inside one Call-ID, an INVITE whose CSeq is above one that was already answered with a 2xx
// is a new transaction in an established dialog (RFC 3261 §14), so its responses answer a re-INVITE.
// A higher CSeq after a 401/407 is the same call being set up again, so only a 2xx counts.
import type { Finding } from "./finding.js";

export const REINVITE = "re-INVITE";

/** Marks the findings (in place) that answer a re-INVITE: method "re-INVITE". */
export function markReinvites(findings: readonly Finding[]): void {
  let answered: Map<string, number> | undefined;
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++)
    sorted = (findings[i - 1] as Finding).line <= (findings[i] as Finding).line;
  const inOrder = sorted ? findings : [...findings].sort((a, b) => a.line - b.line);
  for (const f of inOrder) {
    if (f.method !== "INVITE" || f.namespace !== "sip" || f.cseq === undefined || !f.callId) continue;
    const setUp = answered?.get(f.callId);
    if (setUp !== undefined && f.cseq !== setUp) f.method = REINVITE;
    else if (setUp === undefined && f.code >= 200 && f.code < 300) {
      answered ??= new Map();
      answered.set(f.callId, f.cseq);
    }
  }
}

/** The method a request line carries for `method` as findings name it. */
export function wireMethod(method: string | undefined): string | undefined {
  return method === REINVITE ? "INVITE" : method;
}
