// The words and verdicts the analysis uses for one finding: its label ("SIP 486 Busy Here") and
// whether it is normal traffic rather than a failure.

import type { Catalog } from "../catalog/indexes.js";
import { AnsweredLegs } from "./answered-legs.js";
import type { ChallengeOutcome } from "./challenge.js";
import { entryLabel, findingEntryLabel } from "./labels.js";
import { isActionSubcode } from "./scan/acs-records.js";
import { CHAN_UNAVAIL_REASON } from "./scan/chan-unavail.js";
import { MOBIUS_REGISTERED, registeredLabel } from "./scan/mobius-registered.js";
import { OWN_CAUSE } from "./scan/own-causes.js";
import type { Finding } from "./scan/scanner.js";
import type { TimingEvent } from "./scan/timing-event.js";

/**
 * Mobius refusals that are correct behaviour, by the words of their log message, with why: the
 * seed calls an unregister blocked while calls exist "by design; do not treat as a bug".
 */
const BY_DESIGN: ReadonlyArray<readonly [string, string]> = [
  ["Call/s exist for this device", "blocked by design while the device still has active calls"],
];

/** Why a Mobius finding is correct behaviour rather than a failure, or undefined. */
export function byDesign(f: Pick<Finding, "namespace"> & { text?: string }): string | undefined {
  if (f.namespace !== "mobius" || !f.text) return undefined;
  const text = f.text;
  return BY_DESIGN.find(([words]) => text.includes(words))?.[1];
}

/**
 * SIPp's error log when a scenario met a message it did not expect: "Aborting call on unexpected
 * message for Call-Id '…': while expecting '200' (index 3), received 'SIP/2.0 183 …". The far end
 * answered normally, but SIPp aborted the test call there: the scenario needs that message (an
 * optional `<recv response="183" optional="true"/>`), so the response is where the call failed.
 */
const SIPP_ABORT = "Aborting call on unexpected message";

/** Whether `f` is a response SIPp aborted its call on (see SIPP_ABORT). */
export function sippAborted(f: { namespace: string; text?: string }): boolean {
  return f.namespace === "sip" && f.text !== undefined && f.text.includes(SIPP_ABORT);
}

export function label(
  catalog: Catalog,
  f: Pick<Finding, "namespace" | "code" | "subcode" | "id"> &
    Partial<Pick<Finding, "text" | "detector" | "reason" | "host">>,
): string {
  // The web SDK's active Mobius URL and its "Registration successful": no status was printed.
  if (f.detector === MOBIUS_REGISTERED) return registeredLabel(f);
  const e = f.id ? catalog.byId.get(f.id) : undefined;
  const why = byDesign(f);
  if (e && why) return `${entryLabel(e)}, ${why}`;
  // FreeSWITCH's own cause name is what the log says: the entry that explains it is named with it.
  if (e && f.detector === OWN_CAUSE && f.reason) return `${entryLabel(e)} (FreeSWITCH ${f.reason})`;
  // CHANUNAVAIL gives no cause: the entry the catalog explains it in is named with what the log said.
  if (e && f.reason === CHAN_UNAVAIL_REASON)
    return `${entryLabel(e)} (Asterisk CHANUNAVAIL, no cause logged)`;
  if (e && sippAborted(f))
    return `${entryLabel(e)}, which the SIPp scenario did not expect, so SIPp aborted the call`;
  if (e && (e.subcode === f.subcode || f.namespace !== "acs")) return entryLabel(e);
  // An ACS result with subcode 0 that opens its code's general entry (408/0) is named with that
  // entry's title, as its timeline row is: "ACS 408/0" alone would say nothing.
  if (e && f.subcode === 0) return findingEntryLabel(e, f);
  // A Call Automation action's result: its event and Microsoft's message say what went wrong.
  if (!e && f.namespace === "acs" && isActionSubcode(f.subcode))
    return f.reason ?? `ACS ${f.code}/${f.subcode} (a Call Automation action's result)`;
  const ns = {
    sip: "SIP",
    q850: "Q.850 cause",
    http: "HTTP",
    mobius: "Mobius",
    acs: "ACS",
    exotel: "Exotel API",
  }[f.namespace as "sip"];
  return `${ns ?? f.namespace} ${f.code}${f.subcode === null ? "" : `/${f.subcode}`}`;
}

/**
 * Calls answered so far (a 2xx to an INVITE), by Call-ID ("" for a response with none). Q.850 cause
 * 31 "Normal, unspecified" clears an answered call normally, but gateways also give it to a call
 * they fail for a reason with no better cause (the catalog maps it to SIP 480): before an answer,
 * it is a failed call.
 */
export class AnsweredCalls {
  private readonly ids = new Set<string>();
  /** FreeSWITCH's own answers, by channel: its lines carry no Call-ID (see answered-legs.ts). */
  private readonly legs: AnsweredLegs;

  /** `events`: the scan's timing events, whose "answer" lines mark FreeSWITCH legs answered. */
  constructor(events: readonly TimingEvent[] = []) {
    const answers = events
      .filter((e) => e.kind === "answer")
      .map((e) => ({ line: e.line, text: e.note ?? "" }));
    this.legs = new AnsweredLegs(answers.sort((a, b) => a.line - b.line));
  }

  /** Notes `f` when it answers a call; findings are seen in time order. */
  see(f: Finding): void {
    if (f.namespace !== "sip" || f.code < 200 || f.code >= 300) return;
    if (f.method === "INVITE" || f.method === "re-INVITE") this.ids.add(f.callId ?? "");
    else if (f.method === undefined) this.legs.see(f);
  }

  /** Whether the call `f` belongs to was answered before it (a finding with no Call-ID: any call,
   *  or, on a FreeSWITCH line, its own leg). */
  answered(f: Finding): boolean {
    const leg = f.callId === undefined ? this.legs.answered(f) : undefined;
    if (leg) return true;
    if (this.ids.size === 0) return false;
    return f.callId === undefined || this.ids.has(f.callId) || this.ids.has("");
  }
}

/** The ACS call-end code of a busy callee (486/560486 on the PSTN): a failed attempt whatever the
 *  category ACS files it under, as a SIP 486 is. */
const ACS_BUSY = 486;

/** Normal traffic: provisional and success responses (SIP, HTTP, Mobius) other than one SIPp aborted its
 *  test call on, causes for normal clearing, a digest
 *  challenge or a 420/422/423/491 whose retry got through (see challenge.ts), a 487 to a call the caller cancelled,
 *  a losing branch's refusal after another branch answered and a 481 to a CANCEL that crossed the 200 OK
 *  (`cancelled`, see cancels.ts), ACS "Success" end reasons other than a busy callee, and a Mobius refusal its log message calls by
 *  design, Q.850 26 (answered elsewhere). `connected`: the finding's call was answered before it (see AnsweredCalls). */
export function isNormal(
  catalog: Catalog,
  f: Finding,
  challenge: ChallengeOutcome | undefined,
  cancelled: boolean,
  connected = true,
): boolean {
  const e = f.id ? catalog.byId.get(f.id) : undefined;
  if (f.namespace === "sip" || f.namespace === "http") {
    if (sippAborted(f)) return false;
    if (f.code < 400 || cancelled) return true;
    return challenge !== undefined && challenge.kind !== "unanswered";
  }
  // Normal clearing is normal, unless the line itself reports a failure ("Originate Failed. Cause: …");
  // cause 31 only on a call that `connected` (answered, or hung up with a BYE). Cause 26 clears a leg
  // another user of its group answered (Asterisk's ANSWERED_ELSEWHERE on every losing ring-group or
  // queue leg): the call itself worked.
  if (f.namespace === "q850")
    return (f.code === 16 || f.code === 26 || (f.code === 31 && connected)) && !/fail|error/i.test(f.text);
  // ACS success codes (0, 2xx) with subcodes the catalog does not list are still successes. A busy
  // callee is not, although ACS files 486/560486 under "Success": the call never connected.
  if (f.namespace === "acs") {
    if (f.code === ACS_BUSY) return false;
    return e ? e.resultCategory === "Success" : f.code < 300;
  }
  // Mobius statuses are HTTP statuses: a 1xx/2xx without a mobius-error is a request that worked;
  // a refusal Mobius makes on purpose (unregister while calls exist) is no failure either.
  if (f.namespace === "mobius") return (f.code < 300 && f.subcode === null) || byDesign(f) !== undefined;
  return false;
}
