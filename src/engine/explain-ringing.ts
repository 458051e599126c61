// "The call rings for 2 minutes and then stops": a call that ends while it rings was never
// answered, so nothing that happens after answer (a session timer, lost media) can explain it. A
// no-answer timer does: the ring-timeout entries lead, ACS's own 487/10004 first when the words
// name ACS or Teams.
import type { Catalog } from "../catalog/indexes.js";
import type { Entry, Namespace } from "../catalog/schema.js";
import { spokenSeconds } from "./explain-drops.js";

/** The phone rings: "rings", "ringing", "rang" (not a ring group, not ringback). */
const RINGING_RE = /\b(?:rings?|ringing|rang)\b(?![\s-]*groups?\b)/;
/** It never rang: "no ringing", "doesn't ring", "before ringing", "never rings". */
const NO_RING_RE =
  /\b(?:no|not|never|without|before|doesn'?t|does\s+not|didn'?t|did\s+not|won'?t)\s+(?:even\s+)?(?:rings?|ringing|rang)\b/;
/** The ringing ended: "stops", "drops", "ends", "times out", "hangs up", "gives up", "cancelled". */
const ENDS_RE =
  /\b(?:stops?|stopped|drops?|dropped|ends?|ended|disconnects?|disconnected|cut|cuts|terminates?|terminated|fails?|failed|times?\s+out|timed\s+out|hangs?\s+up|hung\s+up|gives?\s+up|gave\s+up|cancell?ed|cancels?)\b/;
/** Not answered, said outright: these name the ring timeout rather than an answered call. */
const NOT_ANSWERED_RE =
  /\b(?:no|not|never|without|nobody|no\s+one)\s+(?:being\s+|been\s+|getting\s+|ever\s+)?(?:answer\w*|pick\w*(?:\s+up)?|connect\w*)|\bunanswered\b/g;
/** Words of a call that was answered: then a drop is about the answered call, not the ringing. */
const ANSWERED_RE =
  /\b(?:answer(?:s|ed|ing)?|pick(?:s|ed)?\s+up|connected|talking|conversation|mid[\s-]*call|audio|media|voice|rtp)\b/;

/** Namespaces whose questions a ring timeout can answer (not a timer or a symptom asked by name). */
const CALL_FAMILIES: ReadonlySet<Namespace | null> = new Set([
  null,
  "sip",
  "q850",
  "acs",
  "mobius",
  "exotel",
]);

/** RFC 3261's Timer C: a proxy gives up on an unanswered INVITE after more than 3 minutes. */
const TIMER_C_SECONDS = 180;

/**
 * The ring-timeout entries, most likely first, and a note saying why, when the words say a call
 * rang and then ended without being answered; else null.
 */
export function ringTimeout(
  c: Catalog,
  text: string,
  ns: Namespace | null,
): { entries: Entry[]; note: string } | null {
  if (!CALL_FAMILIES.has(ns) || !RINGING_RE.test(text) || NO_RING_RE.test(text)) return null;
  if (!ENDS_RE.test(text)) return null;
  if (ANSWERED_RE.test(text.replace(NOT_ANSWERED_RE, " "))) return null;
  const seconds = spokenSeconds(text);
  const ids = ["q850/19", "sip/480", "sip/408", "timer/c"];
  // Past Timer C a proxy's own give-up is the likelier one.
  if (seconds !== null && seconds > TIMER_C_SECONDS) ids.splice(1, 0, ids.splice(3, 1)[0] as string);
  if (ns === "acs") ids.unshift("acs/487-10004");
  const entries = ids.map((id) => c.byId.get(id)).filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return null;
  const acs =
    ns === "acs"
      ? "ACS ends a call that nobody accepts or rejects within its ring time (about 2 minutes) with 487/10004. "
      : "";
  const note =
    `${acs}A call that rings and then ends was never answered, so neither a session timer nor lost media ` +
    "ended it: a no-answer timer did. Whoever gave up first (the caller's PBX or app, the carrier, " +
    "or the callee's own service) ends it with Q.850 19 (no answer), SIP 480 or 408, or 487 toward " +
    "the phone that rang; a proxy waits at most Timer C (more than 3 minutes).";
  return { entries, note };
}
