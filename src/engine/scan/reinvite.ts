// Telling a re-INVITE from the INVITE that set up the call. A response's CSeq says "INVITE" for
// both; inside one Call-ID, an INVITE whose CSeq is above one that was already answered with a 2xx
// is a new transaction in an established dialog (RFC 3261 §14), so its responses answer a re-INVITE.
// A higher CSeq after a 401/407 is the same call being set up again, so only a 2xx counts.
// Each side numbers its own CSeq (§12.2.1.1), so the called side's first re-INVITE may carry the
// very number of the caller's INVITE: its responses then travel the other way (see otherSide).
import type { Finding } from "./finding.js";

export const REINVITE = "re-INVITE";

/** An address without its port or IPv6 brackets, lower-cased: a Via's sent-by port or a TCP
 *  source port may differ from the packet line's while the host is the same. */
function addr(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const v = s.toLowerCase();
  if (v.startsWith("[")) return v.slice(1, v.indexOf("]") < 0 ? undefined : v.indexOf("]"));
  const colon = v.indexOf(":");
  return colon >= 0 && colon === v.lastIndexOf(":") ? v.slice(0, colon) : v;
}

/** True, false or unknown (undefined) when either side is missing. */
function same(a: string | undefined, b: string | undefined): boolean | undefined {
  const x = addr(a);
  const y = addr(b);
  return x === undefined || y === undefined ? undefined : x === y;
}

/**
 * A response with the answered INVITE's CSeq that belongs to the other side's transaction: its
 * requester (top Via) is the UA that answered the call and it was sent by the UA that placed it.
 * A retransmitted 2xx, a fork's 487 or a proxy's relay of the same answer one hop up keep the
 * requester or fail one of the two checks; without addresses to compare, it stays the same INVITE.
 */
function otherSide(f: Finding, setUp: Finding): boolean {
  if (same(f.via, setUp.via) === true) return false;
  const requester = same(f.via, setUp.host);
  const responder = same(f.host, setUp.via);
  if (requester === false || responder === false) return false;
  return requester === true || responder === true;
}

/** Marks the findings (in place) that answer a re-INVITE: method "re-INVITE". */
export function markReinvites(findings: readonly Finding[]): void {
  let answered: Map<string, Finding> | undefined;
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++)
    sorted = (findings[i - 1] as Finding).line <= (findings[i] as Finding).line;
  const inOrder = sorted ? findings : [...findings].sort((a, b) => a.line - b.line);
  for (const f of inOrder) {
    if (f.method !== "INVITE" || f.namespace !== "sip" || f.cseq === undefined || !f.callId) continue;
    const setUp = answered?.get(f.callId);
    if (setUp !== undefined && (f.cseq !== setUp.cseq || otherSide(f, setUp))) f.method = REINVITE;
    else if (setUp === undefined && f.code >= 200 && f.code < 300) {
      answered ??= new Map();
      answered.set(f.callId, f);
    }
  }
}

/** The method a request line carries for `method` as findings name it. */
export function wireMethod(method: string | undefined): string | undefined {
  return method === REINVITE ? "INVITE" : method;
}
