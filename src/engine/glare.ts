// Re-INVITE glare: both sides of a dialog send a re-INVITE at once, each gets 491, and the side
// whose retry gets through after its back-off (RFC 3261 §14.1: 2.1–4 s for the Call-ID's owner)
// settles it. One event, resolved: the 491 a UA correctly sent for the crossing re-INVITE is no
// failure of that UA.
import { type ChallengeOutcome, challengeOutcome, sameSide } from "./challenge.js";
import { sentBy } from "./hops.js";
import type { Finding } from "./scan/scanner.js";

/** Two 491s this close in time crossed (the re-INVITEs were in flight together). */
const CROSSED_MS = 2000;

export interface Glare {
  /** The 491 whose request was retried and answered, and how. */
  retried: Finding;
  outcome: ChallengeOutcome & { kind: "success" };
  /** The 491 the other side got for its own re-INVITE. */
  other: Finding;
}

const is491 = (f: Finding) => f.namespace === "sip" && f.code === 491 && f.callId !== undefined;

/** Each 491 of a resolved glare (in `ordered`, time order) → the glare it belongs to. */
export function glares(ordered: Finding[]): Map<Finding, Glare> {
  const out = new Map<Finding, Glare>();
  const refusals: Array<{ f: Finding; i: number }> = [];
  ordered.forEach((f, i) => {
    if (is491(f)) refusals.push({ f, i });
  });
  for (const a of refusals) {
    if (out.has(a.f)) continue;
    const outcome = challengeOutcome(a.f, ordered.slice(a.i + 1, a.i + 200));
    if (outcome.kind !== "success") continue;
    const b = refusals.find(
      ({ f }) =>
        f !== a.f &&
        !out.has(f) &&
        f.callId === a.f.callId &&
        !sameSide(a.f, f) &&
        f.tsMs !== undefined &&
        a.f.tsMs !== undefined &&
        Math.abs(f.tsMs - a.f.tsMs) <= CROSSED_MS,
    );
    if (!b) continue;
    const glare: Glare = { retried: a.f, outcome, other: b.f };
    out.set(a.f, glare).set(b.f, glare);
  }
  return out;
}

/** One note per glare, for the "normal traffic" section. */
export function glareNotes(all: Map<Finding, Glare>, named: (f: Finding) => string): string[] {
  const notes: string[] = [];
  for (const g of new Set(all.values())) {
    const { retried, other, outcome } = g;
    // The side that sent a 491 is the one whose own re-INVITE the other 491 refused.
    const winner = sentBy(other) ? other.host : undefined;
    const loser = sentBy(retried) ? retried.host : undefined;
    const [x, y] = retried.line < other.line ? [retried, other] : [other, retried];
    const later =
      outcome.final.tsMs !== undefined && retried.tsMs !== undefined
        ? `, ${((outcome.final.tsMs - retried.tsMs) / 1000).toFixed(1)} s later`
        : "";
    notes.push(
      `Re-INVITE glare: the re-INVITEs of both sides crossed and each got ${named(x)} (lines ${x.line} and ${y.line}, RFC 3261 §14.1). ` +
        `${winner ? `${winner}'s` : "One side's"} re-INVITE was sent again after its back-off and answered ${named(outcome.final)} on line ${outcome.final.line}${later}: resolved, not a failure of either side.` +
        (loser ? ` ${loser} did not send its own re-INVITE again in this log.` : ""),
    );
    if (notes.length === 3) break;
  }
  return notes;
}
