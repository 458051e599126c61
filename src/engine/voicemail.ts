// A call that rang its extensions (a ring group, a queue's members) without an answer and then went
// to voicemail: the PBX did what it is configured to do. A member's no-answer or busy is routine
// there; what the on-call engineer asked about ("calls go to voicemail") is that outcome, so the
// summary leads with it. The scanner records the voicemail step as an event (scan/voicemail.ts).
import type { Finding } from "./scan/scanner.js";
import { type CallKey, callKey, sameCallKey } from "./scan/voicemail.js";

/** The scanner's record of a line where the call reached voicemail: `note` names the step. */
export interface VoicemailEvent {
  kind: string;
  line: number;
  note?: string;
  /** The call the step ran in, when its line names one. */
  call?: CallKey;
  /** FreeSWITCH: the B-legs whose failed bridge sent the call to voicemail. */
  legs?: readonly string[];
}

/** Whether failure `f` belongs to the call that voicemail step `v` ran in, as far as the log tells. */
function sameCall(f: Finding, v: VoicemailEvent): boolean {
  return sameCallKey(callKey(f.text), v.call ?? {}, v.legs);
}

/** The event kind the scanner gives a voicemail step. */
export const VOICEMAIL = "voicemail";

/** No answer and busy: what a ring group's or queue's legs end with when nobody takes the call. */
const ROUTINE_Q850 = new Set([17, 18, 19]);
const ROUTINE_SIP = new Set([408, 480, 486, 487, 600, 603]);

export function isRoutineMiss(f: Finding): boolean {
  return f.namespace === "q850" ? ROUTINE_Q850.has(f.code) : f.namespace === "sip" && ROUTINE_SIP.has(f.code);
}

export interface Voicemail {
  line: number;
  step: string;
  /** Every failure before the voicemail step was a leg's no answer or busy. */
  routine: boolean;
}

/**
 * The voicemail step after the first failure, when the log shows one in the same call: another
 * call reaching voicemail says nothing of this one, and a step the log cannot tie to the first
 * failure's call is not claimed. Only that call's failures are weighed.
 */
export function voicemailAfter(
  first: Finding | null,
  failing: readonly Finding[],
  events: readonly VoicemailEvent[],
): Voicemail | undefined {
  if (!first) return undefined;
  const v = events.find((e) => e.kind === VOICEMAIL && e.line > first.line && sameCall(first, e));
  if (!v) return undefined;
  const before = failing.filter((f) => f.line < v.line && sameCall(f, v));
  return {
    line: v.line,
    step: v.note ?? "voicemail",
    routine: before.length > 0 && before.every(isRoutineMiss),
  };
}

/**
 * The headline for a routine outcome: voicemail took the call after the legs it rang did not
 * answer or were busy; the first of those is named, not blamed.
 */
export function voicemailHeadline(v: Voicemail, first: Finding, firstLabel: string): string {
  const where = first.timestamp ? `, ${first.timestamp}` : "";
  return (
    `The call went to voicemail (${v.step} on line ${v.line}) after the extensions it rang did not ` +
    `answer or were busy (the first such result is ${firstLabel} on line ${first.line}${where}). ` +
    "That is the fallback the PBX is set up with when nobody takes the call, not a fault of those extensions."
  );
}

/**
 * The summary's headline sentences: a routine outcome's voicemail headline in place of the first
 * failure's; with other failures before it, the voicemail step is told after the headline.
 */
export function withVoicemail(
  v: Voicemail | undefined,
  first: Finding | null,
  firstLabel: string | null,
  headline: string,
): string[] {
  if (!v || !first || !firstLabel) return [headline];
  if (v.routine) return [voicemailHeadline(v, first, firstLabel)];
  return [headline, `The call then went to voicemail (${v.step} on line ${v.line}).`];
}

/** For a routine outcome: no component failed; where to look if the call should have been answered. */
export function voicemailComponent(v: Voicemail): string {
  return `none; the PBX sent the call to voicemail (line ${v.line}) when no extension took it. If it should have been answered, look at those extensions (registered, do-not-disturb, already busy) and the ring group's or queue's ring time`;
}
