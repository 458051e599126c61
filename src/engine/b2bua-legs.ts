// A B2BUA (an SBC such as Oracle/Acme, a PBX) receives a request on one leg and sends its own copy
// on another leg with a new Call-ID. When that copy goes unanswered and the B2BUA then answers the
// request it received with a 408, the 408 only reports the silence: the host the copy went to is the
// side that failed. The two legs share nothing but order and time, so they are tied only when the
// copy left right after the request came in and the 408 answers that very request.

import { wireMethod } from "./scan/reinvite.js";
import type { Finding, TimingEvent } from "./scan/scanner.js";
import type { RequestNoted } from "./timing.js";

/** A B2BUA passes a request on at once; a copy sent later than this is no longer tied to it. */
const PASSED_ON_MS = 2000;

/** The request the log's own system received and passed on as the silent copy. */
export interface Received {
  callId: string;
  cseq?: number;
  line: number;
}

/** A silent request a note names, with the received request it was the copy of, when one is. */
export interface PassedOnRequest extends RequestNoted {
  passedFor?: Received;
}

/**
 * The request `copy` was passed on for: the latest earlier request of the same method, logged as
 * received (the log names no host it went to) on another Call-ID, at most PASSED_ON_MS before it.
 */
export function receivedFor(copy: TimingEvent, events: readonly TimingEvent[]): Received | undefined {
  if (copy.to === undefined || copy.callId === undefined || !Number.isFinite(copy.tsMs)) return undefined;
  let found: TimingEvent | undefined;
  for (const e of events) {
    if (e.line >= copy.line) break;
    if (e.kind !== "request" || e.method !== copy.method || e.to !== undefined) continue;
    if (e.callId === undefined || e.callId === copy.callId) continue;
    const gap = copy.tsMs - e.tsMs;
    if (gap >= 0 && gap <= PASSED_ON_MS) found = e;
  }
  if (!found?.callId) return undefined;
  const r: Received = { callId: found.callId, line: found.line };
  if (found.cseq !== undefined) r.cseq = found.cseq;
  return r;
}

/**
 * Whether the 408 `f` answered the received request that silent copy `r` was passed on for: the
 * log's own system sent it (not the silent host), on that request's Call-ID and CSeq, after the copy.
 */
export function answersReceived(r: PassedOnRequest, f: Finding): boolean {
  const received = r.passedFor;
  if (!received || f.namespace !== "sip" || f.code !== 408 || f.line <= r.line) return false;
  if (f.callId !== received.callId) return false;
  if (f.cseq !== undefined && received.cseq !== undefined && f.cseq !== received.cseq) return false;
  if (f.method !== undefined && wireMethod(f.method) !== r.method) return false;
  // Sent by the log's own system back toward the requester, not received from the silent host.
  const sent = f.direction === "out" || f.direction === "local";
  return sent && f.host !== r.to;
}
