// Which component most likely failed, in order of how directly the log shows it: a dependency the
// first failure's log message (or its call's) names, the side a hang-up or a timer points at, the
// host that never answered, the failure most calls share, and only then the catalog's usual sender
// of the first failure.

import type { Catalog } from "../catalog/indexes.js";
import type { Entry } from "../catalog/schema.js";
import {
  apiBehindStatus,
  failingComponentOf,
  noAnswerComponent,
  passedOn,
  timedOutComponent,
} from "./component.js";
import { firstFailureDependencies } from "./dependency-scope.js";
import { dialplanComponent } from "./dialplan.js";
import type { Dominant } from "./dominant.js";
import type { DroppedCall } from "./dropped.js";
import { gatewayComponent } from "./gateways.js";
import type { Hangup } from "./hangups.js";
import { refusedOfferComponent } from "./offer-refused.js";
import { pstnResult } from "./pstn.js";
import type { Finding } from "./scan/scanner.js";
import { silentProbes, silentProbesComponent } from "./silent-probes.js";
import { sippComponent } from "./sipp.js";
import type { TimerFinding } from "./timing.js";
import { type TransferReport, transferComponent } from "./transfer.js";
import { transportComponent } from "./transport-error.js";
import { trunkUnavailComponent } from "./trunk-unavail.js";
import { isNoResponse } from "./unanswered.js";
import { type Voicemail, voicemailComponent } from "./voicemail.js";

export interface ComponentClues {
  catalog: Catalog;
  first: Finding | null;
  firstEntry: Entry | undefined;
  /** Every finding, in time order. */
  ordered: Finding[];
  timers: TimerFinding[];
  /** Dependencies the failures' log messages name, in words; only those that explain the first
   *  failure name the component (see dependency-scope.ts). */
  dependency: string | null;
  /** The first failure as a hang-up reason, with its own component. */
  hungUp: { component: string | null } | undefined;
  firstHangup: Hangup | undefined;
  /** The Timer B/F note naming who never answered the request a first-failure 408 ended. */
  timedOut: TimerFinding | undefined;
  /** With no failing code: the request nothing answered. */
  quiet: TimerFinding | undefined;
  dominant: Dominant | undefined;
  dropped: DroppedCall | undefined;
  entryOf: (f: Finding) => Entry | undefined;
  named: (f: Finding) => string;
  /** The first failure is a transfer target's answer, reported in a NOTIFY's sipfrag body. */
  transfer?: TransferReport | undefined;
  /** The call went to voicemail after the first failure. */
  voicemail?: Voicemail | undefined;
  /** The first failure refused the credentials a challenged request was sent again with. */
  refusedCredentials?: string | undefined;
  /** The first failure is the 408 a forking proxy made up for a branch that never answered. */
  silentBranch?: string | undefined;
}

export function chooseComponent(c: ComponentClues): string | null {
  const { first, timers, firstHangup, timedOut, quiet, dominant } = c;
  // A 408 the next hop sent after the call rang: its no-answer timer, not Timer B.
  // A proxy's CANCEL with Reason 408 is that same timer's doing.
  const byTimeout = first?.code === 408 && firstHangup?.request.method === "CANCEL";
  const noAnswer = first
    ? timers.find(
        (t) =>
          t.timer === "timer/c" &&
          (t.evidence.includes(first.line) ||
            (byTimeout && t.request?.callId === firstHangup?.request.callId)),
      )
    : undefined;
  const dependency = firstFailureDependencies(c.catalog, first, c.ordered, c.dependency);
  if (dependency) return dependency;
  if (c.hungUp) return first && noAnswer ? noAnswerComponent(first, noAnswer) : c.hungUp.component;
  // Nobody took the call and voicemail did: no component failed.
  if (c.voicemail?.routine) return voicemailComponent(c.voicemail);
  if (first && c.silentBranch) return c.silentBranch;
  if (first && timedOut?.request)
    return timedOutComponent(
      first,
      passedOn(timedOut.request, first, timers.filter(isNoResponse)) ?? timedOut.request,
      timedOut.title,
    );
  if (first && noAnswer) return noAnswerComponent(first, noAnswer);
  if (dominant)
    return `${failingComponentOf(dominant.finding, c.entryOf(dominant.finding))} (behind the ${c.named(dominant.finding)} in ${dominant.calls} calls)`;
  if (first && c.refusedCredentials) return c.refusedCredentials;
  if (first && c.transfer) return transferComponent(first);
  if (first)
    return (
      sippComponent(first) ??
      transportComponent(first) ??
      dialplanComponent(first) ??
      refusedOfferComponent(first) ??
      gatewayComponent(first, c.ordered, c.firstEntry?.failingSide ?? c.firstEntry?.generatedBy) ??
      trunkUnavailComponent(first) ??
      pstnResult(c.catalog, first)?.component ??
      silentProbed(first, c.ordered) ??
      // An API error body the catalog links to the status names the API more closely than the
      // status's host and generic entry do (curl -v's 415 with Exotel's error 1011 below it).
      apiBehindStatus(first, c.ordered, c.entryOf) ??
      failingComponentOf(first, c.firstEntry)
    );
  if (quiet?.request)
    return `${quiet.request.to ?? "the next hop (the log does not say where the request went)"}, which did not answer the ${quiet.request.method} on line ${quiet.request.line}`;
  return c.dropped?.component ?? null;
}

/** A proxy's host-less timeout of a call, blamed on the destinations its own probes found silent. */
function silentProbed(first: Finding, ordered: readonly Finding[]): string | null {
  const p = silentProbes(first, ordered);
  return p ? silentProbesComponent(p) : null;
}
