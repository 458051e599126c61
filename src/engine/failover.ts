// Failover: a request refused by one server (503, 5xx, 408) and sent again in the same call
// (same Call-ID, higher CSeq) to another server that accepted it, or forwarded on by a stateful
// proxy to its next destination (Kamailio/OpenSIPS dispatcher, drouting, LCR: same Call-ID and
// CSeq, a new branch, because it is still the same server transaction). The first server is
// still failing, but calls get through: the summary says so instead of reading as failed calls.
import { normalizeText } from "../catalog/text.js";
import { duration } from "./retry-after.js";
import type { Finding } from "./scan/scanner.js";

/** Final responses after which a UAC or proxy tries the next server (RFC 3263 §4.3, RFC 3261 §21.5.4). */
function triesNext(f: Finding): boolean {
  return f.namespace === "sip" && (f.code === 408 || (f.code >= 500 && f.code < 600));
}

/** Failed response → the 2xx another server gave the same call's resent request. */
export function failovers(findings: readonly Finding[]): Map<Finding, Finding> {
  const out = new Map<Finding, Finding>();
  const byCall = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.namespace !== "sip" || !f.callId || !f.host) continue;
    const list = byCall.get(f.callId);
    if (list) list.push(f);
    else byCall.set(f.callId, [f]);
  }
  for (const list of byCall.values()) {
    for (const f of list) {
      if (!triesNext(f)) continue;
      const ok = list.find(
        (g) =>
          g.code >= 200 &&
          g.code < 300 &&
          g.line > f.line &&
          g.host !== f.host &&
          g.method === f.method &&
          // A higher CSeq: the UAC sent it again; the same one: a proxy's next branch. A 2xx for the
          // same transaction after a 5xx from another host can only come from another branch.
          (g.cseq === undefined || f.cseq === undefined || g.cseq >= f.cseq),
      );
      if (ok) out.set(f, ok);
    }
  }
  return out;
}

/** The proxy tried another destination within the same transaction (same CSeq). */
function sameTransaction(failed: Finding, answered: Finding): boolean {
  return failed.cseq !== undefined && failed.cseq === answered.cseq;
}

/** Codes RFC 3261 §20.33 lets carry Retry-After, among those a failover follows. */
const RETRY_AFTER_CODES = new Set([500, 503]);

/** A 408 that makes a proxy try the next server is a timeout, most often the proxy's own Timer B:
 *  the first server never answered, so it is not said to have answered. */
const timedOut = (f: Finding) => f.code === 408;

/** The sentence for a failover, after the failure it follows. */
export function failoverSentence(failed: Finding, answered: Finding, named: (f: Finding) => string): string {
  const how = sameTransaction(failed, answered)
    ? `The proxy then forwarded the ${failed.method ?? "request"} on a new branch of the same transaction (Call-ID ${failed.callId}, CSeq ${failed.cseq}) to `
    : `The ${failed.method ?? "request"} was then sent again in the same call (Call-ID ${failed.callId}) to `;
  const then = `${answered.host}, which answered ${named(answered)} on line ${answered.line}: the call connected through that server. `;
  if (timedOut(failed))
    return `${how}${then}${failed.host} never answered in time (a 408 that sends a proxy to the next server is a timeout, most often the proxy's own Timer B): it is down or unreachable, not the calls.`;
  const retry =
    failed.retryAfter !== undefined
      ? ` Its Retry-After asks senders to leave it alone for ${duration(failed.retryAfter)}.`
      : RETRY_AFTER_CODES.has(failed.code)
        ? ` A Retry-After on its ${failed.code} would say how long senders avoid it.`
        : "";
  return `${how}${then}${failed.host} is degraded, not the calls.${retry}`;
}

/** The catalog's "check whether traffic fails over" advice, moot once the log shows it did. */
const FAILS_OVER = normalizeText("Check whether traffic fails over");

export function failoverChecks(checks: string[], failed: Finding, answered: Finding): string[] {
  const kept = checks.filter((c) => !normalizeText(c).startsWith(FAILS_OVER));
  return [
    timedOut(failed)
      ? `Check why ${failed.host} does not answer (the ${failed.code} is a timeout): calls fail over to ${answered.host}, which works, but the primary is down or unreachable`
      : `Check why ${failed.host} answers ${failed.code}: calls fail over to ${answered.host}, which works, but the primary is degraded`,
    ...kept,
  ];
}

/** A normal-traffic note per failover: the call connected, through the other server. */
export function failoverNotes(pairs: Map<Finding, Finding>, named: (f: Finding) => string): string[] {
  return [...pairs]
    .slice(0, 3)
    .map(
      ([failed, ok]) =>
        `Failover: ${failed.host} ${timedOut(failed) ? `did not answer in time (${named(failed)}, line ${failed.line})` : `answered ${named(failed)} (line ${failed.line})`}, the ${failed.method ?? "request"} went on to ${ok.host} and was answered ${named(ok)} (line ${ok.line}) ${sameTransaction(failed, ok) ? "as the proxy's next branch of the same transaction" : "in the same call"}.`,
    );
}
