// The notes that say why a cancelled call attempt is no failure, one sentence per way it ended
// (another branch answered, the CANCEL crossed the 200 OK, answered elsewhere, the caller or a
// proxy cancelled, the ring time ran out).
import { byAnswer, ELSEWHERE_TEXT, endsOwnLeg } from "./cancel-index.js";
import type { Cancelled } from "./cancels.js";
import type { Finding } from "./scan/scanner.js";

const ELSEWHERE = /cause=200\b|completed elsewhere/i;

type Kind = "branch" | "crossed" | "elsewhere" | "caller" | "proxy" | "ring" | "originator";

function kindOf(c: Cancelled): Kind {
  if (c.crossed) return "crossed";
  if (c.answered) return "branch";
  if (c.timedOut) return "proxy";
  if (c.channel && !c.cancel && endsOwnLeg(c.channel)) return "elsewhere";
  if (c.channel && !c.cancel && c.channel.namespace === "q850") return "ring";
  if (c.cancel) return ELSEWHERE.test(c.cancel.note ?? "") ? "elsewhere" : "caller";
  return ELSEWHERE_TEXT.test(c.f.text) ? "elsewhere" : "originator";
}

/** Why one cancelled finding is no failure, in words. */
function why(c: Cancelled, k: Kind, label: (f: Finding) => string): string {
  const { cancel, channel, answered, crossed } = c;
  if (crossed)
    return `the CANCEL crossed the ${label(crossed)} on line ${crossed.line}: the INVITE had already been answered, so the CANCEL matched no transaction (RFC 3261 §9.2); the caller ACKs the 200 and ends the call with a BYE`;
  const reason = cancel?.note ? `, ${cancel.note}` : "";
  const at =
    cancel && byAnswer.has(cancel)
      ? `CANCEL answered on line ${cancel.line}`
      : `CANCEL on line ${cancel?.line}`;
  // A losing branch's 487: the proxy, not the caller, cancelled it once another branch answered.
  if (answered && c.f.code === 487)
    return `a losing branch of a forked call: another branch answered (${label(answered)} on line ${answered.line}), so the proxy cancelled this one (${cancel ? `${at}${reason}` : "its CANCEL is not in the log"}; RFC 3261 §16.7)`;
  if (answered)
    return `a losing branch of a forked call; another branch answered: ${label(answered)} on line ${answered.line} (RFC 3261 §16.7)`;
  if (!cancel && channel && k === "elsewhere")
    return `the call was answered elsewhere, so FreeSWITCH cancelled this leg (${channel.reason ?? "LOSE_RACE"} on line ${channel.line}, same channel)`;
  if (!cancel && channel && k === "ring")
    return `FreeSWITCH cancelled this leg when its ring time ran out (NO_ANSWER on line ${channel.line}, same channel), the failure to look at`;
  if (!cancel)
    return k === "elsewhere"
      ? "the call was answered elsewhere, so this branch was cancelled"
      : `cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL${channel ? ` on line ${channel.line}, same channel` : ""})`;
  if (k === "proxy") return `cancelled by the proxy after no answer (${at}${reason})`;
  return k === "elsewhere"
    ? `the call was answered elsewhere, so this branch was cancelled (${at}${reason})`
    : `cancelled by the caller (${at}${reason})`;
}

/** One sentence per way a cancelled call ended: another branch answered, answered elsewhere,
 *  cancelled by the caller (a CANCEL, or FreeSWITCH's ORIGINATOR_CANCEL). */
export function cancelNotes(cancelled: Cancelled[], label: (f: Finding) => string): string[] {
  const notes: string[] = [];
  for (const k of ["branch", "crossed", "elsewhere", "caller", "proxy", "ring", "originator"] as const) {
    const these = cancelled.filter((c) => kindOf(c) === k);
    const first = these[0];
    if (!first) continue;
    const { f } = first;
    const n = these.length - 1;
    const way =
      k === "branch"
        ? "lost to an answered branch the same way"
        : k === "crossed"
          ? "answered a CANCEL that crossed the 200 OK the same way"
          : first.cancel
            ? "followed a CANCEL the same way"
            : k === "elsewhere"
              ? "were answered elsewhere the same way"
              : k === "ring"
                ? "were cancelled at the end of their ring time the same way"
                : "were cancelled by the caller the same way";
    const what = k === "branch" ? "final response" : k === "crossed" ? "481" : "487";
    const more = n > 0 ? ` ${n} more ${what}${n > 1 ? "s" : ""} ${way}.` : "";
    notes.push(
      `${label(f)} on line ${f.line}${f.method ? ` (${f.method})` : ""}: ${why(first, k, label)}; not a failure.${more}`,
    );
  }
  return notes;
}
