// Cause 0: no Q.850 cause, but the value Asterisk (AST_CAUSE_NOTDEFINED, causes.h) and FreeSWITCH
// (SWITCH_CAUSE_NONE, printed NONE, switch_types.h) hold while no hangup cause has been set. It says
// nothing about why a call ended, so the answer says so and where the reason is logged instead.
import type { ExplainResult } from "./explain.js";
import { unknownAnswer } from "./explain-no-entry.js";

/** Names stacks give cause 0, as typed in any case after `causeNameOf` has upper-cased them. */
const ZERO_NAMES: ReadonlySet<string> = new Set(["AST_CAUSE_NOTDEFINED", "SWITCH_CAUSE_NONE"]);

/** Whether a cause name (AST_CAUSE_NOTDEFINED, SWITCH_CAUSE_NONE) is a stack's name for cause 0. */
export function isNoCauseName(name: string): boolean {
  return ZERO_NAMES.has(name.toUpperCase());
}

/**
 * FreeSWITCH's NONE asked as a cause ("hangup_cause=NONE", "cause none"): only after a cause word,
 * since "none" alone is an ordinary word.
 */
export function isNoneCause(namespace: string | null, text: string): boolean {
  return namespace === "q850" && text.trim() === "none";
}

/** The answer for cause 0 under any of its spellings: no entry, and what to read instead. */
export function noCauseResult(
  base: Pick<ExplainResult, "query" | "parsed">,
  spelled: string | null = null,
): ExplainResult {
  const named = spelled ? `${spelled} is cause 0. ` : "";
  const note =
    `${named}Cause 0 means no hangup cause was recorded, not a normal clearing: Q.850 defines no ` +
    "cause 0 (its causes run 1–127). Asterisk calls it AST_CAUSE_NOTDEFINED and FreeSWITCH NONE " +
    "(SWITCH_CAUSE_NONE): the value was read before the channel hung up, or the channel ended " +
    "without anything setting a cause. " +
    "Look instead at the call's DIALSTATUS, the SIP final response or Reason header it received or " +
    "sent, and in FreeSWITCH sip_term_status or the other leg's hangup_cause.";
  return unknownAnswer(base, note);
}
